// The simulation's whole state: clock, event list, message pool, per-node state objects built once
// from the EngineInput, global counters and histograms. The flow functions in flow.ts act on it.
import type { EngineInput, MessageRecord, Outcome } from './types';
import { EventQueue } from './EventQueue';
import { MessagePool } from './pool';
import { Histogram } from './metrics';
import { streamFor, type Rng } from './random';
import { compileDistribution, type Sampler } from './distributions';

/** event type codes (Simulation.runEvents switches on the literals) */
export const EV_PUBLISH = 0;
export const EV_ARRIVE = 1;
export const EV_DONE = 2;
export const EV_BACKOFF = 3;
export const EV_TTL = 4;
export const EV_OUTAGE_END = 5;

/** node type codes */
export const T_PUBLISHER = 0;
export const T_TOPIC = 1;
export const T_QUEUE = 2;
export const T_HANDLER = 3;

/** overflow policy codes */
export const O_REJECT = 0;
export const O_DROP_OLDEST = 1;
export const O_BLOCK = 2;

/** arrival kind codes (publisher.nextGap switches on the literals) */
export const A_POISSON = 0;
export const A_CONSTANT = 1;
export const A_INTERVAL = 2;
export const A_BURST = 3;
export const A_SCHEDULE = 4;

export class PublisherState {
  published = 0;
  blockedCount = 0;
  blockedSinceMs = 0;
  blockedMs = 0;
  gen = 0;
  hasNext = false;
  nextGapMs = 0;
  burstIndex = 0;
  scheduleIndex = 0;
  constructor(
    readonly index: number, readonly rng: Rng, readonly outEdges: Int32Array, readonly arrivalKind: number,
    readonly meanGapMs: number, readonly gap: Sampler | null, readonly burstSize: number, readonly everyMs: number,
    readonly times: Float64Array, readonly limit: number, readonly startMs: number, readonly endMs: number, readonly keys: number,
  ) {}
}

export class TopicState {
  received = 0;
  constructor(readonly index: number, readonly outEdges: Int32Array) {}
}

export class QueueState {
  received = 0;
  dropped = 0;
  expired = 0;
  deadLettered = 0;
  maxDepth = 0;
  stored = 0;
  depthAreaMs = 0;
  depthLastMs = 0;
  roundRobin = 0;
  blockedHead = -1;
  blockedTail = -1;
  blockedLen = 0;
  /** set by queueHead(): the partition the picked copy heads, -1 for the blocked list */
  pickPart = 0;
  readonly wait = new Histogram();
  readonly heads: Int32Array;
  readonly tails: Int32Array;
  readonly lens: Int32Array;
  readonly locked: Uint8Array;
  /** blocked copies per partition (index 0 without partitions) */
  readonly blockedIn: Int32Array;
  /** per partition: the handler that last read from it (-1 none yet); shown as the partition's owner */
  readonly readBy: Int32Array;
  constructor(
    readonly index: number, readonly capacity: number, readonly overflow: number, readonly ttlMs: number,
    readonly deadLetter: number, readonly partitions: number, readonly handlers: Int32Array,
  ) {
    const fifos = partitions > 0 ? partitions : 1;
    this.heads = new Int32Array(fifos).fill(-1);
    this.tails = new Int32Array(fifos).fill(-1);
    this.lens = new Int32Array(fifos);
    this.locked = new Uint8Array(fifos);
    this.blockedIn = new Int32Array(fifos);
    this.readBy = new Int32Array(fifos).fill(-1);
  }
}

