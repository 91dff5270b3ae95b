// Chart series: buckets, depth sampling at boundaries, merging when the run outgrows the buckets,
// latency percentiles from the log bins; the record ring; the CSV matching the command line's.
import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '../engine/types';
import { csvRow as cliCsvRow, CSV_HEADER as CLI_HEADER } from '../cli/csv';
import { binLowerMs, binUpperMs, latencyBin, SeriesCollector } from './series';
import { RecordRing } from './recordRing';
import { csvRow, CSV_HEADER } from './csv';

const record = (id: number, publishedAt: number, doneAt: number | null, outcome: MessageRecord['outcome'] = 'completed'): MessageRecord => ({
  id, parent: -1, root: id, event: 'e', node: 'q', publishedAt, readAt: publishedAt, doneAt, outcome, attempts: 1, from: 'p', handler: 'h', startedAt: publishedAt,
});

describe('SeriesCollector', () => {
  it('buckets completions and losses per second and samples depth at bucket ends', () => {
    const series = new SeriesCollector({ depthNodes: [{ index: 1, id: 'q' }], stopAtMs: 1000, warmupMs: 0, maxBuckets: 10 });
    expect(series.bucketMs).toBe(125); // stopAt over 80 % of the buckets
    series.record(record(1, 0, 10));
    series.record(record(2, 0, 20));
    series.record(record(3, 0, 130, 'dropped'));
    series.sample(125, [0, 7]);
    series.sample(300, [0, 3]);
    const data = series.toData();
    expect(data.length).toBe(2);
    expect(Array.from(data.timeMs)).toEqual([125, 250]);
    expect(data.completedPerSecond[0]).toBeCloseTo(16);
    expect(data.lossesPerSecond[1]).toBeCloseTo(8);
    expect(Array.from(data.depth[0])).toEqual([7, 3]);
  });

  it('doubles the bucket width when a run without stopAt outgrows the buckets', () => {
    const series = new SeriesCollector({ depthNodes: [{ index: 0, id: 'q' }], warmupMs: 0, maxBuckets: 8 });
    for (let t = 0; t < 100; t++) series.record(record(t, t, t + 0.5));
    series.sample(100, [1]);
    const data = series.toData();
    expect(data.bucketMs).toBe(16);
    const total = Array.from(data.completedPerSecond).reduce((sum, perSecond) => sum + (perSecond * data.bucketMs) / 1000, 0);
    expect(total).toBeCloseTo(100);
  });

  it('latency percentiles come from log bins, within a bin width of the truth, and skip warm-up', () => {
    const series = new SeriesCollector({ depthNodes: [], stopAtMs: 1000, warmupMs: 5, maxBuckets: 4 });
    series.record(record(0, 1, 1000)); // published in warm-up: not in latency
    for (let i = 1; i <= 100; i++) series.record(record(i, 10, 10 + i));
    const data = series.toData();
    const p50 = data.latencyP50Ms[0];
    expect(p50).toBeGreaterThan(50 / 1.25);
    expect(p50).toBeLessThan(50 * 1.25);
    expect(data.latencyP99Ms[0]).toBeLessThanOrEqual(100);
    expect(Array.from(data.histogram.count).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('log bins cover the value they hold', () => {
    for (const value of [0.002, 0.5, 3, 120, 99_999]) {
      const bin = latencyBin(value);
      expect(binLowerMs(bin)).toBeLessThanOrEqual(value);
      expect(binUpperMs(bin)).toBeGreaterThan(value);
    }
  });
});

describe('RecordRing', () => {
  it('keeps the latest records and hands out what is new since the last take', () => {
    const ring = new RecordRing(3);
    for (let i = 0; i < 5; i++) ring.push(record(i, i, i));
    expect(ring.toArray().map((r) => r.id)).toEqual([2, 3, 4]);
    expect(ring.take()).toEqual({ records: ring.toArray(), skipped: 2 });
    ring.push(record(5, 5, 5));
    expect(ring.take().records.map((r) => r.id)).toEqual([5]);
    expect(ring.take().records).toEqual([]);
  });
});

describe('browser CSV', () => {
  it('has the same header and rows as the command line', () => {
    expect(CSV_HEADER).toBe(CLI_HEADER);
    const tricky: MessageRecord = { ...record(7, 1.25, null, 'inFlight'), event: 'a,"b"', node: 'q\n2', readAt: null };
    expect(csvRow(tricky)).toBe(cliCsvRow(tricky));
    expect(csvRow(record(1, 0, 3.5))).toBe(cliCsvRow(record(1, 0, 3.5)));
  });
});
