// theoryCheck: the Theory panel's replications note picks the right figure and says inside / outside honestly.
import { describe, expect, it } from 'vitest';
import type { Estimate, ExperimentReport } from '../../experiment/types';
import type { StationFigures } from '../../model/theory';
import type { Station } from '../results/theoryStations';
import { theoryCheck } from './theoryCheck';

const station: Station = { queue: 'q', handler: 'h', direct: false, model: 'mm1', approximate: false, lambdaPerMs: 0.05, publishers: 1, latencyMs: 0, servers: 1, meanServiceMs: 10, secondMomentMs2: 200 };
const figures: StationFigures = { rho: 0.5, waitMs: 10, sojournMs: 20, lq: 0.5, l: 1 };
const estimate = (mean: number, halfWidth: number | null, n = 20): Estimate => ({ mean, halfWidth, lower: halfWidth === null ? null : mean - halfWidth, upper: halfWidth === null ? null : mean + halfWidth, stdDev: halfWidth, n });
const report = (estimates: Record<string, Estimate>, sweep = false): ExperimentReport => ({
  format: 'eventflow-experiment', version: 1, scenario: 's', seed: 1, replications: 20, confidence: 0.95,
  parameter: sweep ? { pointer: '/nodes/h/concurrency', values: [1] } : null,
  points: [{ value: sweep ? 1 : null, seeds: [1], estimates }], perf: { wallMs: 0, jobs: 1, events: 0 },
});

describe('theoryCheck', () => {
  it('suggests replications when none exist for the scenario, or only a sweep does', () => {
    expect(theoryCheck(station, figures, null)).toEqual({ kind: 'suggest' });
    expect(theoryCheck(station, figures, report({ '/nodes/q/wait/mean': estimate(10, 1) }, true))).toEqual({ kind: 'suggest' });
    expect(theoryCheck(station, figures, report({ '/nodes/q/wait/mean': estimate(10, null, 1) }))).toEqual({ kind: 'suggest' });
  });
  it("says the formula's wait lies inside a queue's interval", () => {
    const check = theoryCheck(station, figures, report({ '/nodes/q/wait/mean': estimate(10.4, 0.9) }));
    expect(check).toMatchObject({ kind: 'interval', quantity: 'wait', predicted: 10, n: 20, inside: true, confidence: 0.95 });
    if (check.kind === 'interval') expect([check.lower, check.upper]).toEqual([10.4 - 0.9, 10.4 + 0.9]);
  });
  it('says it lies outside when the interval misses it', () => {
    expect(theoryCheck(station, figures, report({ '/nodes/q/wait/mean': estimate(12, 0.5) }))).toMatchObject({ kind: 'interval', inside: false });
  });
  it("uses a directly fed handler's utilization, and says nothing for an unstable station", () => {
    const direct = { ...station, queue: 'h', direct: true };
    expect(theoryCheck(direct, figures, report({ '/nodes/h/utilization': estimate(0.49, 0.02) }))).toMatchObject({ kind: 'interval', quantity: 'rho', predicted: 0.5, inside: true });
    expect(theoryCheck(station, { ...figures, rho: 1.2, waitMs: Infinity }, null)).toEqual({ kind: 'none' });
  });
});
