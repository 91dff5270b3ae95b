// The seven distributions: means and spreads as the spec defines them, never negative.
import { describe, expect, it } from 'vitest';
import { compileDistribution, meanOf, sample } from './distributions';
import { Rng } from './random';
import type { Distribution } from './types';

function moments(dist: Distribution, n = 100_000): { mean: number; sd: number; min: number; values: Set<number> } {
  const s = compileDistribution(dist);
  const rng = new Rng(11);
  let sum = 0;
  let sum2 = 0;
  let min = Infinity;
  const values = new Set<number>();
  for (let i = 0; i < n; i++) {
    const x = sample(s, rng);
    sum += x;
    sum2 += x * x;
    if (x < min) min = x;
    if (values.size < 20) values.add(x);
  }
  const mean = sum / n;
  return { mean, sd: Math.sqrt(sum2 / n - mean * mean), min, values };
}

describe('distributions', () => {
  it('constant, exponential, uniform', () => {
    expect(moments({ kind: 'constant', value: 5 }, 10)).toMatchObject({ mean: 5, sd: 0, min: 5 });
    const e = moments({ kind: 'exponential', mean: 4 });
    expect(e.mean).toBeCloseTo(4, 1);
    expect(e.sd).toBeCloseTo(4, 1);
    const u = moments({ kind: 'uniform', min: 2, max: 8 });
    expect(u.mean).toBeCloseTo(5, 1);
    expect(u.sd).toBeCloseTo(6 / Math.sqrt(12), 1);
    expect(u.min).toBeGreaterThanOrEqual(2);
  });

  it('normal redraws negative values', () => {
    const n = moments({ kind: 'normal', mean: 5, sd: 1 });
    expect(n.mean).toBeCloseTo(5, 1);
    expect(n.sd).toBeCloseTo(1, 1);
    expect(moments({ kind: 'normal', mean: 0.5, sd: 2 }).min).toBeGreaterThanOrEqual(0);
  });

  it('lognormal takes the mean and sd of the value itself', () => {
    const l = moments({ kind: 'lognormal', mean: 5, sd: 2 }, 400_000);
    expect(l.mean).toBeCloseTo(5, 1);
    expect(l.sd).toBeCloseTo(2, 1);
  });

  it('erlang has k phases with the given total mean (sd = mean / sqrt k)', () => {
    const g = moments({ kind: 'erlang', k: 4, mean: 8 });
    expect(g.mean).toBeCloseTo(8, 1);
    expect(g.sd).toBeCloseTo(4, 1);
  });

  it('empirical picks one of the values uniformly', () => {
    const m = moments({ kind: 'empirical', values: [1, 2, 2, 10] });
    expect(m.mean).toBeCloseTo(3.75, 1);
    expect([...m.values].sort((a, b) => a - b)).toEqual([1, 2, 10]);
    expect(meanOf({ kind: 'empirical', values: [1, 2, 2, 10] })).toBe(3.75);
  });
});
