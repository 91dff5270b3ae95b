// Builds the run report (key order as in the spec), checks the outcome invariant and hands the
// still-in-flight copies to the record listener once the run is over.
import type { NodeReport, Report, Stats, Totals } from './types';
import type { Kernel, QueueState } from './kernel';
import { emitRecord, forEachLiveCopy } from './flow';
import { OutcomeCode } from './codes';
import { Histogram } from './metrics';

/** thrown when the engine's bookkeeping is broken: a report is never silently wrong */
export class InvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantError';
  }
}

export function totalsOf(k: Kernel): Totals {
  return {
    published: k.published, emitted: k.emitted, sent: k.sent, completed: k.completed, retried: k.retried,
    dropped: k.dropped, expired: k.expired, deadLettered: k.deadLettered, failed: k.failed, inFlight: k.live,
  };
}

/** counts live copies by scanning the pool and checks sent = completed + ... + inFlight */
export function checkInvariant(k: Kernel): void {
  let scanned = 0;
  forEachLiveCopy(k, () => { scanned++; });
  if (scanned !== k.live) throw new InvariantError(`engine invariant broken: ${scanned} copies are live in the pool but ${k.live} are counted in flight`);
  const ended = k.completed + k.dropped + k.expired + k.deadLettered + k.failed + k.live;
  if (ended !== k.sent) {
    throw new InvariantError(`engine invariant broken: sent ${k.sent} != completed ${k.completed} + dropped ${k.dropped} + expired ${k.expired} + deadLettered ${k.deadLettered} + failed ${k.failed} + inFlight ${k.live}`);
  }
}

/** records for the copies still in flight (called once, when the run is over) */
export function recordInFlight(k: Kernel): void {
  if (k.onMessage === undefined) return;
  forEachLiveCopy(k, (m) => emitRecord(k, m, OutcomeCode.inFlight, null));
}

/** end-to-end latency per sink handler (no success edges out), every sink in file order, even with count 0 */
function endToEndBySink(k: Kernel): Record<string, Stats> {
  const out = Object.create(null) as Record<string, Stats>;
  k.handlers.forEach((handler, i) => {
    if (handler !== null && handler.outEdges.length === 0) out[k.input.nodes[i].id] = (handler.endToEndShared ? k.doneAtSinkAsRoot : k.log.get(handler.endToEndId)).stats();
  });
  return out;
}

/** the report as of endMs (the run's end, or the current clock for a run still going) */
/** architect.md partitionStats: per partition, copies received, most stored, time-average stored, and its
 *  owner at the end of the run (owned groups; null when any member reads any partition) */
function partitionStats(k: Kernel, queue: QueueState, endMs: number, spanMs: number): NonNullable<Extract<NodeReport, { type: 'queue' }>['partitionStats']> {
  const stats = [];
  for (let p = 0; p < queue.partitions; p++) {
    const from = Math.max(queue.tally.lastMs[p], k.warmupMs);
    const areaMs = queue.tally.areaMs[p] + (endMs > from ? queue.lens[p] * (endMs - from) : 0);
    const owner = queue.owned === null ? -1 : queue.owned.owner[p];
    stats.push({ received: queue.tally.received[p], maxDepth: queue.tally.maxDepth[p], meanDepth: spanMs > 0 ? areaMs / spanMs : 0, owner: owner >= 0 ? k.input.nodes[owner].id : null });
  }
  return stats;
}

/** the parts merged in order into a new histogram; the part itself when it is the only one with values (merging
 *  into an empty histogram copies it exactly, so its stats are the same) */
function merged(parts: Histogram[]): Histogram {
  const filled = parts.filter((part) => part.count > 0);
  if (filled.length === 1) return filled[0];
  const all = new Histogram();
  for (const part of filled) all.merge(part);
  return all;
}

