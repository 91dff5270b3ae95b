// The cheap picture of a run the UI animates from: depth and busy slots per node, copies in
// transit with their progress along the edge, losses since the previous snapshot, live counters.
import type { Snapshot } from './types';
import { OutcomeCode, type LossCode } from './codes';
import type { Kernel } from './kernel';
import { totalsOf } from './report';

/** loss names by OutcomeCode */
const LOSS_KINDS: Readonly<Record<LossCode, Snapshot['losses'][number]['kind']>> = {
  [OutcomeCode.dropped]: 'dropped',
  [OutcomeCode.expired]: 'expired',
  [OutcomeCode.deadLettered]: 'deadLettered',
  [OutcomeCode.failed]: 'failed',
};

export function buildSnapshot(k: Kernel, timeMs: number, done: boolean, maxTransit: number): Snapshot {
  const n = k.input.nodes.length;
  const depth: number[] = new Array<number>(n).fill(0);
  const busy: number[] = new Array<number>(n).fill(0);
  const count: number[] = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const publisher = k.publishers[i];
    const topic = k.topics[i];
    const queue = k.queues[i];
    const handler = k.handlers[i];
    if (publisher !== null) count[i] = publisher.published;
    else if (topic !== null) count[i] = topic.received;
    else if (queue !== null) { depth[i] = queue.stored; count[i] = queue.received; }
    else if (handler !== null) { depth[i] = handler.bufLen; busy[i] = handler.busy; count[i] = handler.completed; }
  }
  const transit: Snapshot['transit'] = [];
  const pool = k.pool;
  for (let m = k.transitHead; m >= 0 && transit.length < maxTransit; m = pool.next[m]) {
    const spanMs = pool.arriveMs[m] - pool.startMs[m];
    const progress = spanMs > 0 ? Math.min(1, Math.max(0, (timeMs - pool.startMs[m]) / spanMs)) : 1;
    transit.push({ edge: pool.edge[m], progress, event: k.eventNames[pool.event[m]] });
  }
  const lanes: Snapshot['lanes'] = [];
  for (const queue of k.queues) {
    if (queue === null || queue.partitions === 0) continue;
    lanes.push({ node: queue.index, depth: Array.from(queue.lens), owner: Array.from(queue.owned !== null ? queue.owned.owner : queue.readBy) });
  }
  const losses: Snapshot['losses'] = [];
  for (let i = 0; i < k.losses.length; i += 2) losses.push({ node: k.losses[i], kind: LOSS_KINDS[k.losses[i + 1] as LossCode] });
  k.losses = [];
  return { timeMs, done, events: k.events, totals: totalsOf(k), depth, busy, transit, losses, count, edgeCount: Array.from(k.edgeCount), lanes };
}
