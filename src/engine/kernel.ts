// The simulation's whole state: clock, event list, message pool, per-node state objects built once
// from the EngineInput, global counters and histograms. The flow functions in flow.ts act on it.
import { PartitionTally } from './partitionTally';
import type { EngineInput, EngineNode, MessageRecord } from './types';
import { ArrivalCode, NodeCode, OverflowCode, type StepKind } from './codes';
import { EventQueue } from './EventQueue';
import { MessagePool } from './pool';
import { Histogram } from './metrics';
import { streamFor, type Rng } from './random';
import { compileDistribution, type Sampler } from './distributions';
import { cumulativeWeights } from './route';
import { Lanes } from './priority';
import { DEFAULT_MAX_BACKOFF_MS } from './backoff';
import { compileProfile, type CompiledProfile } from './profile';
import { planOwnedQueues, type Ownership } from './owned';

/** What a publisher is built from (Kernel's constructor fills it from the EngineInput). */
export interface PublisherOptions {
  index: number; rng: Rng; outEdges: Int32Array; arrivalKind: ArrivalCode;
  /** poisson and constant: 1000 / ratePerSecond */
  meanGapMs: number; gap: Sampler | null; burstSize: number; everyMs: number;
  /** schedule times inside [start, end), sorted */
  times: Float64Array; limit: number; startMs: number; endMs: number; keys: number;
  /** route "one": cumulative edge weights (route.ts), else null */
  routeWeights: Float64Array | null;
  /** its messages' priority */
  priority: number;
  /** the profile arrival's rates (profile.ts), else null */
  profile: CompiledProfile | null;
}

export class PublisherState {
  readonly index: number;
  readonly rng: Rng;
  readonly outEdges: Int32Array;
  readonly arrivalKind: ArrivalCode;
  readonly meanGapMs: number;
  readonly gap: Sampler | null;
  readonly burstSize: number;
  readonly everyMs: number;
  readonly times: Float64Array;
  readonly limit: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly keys: number;
  readonly routeWeights: Float64Array | null;
  readonly priority: number;
  readonly profile: CompiledProfile | null;
  published = 0;
  blockedCount = 0;
  blockedSinceMs = 0;
  blockedMs = 0;
  gen = 0;
  hasNext = false;
  nextGapMs = 0;
  burstIndex = 0;
  scheduleIndex = 0;
  constructor(o: PublisherOptions) {
    this.index = o.index; this.rng = o.rng; this.outEdges = o.outEdges; this.arrivalKind = o.arrivalKind;
    this.meanGapMs = o.meanGapMs; this.gap = o.gap; this.burstSize = o.burstSize; this.everyMs = o.everyMs;
    this.times = o.times; this.limit = o.limit; this.startMs = o.startMs; this.endMs = o.endMs; this.keys = o.keys;
    this.routeWeights = o.routeWeights; this.priority = o.priority; this.profile = o.profile;
  }
}

export class TopicState {
  received = 0;
  constructor(readonly index: number, readonly outEdges: Int32Array) {}
}

export interface QueueOptions {
  index: number;
  /** Infinity when unbounded */
  capacity: number;
  overflow: OverflowCode;
  /** 0 when messages never expire */
  ttlMs: number;
  /** the dead-letter queue's node index, -1 for none */
  deadLetter: number;
  /** 0 without partitions */
  partitions: number;
  /** the handlers it feeds, in edge order */
  handlers: Int32Array;
  /** order "priority": stored copies sorted by priority (priority.ts), else null */
  lanes: Lanes | null;
}

export class QueueState {
  readonly index: number;
  readonly capacity: number;
  readonly overflow: OverflowCode;
  readonly ttlMs: number;
  readonly deadLetter: number;
  readonly partitions: number;
  readonly handlers: Int32Array;
  readonly lanes: Lanes | null;
  /** assignment "owned": who reads which partition and whether a rebalance pauses reading (owned.ts), else null */
  owned: Ownership | null = null;
  received = 0;
  dropped = 0;
  expired = 0;
  deadLettered = 0;
  maxDepth = 0;
  /** when maxDepth was first reached, and when the queue was next empty (-1: not yet) */
  peakAtMs = 0;
  drainedAtMs = 0;
  /** dead-lettered because their TTL ran out (the rest: retries exhausted) */
  deadLetteredTtl = 0;
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
  readonly tally: PartitionTally; // per partition, for the report's partitionStats
  constructor(o: QueueOptions) {
    this.index = o.index; this.capacity = o.capacity; this.overflow = o.overflow; this.ttlMs = o.ttlMs;
    this.deadLetter = o.deadLetter; this.partitions = o.partitions; this.handlers = o.handlers;
    this.lanes = o.lanes;
    const partitions = o.partitions;
    const fifos = partitions > 0 ? partitions : 1;
    this.heads = new Int32Array(fifos).fill(-1);
    this.tails = new Int32Array(fifos).fill(-1);
    this.lens = new Int32Array(fifos);
    this.locked = new Uint8Array(fifos);
    this.blockedIn = new Int32Array(fifos);
    this.readBy = new Int32Array(fifos).fill(-1);
    this.tally = new PartitionTally(fifos);
  }
}

