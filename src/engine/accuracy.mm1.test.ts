// Accuracy of the engine against M/M/1 theory at ρ = 0.5 and ρ = 0.9: mean sojourn W, its p50 and p99
// (exponential with rate μ − λ), mean wait Wq, utilisation ρ and Little's law on the queue's mean depth.
import { afterAll, describe, expect, it } from 'vitest';
import { mm1, mm1SojournPercentileMs } from '../model/theory';
import { batchStandardError, check, edge, exponential, handler, mean, printChecks, publisher, quantile, queue, run, scenario, within } from './accuracy.helpers';

/*
 * Tolerances. Successive sojourn times in a queue are strongly correlated, so the i.i.d. standard error
 * σ/√n is far too small: over 20 independent Lindley replications of 1M messages (a scratch study,
 * numbers in docs/benchmarks.md) the relative SD of the sample mean was 0.18% at ρ = 0.5 but 2.7% at
 * ρ = 0.9 (27× the i.i.d. figure); p50 1.8%, p99 4.9% at ρ = 0.9. Each check below therefore uses
 * the batch-means standard error (30 batches of ≥ 16k copies, each far longer than the ≈ 400-message
 * relaxation time at ρ = 0.9) and allows 4.5 of them (two-sided chance of a false alarm ≈ 1e-4 per
 * check with 29 degrees of freedom), and separately bounds that standard error by twice the
 * replication study's SD so a noisy engine cannot widen its own tolerance.
 * The report's histogram percentiles must be within 1% of the exact sample percentile (spec).
 */
const Z = 4.5;

// maxRelSe: twice the replication study's relative SD, scaled by √(1M / messages)
const CASES = [
  { rho: 0.5, messages: 1_000_000, maxRelSe: { mean: 0.0036, p50: 0.0032, p99: 0.01 } },
  { rho: 0.9, messages: 2_000_000, maxRelSe: { mean: 0.039, p50: 0.026, p99: 0.07 } },
];

afterAll(() => printChecks('M/M/1 accuracy'));