export class HandlerState {
  attempts = 0;
  completed = 0;
  failed = 0;
  retried = 0;
  free = 0;
  busy = 0;
  busyAreaMs = 0;
  busyLastMs = 0;
  /** ring of the times free slots became idle, oldest first */
  readonly idleSince: Float64Array;
  idleHead = 0;
  bufHead = -1;
  bufTail = -1;
  bufLen = 0;
  outagePtr = 0;
  readonly service = new Histogram();
  /** per handler: copies read straight off their first queue; merged into it publishToRead (and the global one)
   *  and, per source queue (same order as sources), into that queue's wait at report time */
  readonly publishToRead = new Histogram();
  readonly sharedReads: Histogram[];
  readonly hasOutages: boolean;
  /** the only source when it is a queue without partitions (fast hand-on), else null */
  soleQueue: QueueState | null = null;
  /** the edge from each source queue to this handler (same order as sources) */
  sourceEdges: Int32Array = new Int32Array(0);
  constructor(
    readonly index: number, readonly rng: Rng, readonly concurrency: number, readonly serviceDist: Sampler,
    readonly failureRate: number, readonly maxAttempts: number, readonly backoff: Sampler | null,
    readonly outageStarts: Float64Array, readonly outageEnds: Float64Array,
    readonly sources: Int32Array, readonly outEdges: Int32Array, readonly outProbability: Float64Array,
  ) {
    this.free = concurrency;
    this.sharedReads = Array.from(sources, () => new Histogram());
    this.idleSince = new Float64Array(concurrency);
    this.hasOutages = outageStarts.length > 0;
  }
}

export class EdgeState {
  constructor(readonly index: number, readonly source: number, readonly target: number, readonly latency: Sampler | null, readonly rng: Rng) {}
}

/** a handler slot kept busy by emitted copies waiting at full "block" queues */
export interface Hold { handler: number; queue: number; part: number; pending: number }

export const OUTCOMES: Outcome[] = ['completed', 'dropped', 'expired', 'deadLettered', 'failed', 'inFlight'];

export class Kernel {
  nowMs = 0;
  // numeric initializers: the fields hold unboxed doubles from the start (declared without one they would
  // start undefined and stay tagged, boxing every double compared or merged with them in the hot path)
  readonly warmupMs: number = 0;
  readonly stopAtMs: number = Infinity;
  events = 0;
  lastChangeMs = 0;
  readonly heap = new EventQueue(64);
  readonly pool = new MessagePool(1024);
  readonly nodeType: Int32Array;
  readonly nodeEvent: Int32Array;
  readonly eventNames: string[] = [];
  readonly publishers: (PublisherState | null)[] = [];
  readonly topics: (TopicState | null)[] = [];
  readonly queues: (QueueState | null)[] = [];
  readonly handlers: (HandlerState | null)[] = [];
  readonly edges: EdgeState[] = [];
  // totals
  published = 0;
  emitted = 0;
  sent = 0;
  completed = 0;
  retried = 0;
  dropped = 0;
  expired = 0;
  deadLettered = 0;
  failed = 0;
  live = 0;
  nextCopyId = 0;
  nextRootId = 0;
  stampSeq = 0;
  /** publishToDone is this merged with doneAtSinkAsRoot; endToEnd is endToEnd merged with doneAtSinkAsRoot */
  readonly publishToDone = new Histogram();
  readonly endToEnd = new Histogram();
  readonly doneAtSinkAsRoot = new Histogram();
  // blocked handler emissions
  readonly holds = new Map<number, Hold>();
  nextHoldId = 0;
  /** the hold being built while a handler emits (-1 none) */
  emitHold = -1;
  emitHandler = -1;
  emitQueue = -1;
  emitPart = -1;
  // in-transit list (doubly linked through pool.next/prev)
  transitHead = -1;
  transitCount = 0;
  /** copies sent along (or read over) each edge so far: the UI animates instant edges from its growth */
  readonly edgeCount: Float64Array;
  /** losses since the last snapshot: node, kind code (0 dropped, 1 expired, 2 deadLettered, 3 failed) */
  losses: number[] = [];
  readonly onMessage: ((record: MessageRecord) => void) | undefined;
  // the Step button's description of the current event
  describing = false;
  noteKind = '';
  noteNode = -1;
  noteMessage = -1;
  noteFrom = -1;
  noteWaitMs = -1;

