// Round 2, numbers: every accepted duration runs (a lognormal with a tiny mean is computed from the
// ratio sd/mean), and percentiles stay within 1 % down to the smallest accepted durations.
import { describe, expect, it } from 'vitest';
import { compileDistribution, sample } from './distributions';
import { Histogram, exactPercentile } from './metrics';
import { streamFor } from './random';
import { makeScenario, run } from './testScenario';
import { parseScenario } from '../model/parse';

describe('tiny durations', () => {
  it('a lognormal with a tiny mean draws finite values around that mean', () => {
    for (const mean of [1e-200, 1e-300]) {
      const sampler = compileDistribution({ kind: 'lognormal', mean, sd: mean });
      const rng = streamFor(1, 'tiny');
      let sum = 0;
      for (let i = 0; i < 20_000; i++) {
        const value = sample(sampler, rng);
        expect(Number.isFinite(value)).toBe(true);
        sum += value;
      }
      expect(sum / 20_000 / mean).toBeGreaterThan(0.95);
      expect(sum / 20_000 / mean).toBeLessThan(1.05);
    }
  });

  it('runs a handler whose service is a lognormal of mean 1e-200 ms (was: refused at run time)', () => {
    const scenario = makeScenario([
      { id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 1000 }, limit: 200 },
      { id: 'h', type: 'handler', service: { kind: 'lognormal', mean: 1e-200, sd: 1e-200 } },
    ], [['p', 'h']]);
    expect(parseScenario(scenario).ok).toBe(true);
    const { node } = run(scenario);
    const service = node('h', 'handler').service;
    expect(service.count).toBe(200);
    expect(node('h', 'handler').completed).toBe(200);
    // measured on the clock: at t ≈ 1 ms a 1e-200 ms service is below its resolution, so it reads 0
    expect(service.max).toBeLessThan(1e-190);
    expect(service.p99).toBeGreaterThanOrEqual(0);
  });

  it('keeps percentiles within 1 % of the exact ones from 1e-300 ms to 1e12 ms', () => {
    for (const scale of [1e-300, 1e-100, 2 ** -70, 1e-20, 1, 1e12]) {
      const histogram = new Histogram();
      const values: number[] = [];
      const rng = streamFor(7, `scale${scale}`);
      for (let i = 0; i < 5000; i++) {
        const value = scale * (0.5 + 3 * rng.next());
        values.push(value);
        histogram.record(value);
      }
      values.sort((a, b) => a - b);
      for (const fraction of [0.5, 0.9, 0.95, 0.99]) {
        const exact = exactPercentile(values, fraction);
        expect(Math.abs((histogram.percentile(fraction) ?? 0) - exact) / exact).toBeLessThan(0.01);
      }
    }
  });

  it('refuses positive durations below 1e-300 ms at validation, naming the JSON path', () => {
    const scenario = makeScenario([
      { id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 1000 }, limit: 5 },
      { id: 'h', type: 'handler', service: { kind: 'exponential', mean: 1e-310 } },
    ], [['p', 'h']]);
    const result = parseScenario(scenario);
    expect(result.ok ? [] : result.problems.map((p) => p.text)).toEqual(['nodes[1] (h).service.mean: must be 0 or at least 1e-300 ms (shorter durations are below what the statistics can tell apart)']);
  });
});
