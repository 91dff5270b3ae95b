// Owned partitions (architect.md "Consumer groups"): Kafka's consumer group with eager rebalancing. The
// handlers reading a queue are numbered 0 … H−1 in edge order; D holds those in an outage for at least
// sessionTimeout ms. Every change of D pauses all reading from the queue until `rebalance` ms after the
// last change; then partition p belongs to L[p mod |L|] (L: the others in order). The outage windows are
// known before the run, so the whole plan (pauses and owner tables) is computed once here.
import type { HandlerState, Kernel } from './kernel';

export interface Epoch {
  /** the pause: [startMs, endMs) nobody reads from the queue */
  startMs: number;
  endMs: number;
  /** the owners from endMs on: handler node index per partition, -1 none */
  owner: Int32Array;
}

export class Ownership {
  /** current owner (handler node index) per partition, -1: nobody reads it */
  readonly owner: Int32Array;
  paused = false;
  constructor(readonly epochs: readonly Epoch[], initial: Int32Array) {
    this.owner = Int32Array.from(initial);
  }
}

/** partition p → handlers[L[p mod |L|]], L the readers not in D in order; all −1 when every reader is in D */
export function ownersFor(handlers: Int32Array, inD: Uint8Array, partitions: number): Int32Array {
  const live: number[] = [];
  for (let i = 0; i < handlers.length; i++) if (inD[i] === 0) live.push(handlers[i]);
  const owner = new Int32Array(partitions).fill(-1);
  if (live.length > 0) for (let p = 0; p < partitions; p++) owner[p] = live[p % live.length];
  return owner;
}

/** merged outage windows of one reader, sorted */
function merged(starts: Float64Array, ends: Float64Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < starts.length; i++) {
    const last = out[out.length - 1];
    if (last !== undefined && starts[i] <= last[1]) last[1] = Math.max(last[1], ends[i]);
    else out.push([starts[i], ends[i]]);
  }
  return out;
}

/** the plan: owners at the start and every pause with the owners after it */
export function planOwnership(handlers: Int32Array, outages: { starts: Float64Array; ends: Float64Array }[], partitions: number,
  sessionTimeoutMs: number, rebalanceMs: number): Ownership {
  const changes: { atMs: number; slot: number; join: boolean }[] = [];
  outages.forEach((o, slot) => {
    for (const [start, end] of merged(o.starts, o.ends)) {
      if (start + sessionTimeoutMs < end) changes.push({ atMs: start + sessionTimeoutMs, slot, join: true }, { atMs: end, slot, join: false });
    }
  });
  changes.sort((a, b) => a.atMs - b.atMs || a.slot - b.slot);
  const inD = new Uint8Array(handlers.length);
  const epochs: Epoch[] = [];
  for (let i = 0; i < changes.length;) {
    const atMs = changes[i].atMs;
    const before = inD.join();
    for (; i < changes.length && changes[i].atMs === atMs; i++) inD[changes[i].slot] = changes[i].join ? 1 : 0;
    if (inD.join() === before) continue;
    const owner = ownersFor(handlers, inD, partitions);
    const last = epochs[epochs.length - 1];
    if (last !== undefined && atMs <= last.endMs) {
      last.endMs = atMs + rebalanceMs;
      last.owner = owner;
    } else {
      epochs.push({ startMs: atMs, endMs: atMs + rebalanceMs, owner });
    }
  }
  return new Ownership(epochs, ownersFor(handlers, new Uint8Array(handlers.length), partitions));
}

/** gives every queue with assignment "owned" its plan (after the handlers are built) */
export function planOwnedQueues(k: Kernel): void {
  for (const node of k.input.nodes) {
    const queue = k.queues[node.index];
    if (node.type !== 'queue' || node.assignment !== 'owned' || queue === null) continue;
    const outages = Array.from(queue.handlers, (h) => { const s = k.handlers[h] as HandlerState; return { starts: s.outageStarts, ends: s.outageEnds }; });
    queue.owned = planOwnership(queue.handlers, outages, queue.partitions, node.sessionTimeoutMs ?? 0, node.rebalanceMs ?? 0);
  }
}
