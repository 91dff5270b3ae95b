// The engine's public contract: its input (a compiled scenario), the report, the per-message record
// and the cheap snapshot the UI animates from. Pure types; shared by model, worker, UI and CLI.

/** A non-negative random duration in virtual ms (spec: Distributions). */
export type Distribution =
  | { kind: 'constant'; value: number }
  | { kind: 'exponential'; mean: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'lognormal'; mean: number; sd: number }
  | { kind: 'erlang'; k: number; mean: number }
  | { kind: 'empirical'; values: number[] };

/** When a publisher publishes (spec: Arrivals). */
export type Arrival =
  | { kind: 'poisson'; ratePerSecond: number }
  | { kind: 'constant'; ratePerSecond: number }
  | { kind: 'interval'; gap: Distribution }
  | { kind: 'burst'; size: number; every: number }
  | { kind: 'schedule'; times: number[] };

export type OverflowPolicy = 'reject' | 'drop-oldest' | 'block';
export type NodeType = 'publisher' | 'topic' | 'queue' | 'handler';

/** One node of the compiled model; `index` is its position in EngineInput.nodes. */
export type EngineNode =
  | { type: 'publisher'; index: number; id: string; event: string; arrival: Arrival; limit?: number; startMs?: number; endMs?: number; keys?: number }
  | { type: 'topic'; index: number; id: string; event: string }
  | { type: 'queue'; index: number; id: string; capacity?: number; overflow: OverflowPolicy; ttlMs?: number; deadLetterIndex?: number; partitions?: number }
  | { type: 'handler'; index: number; id: string; event: string; concurrency: number; service: Distribution; failureRate: number;
      retry?: { maxAttempts: number; backoff: Distribution }; outages: { start: number; end: number }[] };

/** One edge; `source`/`target` are node indices; edges keep file order (ties are broken by edge order). */
export interface EngineEdge {
  index: number;
  id: string;
  source: number;
  target: number;
  latency?: Distribution;
  probability: number;
}

/** The model's sets as the report names them. */
export interface ModelSets {
  E: string[];
  H: string[];
  S: [string, string][];
}

/** What compile(scenario) hands the engine. Already validated. */
export interface EngineInput {
  name: string;
  seed: number;
  stopAtMs?: number;
  warmupMs: number;
  nodes: EngineNode[];
  edges: EngineEdge[];
  sets: ModelSets;
}

export type Outcome = 'completed' | 'dropped' | 'expired' | 'deadLettered' | 'failed' | 'inFlight';

/** One message copy of the Q set, handed to the listener when it reaches its outcome (or at run end for inFlight). */
export interface MessageRecord {
  id: number;
  /** The copy this one was made from (emitting copy, or the dead-lettered copy); -1 for a published root. */
  parent: number;
  root: number;
  event: string;
  /** Node id the copy was sent to (queue or handler). */
  node: string;
  publishedAt: number;
  readAt: number | null;
  doneAt: number | null;
  outcome: Outcome;
  attempts: number;
}

export interface Stats {
  count: number;
  mean: number | null;
  min: number | null;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export interface Totals {
  published: number;
  emitted: number;
  sent: number;
  completed: number;
  retried: number;
  dropped: number;
  expired: number;
  deadLettered: number;
  failed: number;
  inFlight: number;
}

export type NodeReport =
  | { type: 'publisher'; published: number; blockedMs: number }
  | { type: 'topic'; received: number }
  | { type: 'queue'; received: number; dropped: number; expired: number; deadLettered: number; maxDepth: number; meanDepth: number; wait: Stats }
  | { type: 'handler'; attempts: number; completed: number; failed: number; retried: number; utilization: number; service: Stats; publishToRead: Stats };

export interface Report {
  format: 'eventflow-report';
  version: 1;
  scenario: string;
  seed: number;
  endTime: number;
  totals: Totals;
  latency: { publishToRead: Stats; publishToDone: Stats; endToEnd: Stats };
  nodes: Record<string, NodeReport>;
  sets: ModelSets;
  perf: { wallMs: number; events: number; eventsPerSecond: number };
}

/** What the Step button reports: one executed event, in words the UI can translate. */
export interface StepDescription {
  timeMs: number;
  kind: 'publish' | 'arrive' | 'read' | 'complete' | 'fail' | 'retry' | 'drop' | 'expire' | 'deadLetter' | 'emit' | 'block' | 'unblock' | 'timer';
  nodeId: string;
  messageId: number;
  /** e.g. the queue a handler read from */
  fromNodeId?: string;
  waitedMs?: number;
}

/** A cheap picture of the run for animation; arrays are indexed like EngineInput.nodes / edges. */
export interface Snapshot {
  timeMs: number;
  done: boolean;
  events: number;
  totals: Totals;
  /** stored messages per node (queues; handler buffers), 0 for others */
  depth: number[];
  /** busy slots per node (handlers), 0 for others */
  busy: number[];
  /** messages in transit: edge index, progress 0..1 along the edge, event type; at most `maxTransit` entries */
  transit: { edge: number; progress: number; event: string }[];
  /** drops/expiries/dead letters/failures since the previous snapshot, by node index */
  losses: { node: number; kind: 'dropped' | 'expired' | 'deadLettered' | 'failed' }[];
  /** running per-node counters for live badges: completed per handler, received per queue/topic, published per publisher */
  count: number[];
  /** copies sent along (or read over) each edge so far, by edge index */
  edgeCount: number[];
  /** partitioned queues: stored copies per partition and the handler that last read from it (-1 none) */
  lanes: { node: number; depth: number[]; owner: number[] }[];
}
