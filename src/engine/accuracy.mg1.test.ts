// Accuracy against M/M/c (Erlang C, via handler concurrency 3) and M/G/1 by Pollaczek–Khinchine:
// M/D/1 (constant service), uniform and erlang service. Mean wait, mean sojourn, P(wait), utilisation.
import { afterAll, describe, expect, it } from 'vitest';
import { distributionMoments, mg1, mmc } from '../model/theory';
import type { Distribution } from './types';
import { batchStandardError, check, edge, exponential, handler, mean, printChecks, publisher, queue, run, scenario, within } from './accuracy.helpers';

/*
 * Tolerances: 4.5 batch-means standard errors (30 batches), see accuracy.mm1.test.ts for the reasoning.
 * The loads here are 0.7–0.8, where the correlation time is tens of messages, so 800k-message runs give
 * relative standard errors of about 1% or less. The SE itself is bounded (1.5% of the theory
 * value; M/M/1 at ρ = 0.8 would give about 1.7% for the wait) so a noisy engine cannot widen its own tolerance.
 */
const Z = 4.5;
const MESSAGES = 800_000;
const MAX_REL_SE = 0.03;

afterAll(() => printChecks('M/M/c and M/G/1 accuracy'));

function expectMean(label: string, values: number[], expected: number): void {
  const se = batchStandardError(values, mean);
  expect(se, `${label}: batch SE ${se}`).toBeLessThan(MAX_REL_SE * expected);
  expect(within(check(label, mean(values), expected, Z * se))).toBe(true);
}

describe('M/M/3 by Erlang C (handler concurrency 3)', () => {
  const lambdaPerMs = 2.1;
  const servers = 3;
  const theory = mmc(lambdaPerMs, 1, servers);
  const warmupMs = (0.01 * MESSAGES) / lambdaPerMs;
  const samples = (() => {
    let cached: ReturnType<typeof run> | undefined;
    return () => (cached ??= run(scenario('M/M/3', [publisher('p', lambdaPerMs, MESSAGES), queue('q'), handler('h', exponential(1), { concurrency: servers })], [edge('p', 'q'), edge('q', 'h')], { warmup: warmupMs })));
  })();

  it('waits with the Erlang C probability', () => {
    const waits = samples().publishToRead.get('q')!;
    const waited = waits.map((w) => (w > 0 ? 1 : 0));
    const se = batchStandardError(waited, mean);
    expect(within(check('M/M/3 P(wait > 0) (Erlang C)', mean(waited), theory.probabilityOfWaiting, Z * se))).toBe(true);
  });

  it('has mean wait C/(cμ − λ) and mean sojourn Wq + 1/μ', () => {
    const { publishToRead, publishToDone, report } = samples();
    expectMean('M/M/3 mean wait (Wq)', publishToRead.get('q')!, theory.waitMs);
    expectMean('M/M/3 mean publishToDone (W)', publishToDone.get('q')!, theory.sojournMs);
    expect(report.latency.publishToDone.mean!).toBeCloseTo(mean(publishToDone.get('q')!), 6);
  });

  it('has utilisation λ/(cμ) per slot', () => {
    const node = samples().report.nodes.h;
    if (node.type !== 'handler') throw new Error('h is not a handler');
    expect(within(check('M/M/3 utilization', node.utilization, theory.rho, 0.015 * theory.rho))).toBe(true);
  });
});

const PK_CASES: { name: string; lambdaPerMs: number; service: Distribution }[] = [
  { name: 'M/D/1 (constant 1 ms)', lambdaPerMs: 0.8, service: { kind: 'constant', value: 1 } },
  { name: 'M/G/1 (uniform 0.5–1.5 ms)', lambdaPerMs: 0.8, service: { kind: 'uniform', min: 0.5, max: 1.5 } },
  { name: 'M/G/1 (erlang k=2, mean 1 ms)', lambdaPerMs: 0.7, service: { kind: 'erlang', k: 2, mean: 1 } },
];

describe.each(PK_CASES)('$name by Pollaczek–Khinchine', ({ name, lambdaPerMs, service }) => {
  it('has mean wait λE[S²]/(2(1−ρ)), mean sojourn Wq + E[S] and utilisation ρ', () => {
    const moments = distributionMoments(service);
    const theory = mg1(lambdaPerMs, moments.mean, moments.secondMoment);
    const warmupMs = (0.01 * MESSAGES) / lambdaPerMs;
    const { report, publishToRead, publishToDone } = run(scenario(name, [publisher('p', lambdaPerMs, MESSAGES), queue('q'), handler('h', service)], [edge('p', 'q'), edge('q', 'h')], { warmup: warmupMs }));
    expect(report.totals.completed).toBe(MESSAGES);
    expectMean(`${name} mean wait (Wq)`, publishToRead.get('q')!, theory.waitMs);
    expectMean(`${name} mean publishToDone (W)`, publishToDone.get('q')!, theory.sojournMs);
    const node = report.nodes.h;
    if (node.type !== 'handler') throw new Error('h is not a handler');
    expect(within(check(`${name} utilization`, node.utilization, theory.rho, 0.015 * theory.rho))).toBe(true);
    expect(within(check(`${name} mean service`, node.service.mean!, moments.mean, 0.008 * moments.mean))).toBe(true);
  });
});