export function buildReport(k: Kernel, endMs: number, wallMs: number): Report {
  checkInvariant(k);
  const spanMs = endMs - k.warmupMs;
  // ids are data: a record without a prototype, so `__proto__`, `constructor`… are plain own keys
  // (JSON.stringify writes them like any other)
  const nodes = Object.create(null) as Record<string, NodeReport>;
  const publishToRead = new Histogram(); // every read is by one handler: the global is their merge
  // a copy read off a queue where it waited since its publication is recorded once, per (queue, handler)
  const waitParts = new Map<number, Histogram[]>();
  const reads = new Map<number, Histogram>();
  for (const handler of k.handlers) {
    if (handler === null) continue;
    const readParts = [k.log.get(handler.publishToReadId)];
    handler.sources.forEach((q, slot) => {
      const shared = k.log.get(handler.sharedReadIds[slot]);
      readParts.push(shared);
      let parts = waitParts.get(q);
      if (parts === undefined) {
        parts = [k.log.get((k.queues[q] as QueueState).waitId)];
        waitParts.set(q, parts);
      }
      parts.push(shared);
    });
    reads.set(handler.index, merged(readParts));
  }
  const waits = new Map<number, Histogram>();
  for (const [q, parts] of waitParts) waits.set(q, merged(parts));
  // a queue's wait and its reader's publishToRead are often the one shared histogram: its stats are read once
  const statsMemo = new Map<Histogram, Stats>();
  const statsOf = (histogram: Histogram): Stats => {
    let stats = statsMemo.get(histogram);
    if (stats === undefined) statsMemo.set(histogram, (stats = histogram.stats()));
    return { ...stats };
  };
  for (const node of k.input.nodes) {
    const i = node.index;
    const label = node.label !== undefined ? { label: node.label } : {};
    const publisher = k.publishers[i];
    const topic = k.topics[i];
    const queue = k.queues[i];
    const handler = k.handlers[i];
    if (publisher !== null) {
      const openMs = publisher.blockedCount > 0 ? endMs - k.doubles.blockedSinceMs[i] : 0;
      nodes[node.id] = { type: 'publisher', ...label, published: publisher.published, blockedMs: k.doubles.blockedMs[i] + Math.max(0, openMs) };
    } else if (topic !== null) {
      nodes[node.id] = { type: 'topic', ...label, received: topic.received };
    } else if (queue !== null) {
      const from = Math.max(k.doubles.depthLastMs[i], k.warmupMs);
      const areaMs = k.doubles.depthAreaMs[i] + (endMs > from ? queue.stored * (endMs - from) : 0);
      nodes[node.id] = {
        type: 'queue', ...label, received: queue.received, dropped: queue.dropped, expired: queue.expired, deadLettered: queue.deadLettered,
        maxDepth: queue.maxDepth, meanDepth: spanMs > 0 ? areaMs / spanMs : 0, wait: statsOf(waits.get(i) ?? k.log.get(queue.waitId)),
        peakAt: k.doubles.peakAtMs[i], drainMs: k.doubles.drainedAtMs[i] < 0 ? null : k.doubles.drainedAtMs[i] - k.doubles.peakAtMs[i],
        ...(queue.partitions > 0 ? { partitionStats: partitionStats(k, queue, endMs, spanMs) } : {}),
        ...(queue.deadLetter >= 0 ? { deadLetteredBy: { ttl: queue.deadLetteredTtl, retries: queue.deadLettered - queue.deadLetteredTtl } } : {}),
      };
    } else if (handler !== null) {
      const read = reads.get(i) ?? k.log.get(handler.publishToReadId);
      publishToRead.merge(read);
      const from = Math.max(k.doubles.busyLastMs[i], k.warmupMs);
      const areaMs = k.doubles.busyAreaMs[i] + (endMs > from ? handler.busy * (endMs - from) : 0);
      nodes[node.id] = {
        type: 'handler', ...label, attempts: handler.attempts, completed: handler.completed, failed: handler.failed, retried: handler.retried,
        utilization: spanMs > 0 ? areaMs / (handler.concurrency * spanMs) : 0, service: k.log.get(handler.serviceId).stats(), publishToRead: statsOf(read),
      };
    }
  }
  const publishToDone = new Histogram();
  publishToDone.merge(k.publishToDone);
  publishToDone.merge(k.doneAtSinkAsRoot);
  const endToEnd = new Histogram();
  endToEnd.merge(k.endToEnd);
  endToEnd.merge(k.doneAtSinkAsRoot);
  return {
    format: 'eventflow-report',
    version: 1,
    scenario: k.input.name,
    seed: k.input.seed,
    endTime: endMs,
    totals: totalsOf(k),
    latency: { publishToRead: publishToRead.stats(), publishToDone: publishToDone.stats(), endToEnd: endToEnd.stats(), endToEndBySink: endToEndBySink(k) },
    nodes,
    sets: { E: [...k.input.sets.E], H: [...k.input.sets.H], S: k.input.sets.S.map(([e, h]) => [e, h] as [string, string]) },
    perf: { wallMs, events: k.events, eventsPerSecond: wallMs > 0 ? Math.round(k.events / (wallMs / 1000)) : 0 },
  };
}
