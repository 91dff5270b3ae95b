// Per-node run state: what publishers, topics, queues and handlers are built from and what they
// keep while a run goes on, laid out for the cache (hot fields first; hot doubles in NodeDoubles, struct of
// arrays). The Kernel (kernel.ts) builds one per node; the flow functions act on them.
import { PartitionTally } from './partitionTally';
import type { ArrivalCode, OverflowCode } from './codes';
import type { Rng } from './random';
import type { Sampler } from './distributions';
import type { Lanes } from './priority';
import type { CompiledProfile } from './profile';
import type { Ownership } from './owned';

/** What a publisher is built from (Kernel's constructor fills it from the EngineInput). */
export interface PublisherOptions {
  index: number; rng: Rng; outEdges: Int32Array; arrivalKind: ArrivalCode;
  gap: Sampler | null; burstSize: number; everyMs: number;
  /** schedule times inside [start, end), sorted */
  times: Float64Array; limit: number; startMs: number; keys: number;
  /** route "one": cumulative edge weights (route.ts), else null */
  routeWeights: Float64Array | null;
  /** its messages' priority */
  priority: number;
  /** the profile arrival's rates (profile.ts), else null */
  profile: CompiledProfile | null;
}

export class PublisherState {
  // hot fields first (V8 lays fields out in declaration order): a publish touches the first lines only
  readonly index: number;
  readonly rng: Rng;
  readonly arrivalKind: ArrivalCode;
  /** how many edges out, and the first (one edge out: outEdges is not read) */
  readonly outCount: number;
  readonly out0: number;
  readonly routeWeights: Float64Array | null;
  readonly keys: number;
  readonly priority: number;
  readonly limit: number;
  published = 0;
  gen = 0;
  blockedCount = 0;
  hasNext = false;
  burstIndex = 0;
  scheduleIndex = 0;
  readonly gap: Sampler | null;
  readonly burstSize: number;
  readonly everyMs: number;
  readonly times: Float64Array;
  readonly startMs: number;
  readonly profile: CompiledProfile | null;
  readonly outEdges: Int32Array;
  constructor(o: PublisherOptions) {
    this.index = o.index; this.rng = o.rng; this.arrivalKind = o.arrivalKind; this.outEdges = o.outEdges;
    this.outCount = o.outEdges.length; this.out0 = o.outEdges.length > 0 ? o.outEdges[0] : -1;
    this.routeWeights = o.routeWeights; this.keys = o.keys; this.priority = o.priority; this.limit = o.limit;
    this.gap = o.gap; this.burstSize = o.burstSize; this.everyMs = o.everyMs;
    this.times = o.times; this.startMs = o.startMs; this.profile = o.profile;
  }
}

export class TopicState {
  received = 0;
  constructor(readonly index: number, readonly outEdges: Int32Array) {}
}

