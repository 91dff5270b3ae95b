// The paged histogram gives the same bits as the contiguous one: the same values recorded or absorbed in the same
// order give equal stats, sums and percentiles, and merging either kind into either kind gives the same result.
import { describe, expect, it } from 'vitest';
import { Histogram } from './metrics';
import { PagedHistogram } from './pagedHistogram';
import { Rng } from './random';

/** values over ~50 octaves, zeros among them, arriving with new extremes on both sides as the run goes on */
function widening(seed: number, n: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: n }, (_, i) => (i % 53 === 0 ? 0 : Math.exp((rng.next() - 0.5) * (2 + (30 * i) / n))));
}

function filled(histogram: Histogram, values: Float64Array, batch: number): Histogram {
  for (let from = 0; from < values.length; from += batch) {
    if (batch === 1) histogram.record(values[from]);
    else histogram.absorb(values, from, Math.min(values.length, from + batch));
  }
  return histogram;
}

function expectSame(a: Histogram, b: Histogram): void {
  expect(a.stats()).toEqual(b.stats());
  expect(Object.is(a.sum, b.sum)).toBe(true);
  for (const fraction of [0.001, 0.02, 0.25, 0.5, 0.77, 0.999, 1]) expect(a.percentile(fraction)).toBe(b.percentile(fraction));
}

describe('PagedHistogram', () => {
  it('gives the same bits as the contiguous histogram, recorded one by one or absorbed in batches', () => {
    const values = widening(5, 30000);
    for (const batch of [1, 7, 512, 4096]) expectSame(filled(new PagedHistogram(), values, batch), filled(new Histogram(), values, batch));
  });

  it('merges into and from the contiguous kind exactly as the contiguous kind merges', () => {
    const a = widening(6, 9000);
    const b = widening(7, 7000).map((value) => value * 1e6); // octaves the other part does not have, and shared ones
    const make = (paged: boolean): Histogram => (paged ? new PagedHistogram() : new Histogram());
    const reference = new Histogram();
    reference.merge(filled(new Histogram(), a, 100));
    reference.merge(filled(new Histogram(), b, 100));
    for (const into of [false, true]) {
      for (const first of [false, true]) {
        for (const second of [false, true]) {
          const merged = make(into);
          merged.merge(filled(make(first), a, 100));
          merged.merge(filled(make(second), b, 100));
          expectSame(merged, reference);
        }
      }
    }
  });

  it('counts past 16 bits in a bucket (its 16-bit count wraps) exactly as the contiguous kind counts', () => {
    // 3 buckets get 70,000 values or more each (their counts wrap once or twice), among others in widening octaves
    const rng = new Rng(8);
    const values = Float64Array.from({ length: 300000 }, (_, i) => (i % 4 === 0 ? 1.5 : i % 4 === 1 ? 3 : i % 4 === 2 ? 1.5000001 : rng.next() * 8));
    for (const batch of [1, 4096]) expectSame(filled(new PagedHistogram(), values, batch), filled(new Histogram(), values, batch));
    // and merged: a wrapped count added to another histogram's, both ways
    const a = filled(new PagedHistogram(), values, 4096);
    const b = filled(new PagedHistogram(), values.subarray(0, 200000), 512);
    const reference = new Histogram();
    reference.merge(filled(new Histogram(), values, 4096));
    reference.merge(filled(new Histogram(), values.subarray(0, 200000), 512));
    const merged = new PagedHistogram();
    merged.merge(a);
    merged.merge(b);
    expectSame(merged, reference);
    expect(merged.count).toBe(500000);
  });

  it('is empty and all zeros like the contiguous kind', () => {
    expect(new PagedHistogram().stats()).toEqual(new Histogram().stats());
    const zeros = new Float64Array(10);
    expectSame(filled(new PagedHistogram(), zeros, 4), filled(new Histogram(), zeros, 4));
  });
});
