// The simulation's whole state: clock, event list, message pool, per-node state objects built once
// from the EngineInput, global counters and histograms. The flow functions in flow.ts act on it.
import type { EngineInput, EngineNode, MessageRecord } from './types';
import { ArrivalCode, NodeCode, OverflowCode, type StepKind } from './codes';
import { EventQueue } from './EventQueue';
import { MessagePool } from './pool';
import { RecordLog } from './recordLog';
import { Histogram } from './metrics';
import { streamFor, type Rng } from './random';
import { compileDistribution, type Sampler } from './distributions';
import { cumulativeWeights } from './route';
import { Lanes } from './priority';
import { DEFAULT_MAX_BACKOFF_MS } from './backoff';
import { compileProfile } from './profile';
import { planOwnedQueues } from './owned';
import { HandlerState, NodeDoubles, PublisherState, QueueState, TopicState } from './nodeState';

export { HandlerState, NodeDoubles, PublisherState, QueueState, TopicState } from './nodeState';
export type { HandlerOptions, PublisherOptions, QueueOptions } from './nodeState';


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
  /** per edge, flat: source and target node, latency (null: none) and the stream its latencies are drawn from */
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  readonly edgeLatency: (Sampler | null)[] = [];
  readonly edgeRng: Rng[] = [];
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
  /** per-node latency samples (recordLog.ts); the three run-wide histograms below are recorded directly */
  readonly log = new RecordLog();
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
  /** hot per-node doubles (nodeState.ts) */
  readonly doubles: NodeDoubles;
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
    this.edgeSource = Int32Array.from(input.edges, (edge) => edge.source);
    this.edgeTarget = Int32Array.from(input.edges, (edge) => edge.target);
    let slots = 0;
    for (const node of input.nodes) if (node.type === 'handler') slots += node.concurrency;
    this.doubles = new NodeDoubles(n, slots);
    const doubles = this.doubles;
    let idleAt = 0;
    for (const edge of input.edges) {
      outEdges[edge.source].push(edge.index);
      if (input.nodes[edge.source].type === 'queue') {
        inQueues[edge.target].push(edge.source);
        inQueueEdges[edge.target].push(edge.index);
      }
      const latency = edge.latency && !(edge.latency.kind === 'constant' && edge.latency.value === 0) ? compileDistribution(edge.latency) : null;
      this.edgeLatency.push(latency);
      this.edgeRng.push(streamFor(input.seed, 'edge:' + edge.id));
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
          index: i, rng, outEdges: outs, arrivalKind: kind, gap: a.kind === 'interval' ? compileDistribution(a.gap) : null,
          burstSize: a.kind === 'burst' ? a.size : 0, everyMs: a.kind === 'burst' ? a.every : 0, times,
          limit: node.limit ?? Infinity, startMs, keys: node.keys ?? 0,
          routeWeights: cumulativeWeights(input, node.route === 'one', outEdges[i]), priority: node.priority ?? 0,
          profile: a.kind === 'profile' ? compileProfile(a) : null,
        });
        doubles.meanGapMs[i] = meanGapMs;
        doubles.endMs[i] = endMs;
      } else if (node.type === 'topic') {
        this.nodeType[i] = NodeCode.topic;
        this.topics[i] = new TopicState(i, outs);
      } else if (node.type === 'queue') {
        this.nodeType[i] = NodeCode.queue;
        const handlers = Int32Array.from(outEdges[i].map((e) => input.edges[e].target));
        this.queues[i] = new QueueState({
          index: i,
          overflow: node.overflow === 'block' ? OverflowCode.block : node.overflow === 'drop-oldest' ? OverflowCode.dropOldest : OverflowCode.reject,
          deadLetter: node.deadLetterIndex ?? -1, partitions: node.partitions ?? 0, handlers,
          lanes: node.order === 'priority' ? new Lanes() : null,
        });
        doubles.capacity[i] = node.capacity ?? Infinity;
        doubles.ttlMs[i] = node.ttlMs ?? 0;
      } else {
        this.nodeType[i] = NodeCode.handler;
        this.handlers[i] = handlerState(input, node, rng, outEdges[i], inQueues[i], inQueueEdges[i], idleAt);
        idleAt += node.concurrency;
        doubles.failureRate[i] = node.failureRate;
        doubles.serviceA[i] = (this.handlers[i] as HandlerState).serviceDist.a;
      }
    }
    planOwnedQueues(this);
    registerHistograms(this);
    findSoleQueues(this);
    shareSoleSink(this);
  }
}

/** gives every queue and handler its histogram ids in the record log, then sizes the log */
function registerHistograms(k: Kernel): void {
  for (const queue of k.queues) if (queue !== null) queue.waitId = k.log.add();
  for (const handler of k.handlers) {
    if (handler === null) continue;
    handler.endToEndId = k.log.add();
    handler.serviceId = k.log.add();
    handler.publishToReadId = k.log.add();
    for (let slot = 0; slot < handler.sharedReadIds.length; slot++) handler.sharedReadIds[slot] = k.log.add();
  }
  k.log.seal();
}

/** a handler whose only source is a queue without partitions reads it by the fast paths (hand-on, sole reads) */
function findSoleQueues(k: Kernel): void {
  for (const handler of k.handlers) {
    if (handler === null || handler.sources.length !== 1) continue;
    const queue = k.queues[handler.sources[0]];
    if (queue === null || queue.partitions !== 0) continue;
    handler.soleQueue = queue;
    handler.soleEdge = handler.sourceEdges[0];
    handler.soleReadId = handler.sharedReadIds[0];
  }
}

/** the only sink handler (no success edges out), if there is one, starts with its endToEnd shared (nodeState.ts) */
function shareSoleSink(k: Kernel): void {
  const sinks = k.handlers.filter((handler) => handler !== null && handler.outCount === 0);
  if (sinks.length === 1) (sinks[0] as HandlerState).endToEndShared = true;
}

/** a handler's state: success and failure edges apart, outages sorted, the sources in edge order */
function handlerState(input: EngineInput, node: Extract<EngineNode, { type: 'handler' }>, rng: Rng, outs: number[], sources: number[], sourceEdges: number[], idleAt: number): HandlerState {
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
  }, idleAt);
}
