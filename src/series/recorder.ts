// Collects the time series of one run (architect.md "Time series"): after every event the engine's probe
// (src/engine/probe.ts) is read; depths and busy slots are integrated exactly over time (split at bucket
// boundaries), counters are differenced into the bucket of the event's time, and publish → done latencies
// of copies completed in a bucket go into that bucket's Histogram (the report's own percentiles).
import { Histogram } from '../engine/metrics';
import { HANDLER_FIELDS, QUEUE_FIELDS, type ProbeLayout } from '../engine/probe';
import type { MessageRecord } from '../engine/types';
import { MAX_SERIES_BUCKETS, SeriesTooLongError } from './bucket';

/** per bucket accumulators, in probe order: queues (depth area, max, received, dropped, expired, partition
 *  areas), handlers (busy area, completed, failed), then published and completed */
interface Bucket { acc: Float64Array; latency: Histogram | null }

export class SeriesRecorder {
  private readonly buckets: Bucket[] = [];
  private readonly prev: Float64Array;
  private prevMs = 0;
  /** offset of each probe field's accumulator: same layout as the probe, so index i accumulates probe[i] */
  readonly width: number;

  constructor(readonly layout: ProbeLayout, readonly bucketMs: number, initial: Float64Array) {
    this.width = layout.width;
    this.prev = Float64Array.from(initial);
    this.prevMs = initial[0];
  }

  bucket(index: number): Bucket {
    if (index >= MAX_SERIES_BUCKETS) throw new SeriesTooLongError(this.bucketMs);
    while (this.buckets.length <= index) {
      const acc = new Float64Array(this.width);
      for (const offset of this.maxOffsets()) acc[offset] = -1;
      this.buckets.push({ acc, latency: null });
    }
    return this.buckets[index];
  }

  private maxOffsetsCache: number[] | null = null;
  private maxOffsets(): number[] {
    if (this.maxOffsetsCache === null) {
      const out: number[] = [];
      let at = 3;
      for (const queue of this.layout.queues) {
        out.push(at + 1);
        at += QUEUE_FIELDS + queue.partitions;
      }
      this.maxOffsetsCache = out;
    }
    return this.maxOffsetsCache;
  }

  /** integrates the held state over [prevMs, toMs], split at bucket boundaries; the carried depth counts toward each bucket's max */
  private integrate(toMs: number): void {
    const from = this.prevMs;
    if (!(toMs > from)) return;
    const w = this.bucketMs;
    for (let b = Math.floor(from / w); b * w < toMs; b++) {
      const span = Math.min(toMs, (b + 1) * w) - Math.max(from, b * w);
      if (span <= 0) continue;
      const acc = this.bucket(b).acc;
      let at = 3;
      for (const queue of this.layout.queues) {
        const stored = this.prev[at];
        acc[at] += stored * span;
        if (stored > acc[at + 1]) acc[at + 1] = stored;
        for (let p = 0; p < queue.partitions; p++) acc[at + QUEUE_FIELDS + p] += this.prev[at + QUEUE_FIELDS + p] * span;
        at += QUEUE_FIELDS + queue.partitions;
      }
      for (let h = 0; h < this.layout.handlers.length; h++, at += HANDLER_FIELDS) acc[at] += this.prev[at] * span;
    }
  }

  /** the probe after one event (probe[0] is the event's time) */
  afterEvent(probe: Float64Array): void {
    const t = probe[0];
    this.integrate(t);
    const acc = this.bucket(Math.floor(t / this.bucketMs)).acc;
    acc[1] += probe[1] - this.prev[1];
    acc[2] += probe[2] - this.prev[2];
    let at = 3;
    for (const queue of this.layout.queues) {
      const stored = probe[at];
      // a peak inside the event (stored and read at once) shows in the queue's running maxDepth
      const peak = probe[at + 1] > this.prev[at + 1] ? probe[at + 1] : stored;
      if (peak > acc[at + 1]) acc[at + 1] = peak;
      for (let f = 2; f < QUEUE_FIELDS; f++) acc[at + f] += probe[at + f] - this.prev[at + f];
      at += QUEUE_FIELDS + queue.partitions;
    }
    for (let h = 0; h < this.layout.handlers.length; h++, at += HANDLER_FIELDS) {
      acc[at + 1] += probe[at + 1] - this.prev[at + 1];
      acc[at + 2] += probe[at + 2] - this.prev[at + 2];
    }
    this.prev.set(probe);
    if (t > this.prevMs) this.prevMs = t;
  }

  /** the engine's onMessage hook: a completed copy's publish → done latency, in the bucket it completed in */
  readonly record = (record: MessageRecord): void => {
    if (record.outcome !== 'completed' || record.doneAt === null) return;
    const bucket = this.bucket(Math.floor(record.doneAt / this.bucketMs));
    bucket.latency ??= new Histogram();
    bucket.latency.record(record.doneAt - record.publishedAt);
  };

  /** closes the run at endMs: the held state up to the end, buckets past the end folded into the last one */
  finish(endMs: number, count: number): Bucket[] {
    this.integrate(endMs);
    this.bucket(count - 1);
    const last = this.buckets[count - 1];
    for (const extra of this.buckets.splice(count)) {
      extra.acc.forEach((value, i) => {
        if (this.maxOffsets().includes(i)) last.acc[i] = Math.max(last.acc[i], value);
        else last.acc[i] += value;
      });
      if (extra.latency !== null) {
        last.latency ??= new Histogram();
        last.latency.merge(extra.latency);
      }
    }
    return this.buckets;
  }
}
