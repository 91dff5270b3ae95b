// The streaming histogram: exact count/mean/min/max, nearest-rank percentiles within 1% of the
// exact sorted values over several magnitudes, exact zeros, nulls when empty, merging.
import { describe, expect, it } from 'vitest';
import { Histogram, exactPercentile } from './metrics';
import { Rng } from './random';

const FRACTIONS = [0.5, 0.9, 0.95, 0.99];

describe('Histogram', () => {
  it('gives every percentile within 1% of the exact nearest-rank value', () => {
    for (const seed of [1, 2, 3]) {
      const rng = new Rng(seed);
      const histogram = new Histogram();
      const values: number[] = [];
      const n = 5000 + seed * 1234;
      for (let i = 0; i < n; i++) {
        const value = Math.exp((rng.next() - 0.3) * 20); // ~1e-3 .. 1e6
        values.push(value);
        histogram.record(value);
      }
      values.sort((a, b) => a - b);
      const stats = histogram.stats();
      expect(stats.count).toBe(n);
      expect(stats.min).toBe(values[0]);
      expect(stats.max).toBe(values[n - 1]);
      expect(stats.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / n, 6);
      for (const fraction of FRACTIONS) {
        const exact = exactPercentile(values, fraction);
        const got = histogram.percentile(fraction) as number;
        expect(Math.abs(got - exact) / exact).toBeLessThan(0.01);
      }
    }
  });

  it('is exact for repeated values and zeros, and clamps to [min, max]', () => {
    const histogram = new Histogram();
    for (let i = 0; i < 60; i++) histogram.record(0);
    for (let i = 0; i < 40; i++) histogram.record(3);
    expect(histogram.stats()).toEqual({ count: 100, mean: 1.2, min: 0, p50: 0, p90: 3, p95: 3, p99: 3, max: 3 });
  });

  it('keeps exact bucket means while its range widens either way', () => {
    const histogram = new Histogram();
    const values = [1e6, 3, 1e-4, 250, 0.5, 7e9, 42];
    for (const value of values) histogram.record(value);
    const sorted = [...values].sort((a, b) => a - b);
    for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9, 1]) expect(histogram.percentile(fraction)).toBe(exactPercentile(sorted, fraction));
  });

  it('absorbs batches into the same bits as recording one by one, over 60 octaves met in any order', () => {
    const rng = new Rng(17);
    const values = Float64Array.from({ length: 20000 }, (_, i) => (i % 97 === 0 ? 0 : Math.exp((rng.next() - 0.5) * 42)));
    const one = new Histogram();
    for (const value of values) one.record(value);
    const batched = new Histogram();
    for (let from = 0; from < values.length; from += 777) batched.absorb(values, from, Math.min(values.length, from + 777));
    expect(batched.stats()).toEqual(one.stats());
    expect(Object.is(batched.sum, one.sum)).toBe(true);
    for (const fraction of [0.001, 0.2, 0.6, 0.999]) expect(batched.percentile(fraction)).toBe(one.percentile(fraction));
  });

  it('holds values at both ends of the float range', () => {
    const histogram = new Histogram();
    // from the smallest normal float to past 2^64 ms (one last bucket holds everything above)
    const values = [1e300, 2.2250738585072014e-308, 1, 1e19, 3e-300, 5e-308];
    for (const value of values) histogram.record(value);
    const sorted = [...values].sort((a, b) => a - b);
    expect([histogram.min, histogram.max]).toEqual([sorted[0], sorted[5]]);
    for (let i = 1; i <= 6; i++) expect(histogram.percentile(i / 6)).toBe(sorted[i - 1]);
  });

  it('reports null for everything but count when empty', () => {
    expect(new Histogram().stats()).toEqual({ count: 0, mean: null, min: null, p50: null, p90: null, p95: null, p99: null, max: null });
  });

  it('merges into the same statistics as one histogram of all values', () => {
    const rng = new Rng(9);
    const all = new Histogram();
    const a = new Histogram();
    const b = new Histogram();
    for (let i = 0; i < 3000; i++) {
      const value = rng.next() * 100;
      all.record(value);
      (i % 3 === 0 ? a : b).record(value);
    }
    const merged = new Histogram();
    merged.merge(a);
    merged.merge(b);
    const x = merged.stats();
    const y = all.stats();
    expect(x.count).toBe(y.count);
    expect(x.mean).toBeCloseTo(y.mean as number, 9);
    expect([x.min, x.max]).toEqual([y.min, y.max]);
    for (const key of ['p50', 'p90', 'p95', 'p99'] as const) expect(x[key]).toBeCloseTo(y[key] as number, 9);
  });

  it('merges parts with octaves of their own exactly, whichever side they widen', () => {
    const low = [1e-6, 2e-5, 3e-4];
    const high = [5e3, 6e4, 7e5];
    const a = new Histogram();
    const b = new Histogram();
    for (const value of high) a.record(value);
    for (const value of low) b.record(value);
    a.merge(b);
    const sorted = [...low, ...high];
    for (let i = 1; i <= 6; i++) expect(a.percentile(i / 6)).toBe(sorted[i - 1]);
  });
});
