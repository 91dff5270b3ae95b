// Batch means of the wait: merging keeps 16–32 batches, the interval shrinks like 1/√n and covers the mean.
import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '../engine/types';
import { MIN_BATCHES, studentT975, WaitBatches } from './waitBatches';

const record = (node: string, publishedAt: number, readAt: number | null): MessageRecord => ({
  id: 0, parent: -1, root: 0, event: 'e', node, publishedAt, readAt, doneAt: null, outcome: 'completed', attempts: 1, from: 'p', handler: 'h', startedAt: readAt,
});

/** a deterministic pseudo-random sequence in [0, 1) */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('WaitBatches', () => {
  it('says nothing about uncertainty with too few batches', () => {
    const batches = new WaitBatches(0);
    for (let i = 0; i < MIN_BATCHES - 1; i++) batches.record(record('q', i, i + 2));
    expect(batches.summary().q).toMatchObject({ count: MIN_BATCHES - 1, meanMs: 2, halfWidthMs: null });
  });

  it('skips copies published before warm-up and copies never read', () => {
    const batches = new WaitBatches(100);
    batches.record(record('q', 50, 60));
    batches.record(record('q', 150, null));
    batches.record(record('q', 150, 155));
    expect(batches.summary().q).toMatchObject({ count: 1, meanMs: 5 });
  });

  it('keeps 16 to 32 batches and an interval that covers the true mean and narrows with more data', () => {
    const random = lcg(7);
    const widths: number[] = [];
    for (const n of [2_000, 32_000]) {
      const batches = new WaitBatches(0);
      for (let i = 0; i < n; i++) batches.record(record('q', i, i - 10 * Math.log(1 - random()))); // exponential, mean 10
      const s = batches.summary().q;
      expect(s.batches).toBeGreaterThanOrEqual(16);
      expect(s.batches).toBeLessThanOrEqual(32);
      expect(s.halfWidthMs).not.toBeNull();
      expect(Math.abs(s.meanMs - 10)).toBeLessThan(s.halfWidthMs! * 1.5);
      widths.push(s.halfWidthMs!);
    }
    // 16 times the data: about a quarter of the width
    expect(widths[1] / widths[0]).toBeGreaterThan(0.15);
    expect(widths[1] / widths[0]).toBeLessThan(0.4);
  });

  it('t quantiles match the table', () => {
    expect(studentT975(10)).toBeCloseTo(2.228, 2);
    expect(studentT975(20)).toBeCloseTo(2.086, 2);
    expect(studentT975(31)).toBeCloseTo(2.040, 2);
  });
});