describe.each(CASES)('M/M/1 at ρ = $rho ($messages messages)', ({ rho, messages, maxRelSe }) => {
  const lambdaPerMs = rho;
  const muPerMs = 1;
  const theory = mm1(lambdaPerMs, muPerMs);
  // 1% of the run as warm-up: ≥ 100× the relaxation time 1/(μ(1−√ρ)²) ≈ 380 ms at ρ = 0.9.
  const warmupMs = (0.01 * messages) / lambdaPerMs;
  let samples: ReturnType<typeof run> | undefined;
  const get = (): ReturnType<typeof run> => {
    samples ??= run(scenario(`M/M/1 rho=${rho}`, [publisher('p', lambdaPerMs, messages), queue('q'), handler('h', exponential(1 / muPerMs))], [edge('p', 'q'), edge('q', 'h')], { warmup: warmupMs }));
    return samples;
  };

  it('reports every copy once and keeps the report consistent with the copies', () => {
    const { report, records, publishToDone } = get();
    expect(report.totals.published).toBe(messages);
    expect(report.totals.sent).toBe(messages);
    expect(report.totals.completed).toBe(messages);
    expect(records).toBe(messages);
    const done = publishToDone.get('q')!;
    expect(report.latency.publishToDone.count).toBe(done.length);
    expect(report.latency.publishToDone.mean!).toBeCloseTo(mean(done), 6);
    for (const p of [0.5, 0.9, 0.95, 0.99] as const) {
      const key = `p${Math.round(p * 100)}` as 'p50' | 'p90' | 'p95' | 'p99';
      const exact = quantile(done, p);
      expect(Math.abs(report.latency.publishToDone[key]! - exact), `${key}: histogram ${report.latency.publishToDone[key]} vs exact ${exact}`).toBeLessThanOrEqual(0.01 * exact);
    }
  });

  it('has mean sojourn W = 1/(μ − λ)', () => {
    const done = get().publishToDone.get('q')!;
    const se = batchStandardError(done, mean);
    expect(se).toBeLessThan(maxRelSe.mean * theory.sojournMs);
    expect(within(check(`rho=${rho} mean publishToDone (W)`, mean(done), theory.sojournMs, Z * se))).toBe(true);
  });

  it('has exponential sojourn percentiles p50 and p99', () => {
    const { report, publishToDone } = get();
    const done = publishToDone.get('q')!;
    for (const [p, key, bound] of [[0.5, 'p50', maxRelSe.p50], [0.99, 'p99', maxRelSe.p99]] as const) {
      const expected = mm1SojournPercentileMs(lambdaPerMs, muPerMs, p);
      const se = batchStandardError(done, (batch) => quantile(batch, p));
      expect(se).toBeLessThan(bound * expected);
      // the report's histogram value: statistical tolerance plus the 1% the histogram may add
      expect(within(check(`rho=${rho} ${key} publishToDone`, report.latency.publishToDone[key]!, expected, Z * se + 0.01 * expected))).toBe(true);
    }
  });

  it('has mean wait Wq = ρ/(μ − λ), measured by the queue and by publishToRead', () => {
    const { report, publishToRead } = get();
    const waits = publishToRead.get('q')!;
    const node = report.nodes.q;
    if (node.type !== 'queue') throw new Error('q is not a queue');
    expect(node.wait.count).toBe(waits.length);
    expect(node.wait.mean!).toBeCloseTo(mean(waits), 6);
    expect(report.latency.publishToRead.mean!).toBeCloseTo(mean(waits), 6);
    const se = batchStandardError(waits, mean);
    expect(within(check(`rho=${rho} mean wait (Wq)`, node.wait.mean!, theory.waitMs, Z * se))).toBe(true);
  });

  it('has utilisation ρ', () => {
    const node = get().report.nodes.h;
    if (node.type !== 'handler') throw new Error('h is not a handler');
    // busy time / elapsed time: relative SD ≈ √(2/n) (arrival count and service sum), about 0.2% at 1M messages, so 1.5% is over 4.5 SD
    expect(within(check(`rho=${rho} utilization`, node.utilization, rho, 0.015 * rho))).toBe(true);
  });

  it('draws exponential service times: mean, p50, p99 and a plausible max', () => {
    const node = get().report.nodes.h;
    if (node.type !== 'handler') throw new Error('h is not a handler');
    const n = node.service.count;
    const meanMs = 1 / muPerMs;
    // i.i.d. draws: SE of the mean σ/√n; of the p-quantile √(p/((1−p)n))/μ; the histogram may add 1%
    expect(within(check(`rho=${rho} service mean (exponential)`, node.service.mean!, meanMs, (Z * meanMs) / Math.sqrt(n)))).toBe(true);
    for (const [p, key] of [[0.5, 'p50'], [0.99, 'p99']] as const) {
      const expected = Math.log(1 / (1 - p)) / muPerMs;
      expect(within(check(`rho=${rho} service ${key} (exponential)`, node.service[key]!, expected, Z * Math.sqrt(p / ((1 - p) * n)) / muPerMs + 0.01 * expected))).toBe(true);
    }
    // the largest of n exponentials is ln n + Gumbel: beyond ln n ± 8 has probability < 1e-3
    expect(node.service.max!).toBeGreaterThan((Math.log(n) - 8) / muPerMs);
    expect(node.service.max!).toBeLessThan((Math.log(n) + 8) / muPerMs);
  });

  it("obeys Little's law on the queue: meanDepth = λ × mean wait", () => {
    const { report, publishToRead } = get();
    const node = report.nodes.q;
    if (node.type !== 'queue') throw new Error('q is not a queue');
    const observedRatePerMs = node.wait.count / (report.endTime - warmupMs);
    // the same sample path on both sides: only edge effects (the warm-up boundary, the final drain) differ
    expect(within(check(`rho=${rho} meanDepth vs observed λ × wait`, node.meanDepth, observedRatePerMs * node.wait.mean!, 0.02 * node.meanDepth))).toBe(true);
    const se = batchStandardError(publishToRead.get('q')!, mean) * lambdaPerMs;
    expect(within(check(`rho=${rho} meanDepth (Lq)`, node.meanDepth, theory.lq, Z * se + 0.01 * theory.lq))).toBe(true);
  });
});
