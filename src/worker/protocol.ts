// The typed protocol between the page and the simulation worker (or its main-thread fallback):
// one discriminated union of requests, one of responses. Everything here is structured-cloneable.
import type { MessageRecord, NodeType, Report, SloVerdict, Snapshot, StepDescription } from '../engine/types';
import type { Scenario } from '../model/types';
import type { LiveCopies } from '../engine/liveCopies';
import type { WaitUncertainty } from './waitBatches';

export type { LiveCopies, WaitUncertainty };

/** What the page needs to know about the compiled run to draw it (indices match Snapshot arrays). */
export interface RunMeta {
  nodes: { id: string; type: NodeType; label?: string; capacity?: number; concurrency?: number; meanServiceMs?: number }[];
  /** `instant`: no latency (nothing is ever in transit on it, the UI animates it from Snapshot.edgeCount);
   *  `event`: index into tokenEvents of what copies on it carry (0xffff unknown) */
  edges: { id: string; source: number; target: number; instant?: boolean; event?: number }[];
  /** the model's event types E, in order */
  events: string[];
  /** every event name a message can carry (publishers', topics', handlers'), indexed by PackedTransit.event */
  tokenEvents: string[];
  stopAtMs?: number;
  warmupMs: number;
  scenarioName: string;
  seed: number;
}

/** Time series sampled in virtual-time buckets (bucket i ends at timeMs[i]). NaN where a bucket had no value. */
export interface SeriesData {
  bucketMs: number;
  length: number;
  timeMs: Float64Array;
  /** node ids of the queues (and buffered handlers) whose depth is sampled, one array each */
  depthNodeIds: string[];
  depth: Float64Array[];
  completedPerSecond: Float64Array;
  lossesPerSecond: Float64Array;
  latencyP50Ms: Float64Array;
  latencyP95Ms: Float64Array;
  latencyP99Ms: Float64Array;
  /** publish→done latency of completed copies over the whole run (after warm-up), log-spaced bins */
  histogram: { lowerMs: Float64Array; upperMs: Float64Array; count: Float64Array };
}

/** Messages in transit as typed arrays (cheap to transfer): edge index, progress 0..1, index into RunMeta.tokenEvents. */
export interface PackedTransit {
  count: number;
  edge: Int32Array;
  progress: Float32Array;
  event: Uint16Array;
}

/** Loss events merged over every snapshot taken since the previous update (so sampling never hides a flash). */
export type Loss = Snapshot['losses'][number];

/** One batch of progress the page applies at most once per animation frame. */
export interface Update {
  /** the engine's snapshot, its transit list moved into `transit` */
  snapshot: Snapshot;
  transit: PackedTransit;
  /** records that reached their outcome since the previous update (at most the ring size) */
  records: MessageRecord[];
  /** records dropped from the batch because more than the ring size arrived at once */
  recordsSkipped: number;
  losses: Loss[];
  series?: SeriesData;
  /** present once the run is finished */
  report?: Report;
  /** the copies sent and not yet at an outcome at the snapshot's time (the live rows of the Messages table) */
  live?: LiveCopies;
  /** with the report: per node the copies were sent to, the sampling uncertainty of the mean wait r − p (batch means) */
  waits?: Record<string, WaitUncertainty>;
  /** the scenario's goals judged on the run so far (with the series, and at the end the report's own) */
  slo?: SloVerdict[];
}

export interface LoadOptions {
  /** most transit entries a snapshot lists */
  maxTransit: number;
  /** latest message records kept (the Messages table's ring) */
  keepRecords: number;
  /** most live copies an update lists (default 5,000) */
  maxLive?: number;
}

export type Request =
  | { type: 'load'; requestId: number; scenario: Scenario; options: LoadOptions }
  | { type: 'advance'; requestId: number; untilMs: number }
  | { type: 'step'; requestId: number }
  | { type: 'runToEnd'; requestId: number; progressEveryMs: number }
  | { type: 'cancel'; requestId: number }
  | { type: 'exportCsv'; requestId: number; maxRows: number }
  /** the run's time series (architect.md), the same text as `npm run sim -- FILE --series OUT.csv|OUT.json` */
  | { type: 'exportSeries'; requestId: number; format: 'csv' | 'json' }
  | { type: 'dispose'; requestId: number };

export type Response =
  | { type: 'loaded'; requestId: number; meta: RunMeta; update: Update }
  | { type: 'advanced'; requestId: number; update: Update; wallMs: number; events: number }
  | { type: 'stepped'; requestId: number; step: StepDescription | null; update: Update }
  | { type: 'progress'; requestId: number; update: Update }
  | { type: 'finished'; requestId: number; update: Update; cancelled: boolean }
  | { type: 'csv'; requestId: number; blob: Blob; rows: number }
  /** the full run has more message copies than the browser may hold as one file */
  | { type: 'csvTooBig'; requestId: number; maxRows: number }
  | { type: 'series'; requestId: number; text: string; buckets: number; bucketMs: number }
  /** more than 100,000 buckets (cannot happen with the default bucket; kept for symmetry with the CLI) */
  | { type: 'seriesRefused'; requestId: number; message: string }
  | { type: 'disposed'; requestId: number }
  | { type: 'error'; requestId: number; message: string };

export type RequestType = Request['type'];

/** Anything that accepts requests and answers through a listener: the worker, or the main-thread fallback. */
export interface SimBackend {
  post(request: Request): void;
  onResponse(listener: (response: Response) => void): void;
  /** a crash the backend cannot answer as a response (worker error event) */
  onCrash(listener: (message: string) => void): void;
  terminate(): void;
  readonly kind: 'worker' | 'main-thread';
}
