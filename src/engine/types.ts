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
  | { kind: 'schedule'; times: number[] }
  | ({ kind: 'profile' } & Profile);

/** architect.md "Traffic that changes over time": [time ms, value] points from 0, step (default) or linear, repeating or holding */
export interface Profile { shape?: 'step' | 'linear'; repeat?: number; points: [number, number][] }

export type OverflowPolicy = 'reject' | 'drop-oldest' | 'block';
export type NodeType = 'publisher' | 'topic' | 'queue' | 'handler';

/** One node of the compiled model; `index` is its position in EngineInput.nodes. */
export type EngineNode =
  | { type: 'publisher'; index: number; id: string; label?: string; event: string; arrival: Arrival; limit?: number; startMs?: number; endMs?: number; keys?: number; route?: 'one';
      /** architect.md "Priorities": its messages' priority 0 … 9 (0 when absent) */
      priority?: number }
  | { type: 'topic'; index: number; id: string; label?: string; event: string }
  | { type: 'queue'; index: number; id: string; label?: string; capacity?: number; overflow: OverflowPolicy; ttlMs?: number; deadLetterIndex?: number; partitions?: number;
      /** highest priority first, then earliest stored (never with partitions) */
      order?: 'priority';
      /** architect.md "Consumer groups": owned partitions (owned.ts), with the session timeout and rebalance pause */
      assignment?: 'owned'; sessionTimeoutMs?: number; rebalanceMs?: number }
  | { type: 'handler'; index: number; id: string; label?: string; event: string; concurrency: number; service: Distribution; failureRate: number;
      retry?: { maxAttempts: number; backoff: Distribution; multiplier?: number; maxBackoff?: number }; outages: { start: number; end: number }[]; route?: 'one';
      /** its emissions' priority (absent: the priority of the message it completed); order of its own buffer */
      priority?: number; order?: 'priority'; serviceProfile?: Profile; failureProfile?: Profile };

/** One edge; `source`/`target` are node indices; edges keep file order (ties are broken by edge order). */
export interface EngineEdge {
  index: number;
  id: string;
  source: number;
  target: number;
  latency?: Distribution;
  probability: number;
  /** a `route: "one"` choice's weight (only set when the source routes one) */
  weight?: number;
  /** edges leaving a handler that send when a copy's last attempt fails */
  failure?: true;
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
  /** the node that made the copy: its publisher, the handler that emitted it, or the queue that dead-lettered it */
  from: string;
  /** the handler that read it last (null when never read) */
  handler: string | null;
  /** when its last attempt started (null when never read); service = doneAt − startedAt */
  startedAt: number | null;
  /** architect.md: its priority (0 … 9), key (null without keys) and partition (null outside a partitioned queue) */
  priority?: number;
  key?: number | null;
  partition?: number | null;
}

/** Where a live copy (sent, no outcome yet) is: travelling an edge, stored in a queue or handler buffer,
 *  waiting at a full "block" queue, being handled, or waiting out a retry backoff. */
export type LiveState = 'transit' | 'waiting' | 'blocked' | 'service' | 'backoff';

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

/** `label` is present when the scenario gives the node one (the report's keys stay the ids) */
export type NodeReport =
  | { type: 'publisher'; label?: string; published: number; blockedMs: number }
  | { type: 'topic'; label?: string; received: number }
  | {
    type: 'queue'; label?: string; received: number; dropped: number; expired: number; deadLettered: number; maxDepth: number; meanDepth: number; wait: Stats;
    /** architect.md: when maxDepth was first reached; from then until the queue was next empty (null: never) */
    peakAt: number; drainMs: number | null;
    /** architect.md: with partitions, per partition (owner: the handler id at the end of the run, null when shared) */
    partitionStats?: { received: number; maxDepth: number; meanDepth: number; owner: string | null }[];
    /** only for a queue with a dead-letter queue: why its copies were dead-lettered */
    deadLetteredBy?: { ttl: number; retries: number };
  }
  | { type: 'handler'; label?: string; attempts: number; completed: number; failed: number; retried: number; utilization: number; service: Stats; publishToRead: Stats };

/** one goal's verdict: its bounds (absent ones left out), the measured value and PASS/FAIL */
export interface SloVerdict { metric: string; max?: number; min?: number; value: number | null; pass: boolean }

export interface Report {
  format: 'eventflow-report';
  version: 1;
  scenario: string;
  seed: number;
  endTime: number;
  totals: Totals;
  latency: { publishToRead: Stats; publishToDone: Stats; endToEnd: Stats; endToEndBySink: Record<string, Stats> };
  nodes: Record<string, NodeReport>;
  sets: ModelSets;
  perf: { wallMs: number; events: number; eventsPerSecond: number };
  /** only when the file or the command line has goals (architect.md "Service-level objectives") */
  slo?: SloVerdict[];
  /** only when the engine's safety net stopped the run early (src/engine/budget.ts) */
  stopped?: { budget: 'events' | 'copiesInFlight'; limit: number; atMs: number; message: string };
}

export type StepKind = 'publish' | 'arrive' | 'read' | 'complete' | 'fail' | 'retry' | 'drop' | 'expire' | 'deadLetter' | 'emit' | 'block' | 'unblock' | 'timer';

/** One thing a Step did, in ids the UI can name and translate. */
export interface StepNote {
  kind: StepKind;
  nodeId: string;
  /** the copy acted on; -1 when none (a timer, or a message still travelling to a topic) */
  messageId: number;
  /** e.g. the queue a handler read from */
  fromNodeId?: string;
  /** a read: r − p, how long the copy waited since it was published */
  waitedMs?: number;
  /** the end of an attempt: how long it was handled */
  serviceMs?: number;
  /** a read: which attempt it starts (1 = first); a failure: attempts made */
  attempt?: number;
  /** a limit the note refers to, e.g. the queue's ttl for an expiry */
  limitMs?: number;
  /** why: drop 'full' | 'oldest' | 'noRoom'; expire/deadLetter 'ttl' | 'retries'; retry 'failed' | 'back'; fail 'retries' */
  reason?: string;
}

/** What the Step button reports: the executed event's first note, what else happened in it, where new copies went. */
export interface StepDescription extends StepNote {
  timeMs: number;
  /** a publish: the event type of the message */
  event?: string;
  /** the queues and handlers new copies were sent to in this step, in order */
  sentTo?: string[];
  /** the further notes of the same event (e.g. a finished copy, then the slot reading the next one) */
  then?: StepNote[];
  /** this step was the run's last event */
  ended?: boolean;
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