  constructor(readonly input: EngineInput, onMessage?: (record: MessageRecord) => void) {
    this.onMessage = onMessage;
    this.warmupMs = input.warmupMs;
    this.stopAtMs = input.stopAtMs ?? Infinity;
    const n = input.nodes.length;
    this.nodeType = new Int32Array(n);
    this.nodeEvent = new Int32Array(n);
    const eventIndex = new Map<string, number>();
    const outEdges: number[][] = input.nodes.map(() => []);
    const inQueues: number[][] = input.nodes.map(() => []);
    const inQueueEdges: number[][] = input.nodes.map(() => []);
    this.edgeCount = new Float64Array(input.edges.length);
    for (const edge of input.edges) {
      outEdges[edge.source].push(edge.index);
      if (input.nodes[edge.source].type === 'queue') {
        inQueues[edge.target].push(edge.source);
        inQueueEdges[edge.target].push(edge.index);
      }
      const latency = edge.latency && !(edge.latency.kind === 'constant' && edge.latency.value === 0) ? compileDistribution(edge.latency) : null;
      this.edges.push(new EdgeState(edge.index, edge.source, edge.target, latency, streamFor(input.seed, 'edge:' + edge.id)));
    }
    for (const node of input.nodes) {
      const i = node.index;
      const event = node.type === 'queue' ? node.id : node.event;
      if (!eventIndex.has(event)) { eventIndex.set(event, this.eventNames.length); this.eventNames.push(event); }
      this.nodeEvent[i] = eventIndex.get(event) ?? 0;
      this.publishers.push(null); this.topics.push(null); this.queues.push(null); this.handlers.push(null);
      const rng = streamFor(input.seed, 'node:' + node.id);
      const outs = Int32Array.from(outEdges[i]);
      if (node.type === 'publisher') {
        this.nodeType[i] = T_PUBLISHER;
        const a = node.arrival;
        const startMs = node.startMs ?? 0;
        const endMs = node.endMs ?? Infinity;
        const kind = a.kind === 'poisson' ? A_POISSON : a.kind === 'constant' ? A_CONSTANT : a.kind === 'interval' ? A_INTERVAL : a.kind === 'burst' ? A_BURST : A_SCHEDULE;
        const meanGapMs = a.kind === 'poisson' || a.kind === 'constant' ? 1000 / a.ratePerSecond : 0;
        const times = a.kind === 'schedule' ? Float64Array.from(a.times.filter((t) => t >= startMs && t < endMs)).sort() : new Float64Array(0);
        this.publishers[i] = new PublisherState(i, rng, outs, kind, meanGapMs, a.kind === 'interval' ? compileDistribution(a.gap) : null,
          a.kind === 'burst' ? a.size : 0, a.kind === 'burst' ? a.every : 0, times, node.limit ?? Infinity, startMs, endMs, node.keys ?? 0);
      } else if (node.type === 'topic') {
        this.nodeType[i] = T_TOPIC;
        this.topics[i] = new TopicState(i, outs);
      } else if (node.type === 'queue') {
        this.nodeType[i] = T_QUEUE;
        const handlers = Int32Array.from(outEdges[i].map((e) => input.edges[e].target));
        this.queues[i] = new QueueState(i, node.capacity ?? Infinity, node.overflow === 'block' ? O_BLOCK : node.overflow === 'drop-oldest' ? O_DROP_OLDEST : O_REJECT,
          node.ttlMs ?? 0, node.deadLetterIndex ?? -1, node.partitions ?? 0, handlers);
      } else {
        this.nodeType[i] = T_HANDLER;
        const outages = [...node.outages].filter((w) => w.end > w.start).sort((x, y) => x.start - y.start || x.end - y.end);
        this.handlers[i] = new HandlerState(i, rng, node.concurrency, compileDistribution(node.service), node.failureRate,
          node.retry?.maxAttempts ?? 1, node.retry ? compileDistribution(node.retry.backoff) : null,
          Float64Array.from(outages.map((w) => w.start)), Float64Array.from(outages.map((w) => w.end)),
          Int32Array.from(inQueues[i]), outs, Float64Array.from(outEdges[i].map((e) => input.edges[e].probability)));
      }
    }
    for (const handler of this.handlers) {
      if (handler !== null) handler.sourceEdges = Int32Array.from(inQueueEdges[handler.index]);
      if (handler === null || handler.sources.length !== 1) continue;
      const queue = this.queues[handler.sources[0]];
      if (queue !== null && queue.partitions === 0) handler.soleQueue = queue;
    }
  }
}