export interface HandlerOptions {
  index: number; rng: Rng; concurrency: number; serviceDist: Sampler; failureRate: number;
  /** 1 without retry */
  maxAttempts: number; backoff: Sampler | null;
  /** backoff growth (backoff.ts): 1 and Infinity when the file gives neither */
  backoffMultiplier: number; maxBackoffMs: number;
  /** outage windows sorted by start (empty ones left out) */
  outageStarts: Float64Array; outageEnds: Float64Array;
  /** queues feeding it; its outgoing edges and their probabilities */
  sources: Int32Array; sourceEdges: Int32Array; outEdges: Int32Array; outProbability: Float64Array;
  /** route "one": cumulative weights of the success edges, else null */
  outWeights: Float64Array | null;
  /** edges sent along when a copy's last attempt fails (`when: "failure"`), their probabilities and weights */
  failEdges: Int32Array; failProbability: Float64Array; failWeights: Float64Array | null;
  /** its emissions' priority, -1: the completed message's; order "priority" of its buffer, else null */
  priority: number; lanes: Lanes | null;
  /** brown-outs: service multiplier and failure rate over time, evaluated at an attempt's start (profile.ts) */
  serviceProfile: CompiledProfile | null; failureProfile: CompiledProfile | null;
}

export class HandlerState {
  readonly index: number;
  readonly rng: Rng;
  readonly concurrency: number;
  readonly serviceDist: Sampler;
  readonly failureRate: number;
  readonly maxAttempts: number;
  readonly backoff: Sampler | null;
  readonly backoffMultiplier: number;
  readonly maxBackoffMs: number;
  readonly outageStarts: Float64Array;
  readonly outageEnds: Float64Array;
  readonly sources: Int32Array;
  readonly outEdges: Int32Array;
  readonly outProbability: Float64Array;
  readonly outWeights: Float64Array | null;
  readonly failEdges: Int32Array;
  readonly failProbability: Float64Array;
  readonly failWeights: Float64Array | null;
  readonly priority: number;
  readonly lanes: Lanes | null;
  readonly serviceProfile: CompiledProfile | null;
  readonly failureProfile: CompiledProfile | null;
  attempts = 0;
  completed = 0;
  failed = 0;
  retried = 0;
  free = 0;
  busy = 0;
  busyAreaMs = 0;
  busyLastMs = 0;
  /** root publish → done of copies completed here when this is a sink (report latency.endToEndBySink) */
  readonly endToEnd = new Histogram();
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
  readonly sourceEdges: Int32Array;
  constructor(o: HandlerOptions) {
    this.index = o.index; this.rng = o.rng; this.concurrency = o.concurrency; this.serviceDist = o.serviceDist;
    this.failureRate = o.failureRate; this.maxAttempts = o.maxAttempts; this.backoff = o.backoff;
    this.backoffMultiplier = o.backoffMultiplier; this.maxBackoffMs = o.maxBackoffMs;
    this.outageStarts = o.outageStarts; this.outageEnds = o.outageEnds;
    this.sources = o.sources; this.sourceEdges = o.sourceEdges; this.outEdges = o.outEdges; this.outProbability = o.outProbability;
    this.outWeights = o.outWeights; this.failEdges = o.failEdges; this.failProbability = o.failProbability; this.failWeights = o.failWeights;
    this.priority = o.priority; this.lanes = o.lanes; this.serviceProfile = o.serviceProfile; this.failureProfile = o.failureProfile;
    this.free = o.concurrency;
    this.sharedReads = Array.from(o.sources, () => new Histogram());
    this.idleSince = new Float64Array(o.concurrency);
    this.hasOutages = o.outageStarts.length > 0;
  }
}

export class EdgeState { constructor(readonly index: number, readonly source: number, readonly target: number, readonly latency: Sampler | null, readonly rng: Rng) {} }

/** one thing a Step did, with node indices (stepNotes.ts turns them into ids) */
export interface RawStepNote { kind: StepKind; node: number; id: number; from: number; waitMs: number; serviceMs: number; attempt: number; extraMs: number; reason: string }

/** What the current Step did, filled by flow.ts note() while Step runs its one event; read by stepNotes.ts. */
export class StepNotes {
  /** every note in order (at most MAX_STEP_NOTES); the first one is the step's headline */
  notes: RawStepNote[] = [];
  /** the copy the step names: the first note's, or for a publish the first copy made (-1 none) */
  message = -1;
  /** the nodes the step sent new copies to, in order */
  sent: number[] = [];
  /** the event type of the first copy the step sent, -1 none */
  event = -1;
  clear(): void {
    this.notes = [];
    this.message = -1;
    this.sent = [];
    this.event = -1;
  }
}

