// A lean read of the counters the time series need (architect.md "Time series"), written into a reused
// Float64Array after every event: no allocation per event. Layout: [lastChangeMs, published, completed], then per
// queue (file order) stored, maxDepth, received, dropped, expired and the stored count of each partition,
// then per handler busy, completed, failed.
import type { Kernel } from './kernel';

export interface ProbeLayout {
  /** node index of each queue (file order), its FIFOs (1 without partitions) and whether it is partitioned */
  queues: { index: number; partitions: number; partitioned: boolean }[];
  /** node index and concurrency of each handler, in file order */
  handlers: { index: number; concurrency: number }[];
  /** length of the probe array */
  width: number;
}

export const QUEUE_FIELDS = 5;
export const HANDLER_FIELDS = 3;

export function probeLayout(k: Kernel): ProbeLayout {
  const queues: ProbeLayout['queues'] = [];
  const handlers: ProbeLayout['handlers'] = [];
  let width = 3;
  k.queues.forEach((queue, index) => {
    if (queue === null) return;
    const partitions = queue.lens.length;
    queues.push({ index, partitions, partitioned: queue.partitions > 0 });
    width += QUEUE_FIELDS + partitions;
  });
  k.handlers.forEach((handler, index) => {
    if (handler === null) return;
    handlers.push({ index, concurrency: handler.concurrency });
    width += HANDLER_FIELDS;
  });
  return { queues, handlers, width };
}

export function fillProbe(k: Kernel, layout: ProbeLayout, out: Float64Array): void {
  out[0] = k.lastChangeMs; // the time of the last event that changed anything: state and counters change only then
  out[1] = k.published;
  out[2] = k.completed;
  let at = 3;
  for (const { index } of layout.queues) {
    const queue = k.queues[index];
    if (queue === null) continue;
    out[at++] = queue.stored;
    out[at++] = queue.maxDepth;
    out[at++] = queue.received;
    out[at++] = queue.dropped;
    out[at++] = queue.expired;
    for (let p = 0; p < queue.lens.length; p++) out[at++] = queue.lens[p];
  }
  for (const { index } of layout.handlers) {
    const handler = k.handlers[index];
    if (handler === null) continue;
    out[at++] = handler.busy;
    out[at++] = handler.completed;
    out[at++] = handler.failed;
  }
}
