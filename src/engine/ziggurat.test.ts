// The ziggurat exponential has mean 1, variance 1 and the exponential CDF at every quantile.
import { describe, expect, it } from 'vitest';
import { Rng } from './random';
import { standardExponential } from './ziggurat';

describe('standardExponential', () => {
  it('matches the exponential distribution: moments, CDF and tail', () => {
    const rng = new Rng(123);
    const n = 1_000_000;
    const points = [0.01, 0.1, 0.5, 1, 2, 4, 7, 7.7, 9, 12];
    const below = new Array<number>(points.length).fill(0);
    let sum = 0;
    let sum2 = 0;
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      const x = standardExponential(rng);
      if (x < min) min = x;
      sum += x;
      sum2 += x * x;
      for (let p = 0; p < points.length; p++) if (x < points[p]) below[p]++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(sum / n).toBeCloseTo(1, 2);
    expect(sum2 / n - (sum / n) ** 2).toBeCloseTo(1, 1);
    for (let p = 0; p < points.length; p++) {
      const expected = 1 - Math.exp(-points[p]);
      const sd = Math.sqrt((expected * (1 - expected)) / n);
      expect(Math.abs(below[p] / n - expected)).toBeLessThan(5 * sd + 1e-7);
    }
  });

  it('passes a chi-square test over 64 equally likely bins', () => {
    const rng = new Rng(99);
    const bins = 64;
    const n = 640_000;
    const counts = new Array<number>(bins).fill(0);
    for (let i = 0; i < n; i++) {
      const u = 1 - Math.exp(-standardExponential(rng)); // uniform if the draw is exponential
      counts[Math.min(bins - 1, Math.floor(u * bins))]++;
    }
    const expected = n / bins;
    const chi2 = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(110); // 63 degrees of freedom: P(chi2 > 110) < 0.0002
  });
});