/** a handler slot kept busy by emitted copies waiting at full "block" queues */
export interface Hold { handler: number; queue: number; part: number; pending: number }

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
  /** losses since the last snapshot: node, OutcomeCode (dropped, expired, deadLettered or failed) */
  losses: number[] = [];
  readonly onMessage: ((record: MessageRecord) => void) | undefined;
  /** true while Step runs its one event: the flow functions then fill stepNotes */
  describing = false;
  readonly stepNotes = new StepNotes();

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
        this.nodeType[i] = NodeCode.publisher;
        const a = node.arrival;
        const startMs = node.startMs ?? 0;
        const endMs = node.endMs ?? Infinity;
        const kind: ArrivalCode = ArrivalCode[a.kind];
        const meanGapMs = a.kind === 'poisson' || a.kind === 'constant' ? 1000 / a.ratePerSecond : 0;
        const times = a.kind === 'schedule' ? Float64Array.from(a.times.filter((t) => t >= startMs && t < endMs)).sort() : new Float64Array(0);
        this.publishers[i] = new PublisherState({
          index: i, rng, outEdges: outs, arrivalKind: kind, meanGapMs, gap: a.kind === 'interval' ? compileDistribution(a.gap) : null,
          burstSize: a.kind === 'burst' ? a.size : 0, everyMs: a.kind === 'burst' ? a.every : 0, times,
          limit: node.limit ?? Infinity, startMs, endMs, keys: node.keys ?? 0,
          routeWeights: cumulativeWeights(input, node.route === 'one', outEdges[i]), priority: node.priority ?? 0,
          profile: a.kind === 'profile' ? compileProfile(a) : null,
        });
      } else if (node.type === 'topic') {
        this.nodeType[i] = NodeCode.topic;
        this.topics[i] = new TopicState(i, outs);
      } else if (node.type === 'queue') {
        this.nodeType[i] = NodeCode.queue;
        const handlers = Int32Array.from(outEdges[i].map((e) => input.edges[e].target));
        this.queues[i] = new QueueState({
          index: i, capacity: node.capacity ?? Infinity,
          overflow: node.overflow === 'block' ? OverflowCode.block : node.overflow === 'drop-oldest' ? OverflowCode.dropOldest : OverflowCode.reject,
          ttlMs: node.ttlMs ?? 0, deadLetter: node.deadLetterIndex ?? -1, partitions: node.partitions ?? 0, handlers,
          lanes: node.order === 'priority' ? new Lanes() : null,
        });
      } else {
        this.nodeType[i] = NodeCode.handler;
        this.handlers[i] = handlerState(input, node, rng, outEdges[i], inQueues[i], inQueueEdges[i]);
      }
    }
    planOwnedQueues(this);
    for (const handler of this.handlers) {
      if (handler === null || handler.sources.length !== 1) continue;
      const queue = this.queues[handler.sources[0]];
      if (queue !== null && queue.partitions === 0) handler.soleQueue = queue;
    }
  }
}

/** a handler's state: success and failure edges apart, outages sorted, the sources in edge order */
function handlerState(input: EngineInput, node: Extract<EngineNode, { type: 'handler' }>, rng: Rng, outs: number[], sources: number[], sourceEdges: number[]): HandlerState {
  const success = outs.filter((e) => input.edges[e].failure !== true);
  const failure = outs.filter((e) => input.edges[e].failure === true);
  const probabilities = (edges: number[]): Float64Array => Float64Array.from(edges.map((e) => input.edges[e].probability));
  const outages = [...node.outages].filter((w) => w.end > w.start).sort((x, y) => x.start - y.start || x.end - y.end);
  return new HandlerState({
    index: node.index, rng, concurrency: node.concurrency, serviceDist: compileDistribution(node.service), failureRate: node.failureRate,
    maxAttempts: node.retry?.maxAttempts ?? 1, backoff: node.retry ? compileDistribution(node.retry.backoff) : null,
    backoffMultiplier: node.retry?.multiplier ?? 1,
    maxBackoffMs: node.retry?.maxBackoff ?? (node.retry?.multiplier !== undefined ? DEFAULT_MAX_BACKOFF_MS : Infinity),
    outageStarts: Float64Array.from(outages.map((w) => w.start)), outageEnds: Float64Array.from(outages.map((w) => w.end)),
    sources: Int32Array.from(sources), sourceEdges: Int32Array.from(sourceEdges), outEdges: Int32Array.from(success), outProbability: probabilities(success),
    outWeights: cumulativeWeights(input, node.route === 'one', success),
    failEdges: Int32Array.from(failure), failProbability: probabilities(failure), failWeights: cumulativeWeights(input, node.route === 'one', failure),
    priority: node.priority ?? -1, lanes: node.order === 'priority' ? new Lanes() : null,
    serviceProfile: node.serviceProfile ? compileProfile(node.serviceProfile) : null,
    failureProfile: node.failureProfile ? compileProfile(node.failureProfile) : null,
  });
}