export interface QueueOptions {
  index: number;
  overflow: OverflowCode;
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
  // hot fields first (V8 lays fields out in declaration order): an arrival read at once touches one line
  readonly partitions: number;
  stored = 0;
  blockedLen = 0;
  received = 0;
  /** the only handler it feeds (-1: none or several): an arriving copy asks no one else */
  readonly soleReader: number;
  readonly index: number;
  readonly handlers: Int32Array;
  /** assignment "owned": who reads which partition and whether a rebalance pauses reading (owned.ts), else null */
  owned: Ownership | null = null;
  readonly lanes: Lanes | null;
  readonly heads: Int32Array;
  readonly tails: Int32Array;
  readonly lens: Int32Array;
  maxDepth = 0;
  /** set by queueHead(): the partition the picked copy heads, -1 for the blocked list */
  pickPart = 0;
  /** histogram id in the kernel's RecordLog (recordLog.ts), given by the Kernel */
  waitId = -1;
  readonly overflow: OverflowCode;
  readonly deadLetter: number;
  dropped = 0;
  expired = 0;
  deadLettered = 0;
  /** dead-lettered because their TTL ran out (the rest: retries exhausted) */
  deadLetteredTtl = 0;
  roundRobin = 0;
  blockedHead = -1;
  blockedTail = -1;
  readonly locked: Uint8Array;
  /** blocked copies per partition (index 0 without partitions) */
  readonly blockedIn: Int32Array;
  /** per partition: the handler that last read from it (-1 none yet); shown as the partition's owner */
  readonly readBy: Int32Array;
  readonly tally: PartitionTally; // per partition, for the report's partitionStats
  constructor(o: QueueOptions) {
    this.index = o.index; this.partitions = o.partitions; this.handlers = o.handlers;
    this.soleReader = o.handlers.length === 1 ? o.handlers[0] : -1;
    this.lanes = o.lanes; this.overflow = o.overflow; this.deadLetter = o.deadLetter;
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
  // hot fields first (V8 lays fields out in declaration order): an attempt touches the first lines only
  readonly index: number;
  readonly concurrency: number;
  free = 0;
  busy = 0;
  idleHead = 0;
  /** where its ring of idle-since times starts in NodeDoubles.idleSinceMs (concurrency entries) */
  readonly idleAt: number;
  bufLen = 0;
  attempts = 0;
  completed = 0;
  readonly hasOutages: boolean;
  /** the only source when it is a queue without partitions (fast hand-on), else null */
  soleQueue: QueueState | null = null;
  /** with a sole queue: the edge it reads over and its shared-read histogram id */
  soleEdge = -1;
  soleReadId = -1;
  readonly rng: Rng;
  /** the service distribution's kind code (distributions.ts); its first parameter is NodeDoubles.serviceA */
  readonly serviceKind: number;
  readonly serviceDist: Sampler;
  readonly serviceProfile: CompiledProfile | null;
  readonly failureProfile: CompiledProfile | null;
  /** its failure rate is above 0 (the rate itself is NodeDoubles.failureRate) */
  readonly mayFail: boolean;
  /** number of success edges out (0: a sink) */
  readonly outCount: number;
  serviceId = -1;
  /** root publish → done of copies completed here when this is a sink (report latency.endToEndBySink) */
  endToEndId = -1;
  /** the diagram's only sink while it has completed root copies only: its endToEnd samples are exactly the
   *  kernel's doneAtSinkAsRoot, recorded once there (handler.ts unshareEndToEnd ends this) */
  endToEndShared = false;
  /** per handler: copies read straight off their first queue; merged into it publishToRead (and the global one)
   *  and, per source queue (same order as sources), into that queue's wait at report time */
  publishToReadId = -1;
  readonly sources: Int32Array;
  bufHead = -1;
  bufTail = -1;
  failed = 0;
  retried = 0;
  outagePtr = 0;
  readonly maxAttempts: number;
  readonly backoff: Sampler | null;
  readonly backoffMultiplier: number;
  readonly maxBackoffMs: number;
  readonly outageStarts: Float64Array;
  readonly outageEnds: Float64Array;
  readonly outEdges: Int32Array;
  readonly outProbability: Float64Array;
  readonly outWeights: Float64Array | null;
  readonly failEdges: Int32Array;
  readonly failProbability: Float64Array;
  readonly failWeights: Float64Array | null;
  readonly priority: number;
  readonly lanes: Lanes | null;
  readonly sharedReadIds: Int32Array;
  /** the edge from each source queue to this handler (same order as sources) */
  readonly sourceEdges: Int32Array;
  constructor(o: HandlerOptions, idleAt: number) {
    this.index = o.index; this.concurrency = o.concurrency; this.idleAt = idleAt;
    this.hasOutages = o.outageStarts.length > 0;
    this.rng = o.rng; this.serviceKind = o.serviceDist.kind; this.serviceDist = o.serviceDist; this.serviceProfile = o.serviceProfile; this.failureProfile = o.failureProfile;
    this.outCount = o.outEdges.length; this.mayFail = o.failureRate > 0; this.sources = o.sources;
    this.maxAttempts = o.maxAttempts; this.backoff = o.backoff;
    this.backoffMultiplier = o.backoffMultiplier; this.maxBackoffMs = o.maxBackoffMs;
    this.outageStarts = o.outageStarts; this.outageEnds = o.outageEnds;
    this.outEdges = o.outEdges; this.outProbability = o.outProbability;
    this.outWeights = o.outWeights; this.failEdges = o.failEdges; this.failProbability = o.failProbability; this.failWeights = o.failWeights;
    this.priority = o.priority; this.lanes = o.lanes;
    this.sourceEdges = o.sourceEdges;
    this.free = o.concurrency;
    this.sharedReadIds = new Int32Array(o.sources.length).fill(-1);
  }
}

/** The per-node numbers the hot path reads or writes that are not small integers, by node index (struct of
 *  arrays). V8 keeps every double field of an object as a separate heap number, one more cache line and a
 *  pointer to follow; here a few nodes share each line. */
export class NodeDoubles {
  // queues: the stored count integrated over time (after warm-up) and its last change; when the most were
  // stored and when it next emptied (-1: not yet); capacity (Infinity: unbounded); ttl (0: none)
  readonly depthAreaMs: Float64Array;
  readonly depthLastMs: Float64Array;
  readonly peakAtMs: Float64Array;
  readonly drainedAtMs: Float64Array;
  readonly capacity: Float64Array;
  readonly ttlMs: Float64Array;
  // handlers: busy slots integrated over time and the last change; failure rate; the idle-since rings
  readonly busyAreaMs: Float64Array;
  readonly busyLastMs: Float64Array;
  readonly failureRate: Float64Array;
  readonly idleSinceMs: Float64Array;
  /** the service distribution's first parameter (an exponential's mean, a constant's value: drawn inline) */
  readonly serviceA: Float64Array;
  // publishers: mean gap (poisson, constant), the gap drawn for the next message, end of publishing, and
  // the time blocked by full "block" queues (since when, and in all)
  readonly meanGapMs: Float64Array;
  readonly nextGapMs: Float64Array;
  readonly endMs: Float64Array;
  readonly blockedSinceMs: Float64Array;
  readonly blockedMs: Float64Array;
  constructor(nodes: number, slots: number) {
    this.depthAreaMs = new Float64Array(nodes);
    this.depthLastMs = new Float64Array(nodes);
    this.peakAtMs = new Float64Array(nodes);
    this.drainedAtMs = new Float64Array(nodes);
    this.capacity = new Float64Array(nodes);
    this.ttlMs = new Float64Array(nodes);
    this.busyAreaMs = new Float64Array(nodes);
    this.busyLastMs = new Float64Array(nodes);
    this.failureRate = new Float64Array(nodes);
    this.idleSinceMs = new Float64Array(slots);
    this.serviceA = new Float64Array(nodes);
    this.meanGapMs = new Float64Array(nodes);
    this.nextGapMs = new Float64Array(nodes);
    this.endMs = new Float64Array(nodes);
    this.blockedSinceMs = new Float64Array(nodes);
    this.blockedMs = new Float64Array(nodes);
  }
}

/** integrates a level (stored copies, busy slots: small integers) over time after warm-up: adds
 *  level × (now − the last change) to areas[i] and moves the last change to now */
export function integrateToNow(k: { readonly nowMs: number; readonly warmupMs: number }, areas: Float64Array, lasts: Float64Array, i: number, level: number): void {
  const now = k.nowMs;
  const last = lasts[i];
  const from = last > k.warmupMs ? last : k.warmupMs;
  if (now > from) areas[i] += level * (now - from);
  lasts[i] = now;
}
