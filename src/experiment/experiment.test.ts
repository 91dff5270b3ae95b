// Whole experiments in one thread: replication 0 is the single run, common random numbers across points,
// bad input refused before anything runs, shards merged equal the whole, the CSV, and the precision stop.
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/index';
import { compile } from '../model/compile';
import { experimentCsv, EXPERIMENT_CSV_HEADER } from './csv';
import { leavesOf } from './estimate';
import { mergeParts } from './merge';
import { prepareExperiment } from './plan';
import { runExperiment, runPair, runPlan, runReplication, runReplications, runShard, ExperimentSettingsError } from './run';
import { mm1Scenario } from './testScenario';
import type { ExperimentPlan, ExperimentSettings } from './types';

const small = mm1Scenario({ stopAt: 3000, warmup: 500 });
const plan = (settings: ExperimentSettings, scenario = small): ExperimentPlan => {
  const prepared = prepareExperiment(scenario, settings);
  if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message).join('; '));
  return prepared.plan;
};
const withoutPerf = <T extends { perf: unknown }>(value: T) => ({ ...value, perf: null });

describe('replications', () => {
  it('replication 0 is the single run, and the report has the spec\'s shape', () => {
    const single = simulate(compile(small));
    const p = plan({ replications: 4 });
    expect(p.seeds[0]).toBe(small.seed);
    expect(withoutPerf(runReplication(small, p.seeds[0]))).toEqual(withoutPerf(single));
    expect(runPair(small, p.seeds[0]).leaves).toEqual(leavesOf(single));
    const report = runReplications(small, { replications: 4 });
    expect(report.format).toBe('eventflow-experiment');
    expect(Object.keys(report)).toEqual(['format', 'version', 'scenario', 'seed', 'replications', 'confidence', 'parameter', 'points', 'perf']);
    expect(report.parameter).toBeNull();
    expect(report.points).toHaveLength(1);
    expect(report.points[0].value).toBeNull();
    expect(report.points[0].seeds).toEqual([3, 3984711379, 746935934, 1102698049]);
    expect(report.confidence).toBe(0.95);
    expect(report.points[0].estimates['/latency/publishToDone/mean'].n).toBe(4);
  });

  it('is a pure function of its inputs (same JSON twice)', () => {
    const a = runReplications(small, { replications: 3, confidence: 0.9 });
    const b = runReplications(small, { replications: 3, confidence: 0.9 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('sweeps', () => {
  it('runs every point with the same seeds (common random numbers) and the value set', () => {
    const report = runExperiment(small, { replications: 3, sweep: { pointer: '/nodes/h/concurrency', values: [1, 2] } });
    expect(report.parameter).toEqual({ pointer: '/nodes/h/concurrency', values: [1, 2] });
    expect(report.points.map((p) => p.value)).toEqual([1, 2]);
    expect(report.points[0].seeds).toEqual(report.points[1].seeds);
    // same arrivals in both points: the published count is identical, the waiting is lower with 2 slots
    expect(report.points[0].estimates['/totals/published']).toEqual(report.points[1].estimates['/totals/published']);
    expect(report.points[1].estimates['/nodes/q/wait/mean'].mean).toBeLessThan(report.points[0].estimates['/nodes/q/wait/mean'].mean);
  });

  it('can set an optional field the file leaves out', () => {
    const report = runExperiment(small, { replications: 2, sweep: { pointer: '/nodes/q/capacity', values: [1, 1000] } });
    expect(report.points[0].estimates['/totals/dropped'].mean).toBeGreaterThan(0);
    expect(report.points[1].estimates['/totals/dropped'].mean).toBe(0);
  });
});

describe('bad input: refused before anything runs, naming the pointer and the value', () => {
  const refused = (settings: ExperimentSettings) => {
    const prepared = prepareExperiment(small, settings);
    expect(prepared.ok).toBe(false);
    return prepared.ok ? [] : prepared.problems;
  };
  it('an unknown pointer, a pointer to a non-number, a field the format does not have', () => {
    expect(refused({ replications: 2, sweep: { pointer: '/nodes/x/concurrency', values: [1] } })[0]).toMatchObject({ field: 'sweep', pointer: '/nodes/x/concurrency' });
    expect(refused({ replications: 2, sweep: { pointer: '/nodes/h/service', values: [1] } })[0].message).toContain('not to a number');
    const unknown = refused({ replications: 2, sweep: { pointer: '/nodes/q/speed', values: [1] } })[0];
    expect(unknown).toMatchObject({ field: 'sweep', pointer: '/nodes/q/speed' });
    expect(unknown.message).toContain('no such field');
    expect(refused({ replications: 2, sweep: { pointer: '/seed', values: [1] } })[0].field).toBe('sweep');
  });
  it('a value the format refuses names the pointer and the value', () => {
    const [problem] = refused({ replications: 2, sweep: { pointer: '/nodes/h/concurrency', values: [2, 0] } });
    expect(problem).toMatchObject({ field: 'values', pointer: '/nodes/h/concurrency', value: 0 });
    expect(problem.message).toContain('/nodes/h/concurrency = 0');
    expect(problem.message).toContain('concurrency');
    const [fraction] = refused({ replications: 2, sweep: { pointer: '/nodes/h/concurrency', values: [1.5] } });
    expect(fraction.value).toBe(1.5);
  });
  it('too many or too few replications, a confidence out of range, a precision metric the report lacks', () => {
    expect(refused({ replications: 1 })[0].field).toBe('replications');
    expect(refused({ replications: 10_001 })[0].field).toBe('replications');
    expect(refused({ replications: 2.5 })[0].field).toBe('replications');
    expect(refused({ replications: 5, confidence: 0.9999 })[0].field).toBe('confidence');
    expect(refused({ replications: 5, confidence: 0.4 })[0].field).toBe('confidence');
    expect(refused({ replications: 5, precision: { metric: '/nope', relative: 0.02 } })[0]).toMatchObject({ field: 'precision', pointer: '/nope' });
    expect(refused({ replications: 5, precision: { metric: '/endTime', relative: 0 } })[0].field).toBe('precision');
    expect(() => runExperiment(small, { replications: 1 })).toThrow(ExperimentSettingsError);
  });
});

describe('shards', () => {
  it('merged in any order equal the whole, byte for byte (perf aside)', () => {
    const p = plan({ replications: 3, sweep: { pointer: '/nodes/p/arrival/ratePerSecond', values: [20, 40, 60] } });
    const whole = runPlan(p);
    const parts = [2, 0, 1, 3].map((index) => JSON.parse(JSON.stringify(runShard(p, { index, count: 4 }))) as unknown);
    const merged = mergeParts(parts, ['c.json', 'a.json', 'b.json', 'd.json']);
    if (!merged.ok) throw new Error(merged.message);
    expect(JSON.stringify(withoutPerf(merged.report))).toBe(JSON.stringify(withoutPerf(whole)));
  });
  it('more shards than pairs still merge (empty shards)', () => {
    const p = plan({ replications: 2 });
    const parts = [0, 1, 2].map((index) => runShard(p, { index, count: 3 }));
    const merged = mergeParts(parts, ['a', 'b', 'c']);
    expect(merged.ok && JSON.stringify(withoutPerf(merged.report))).toBe(JSON.stringify(withoutPerf(runPlan(p))));
  });
  it('refuses missing, duplicate and mismatched parts, naming the part', () => {
    const p = plan({ replications: 2, sweep: { pointer: '/nodes/h/concurrency', values: [1, 2] } });
    const a = runShard(p, { index: 0, count: 2 });
    const b = runShard(p, { index: 1, count: 2 });
    expect(mergeParts([a], ['a.json'])).toMatchObject({ ok: false, part: 'shard 1/2', message: expect.stringContaining('missing') });
    expect(mergeParts([a, a, b], ['a.json', 'a2.json', 'b.json'])).toMatchObject({ ok: false, part: 'a2.json' });
    const other = runShard(plan({ replications: 2, sweep: { pointer: '/nodes/h/concurrency', values: [1, 2] } }, mm1Scenario({ stopAt: 3001, warmup: 500 })), { index: 1, count: 2 });
    expect(mergeParts([a, other], ['a.json', 'other.json'])).toMatchObject({ ok: false, part: 'other.json', message: expect.stringContaining('another scenario') });
    expect(mergeParts([a, { ...b, confidence: 0.9 }], ['a.json', 'b.json'])).toMatchObject({ ok: false, part: 'b.json', message: expect.stringContaining('confidence') });
    expect(mergeParts([a, { ...b, pairs: b.pairs.slice(1) }], ['a.json', 'b.json'])).toMatchObject({ ok: false, part: 'b.json', message: expect.stringContaining('lacks pair') });
    expect(mergeParts([{ format: 'eventflow-report' }], ['r.json'])).toMatchObject({ ok: false, part: 'r.json' });
  });
});

describe('CSV', () => {
  it('has one row per point and figure with empty cells for nulls', () => {
    const report = runExperiment(small, { replications: 2, sweep: { pointer: '/nodes/h/concurrency', values: [1, 2] } });
    const lines = experimentCsv(report).split('\n');
    expect(lines[0] + '\n').toBe(EXPERIMENT_CSV_HEADER);
    const rows = Object.keys(report.points[0].estimates).length + Object.keys(report.points[1].estimates).length;
    expect(lines).toHaveLength(1 + rows + 1);
    const mean = report.points[0].estimates['/latency/publishToDone/mean'];
    expect(lines).toContain(`1,/latency/publishToDone/mean,${mean.mean},${mean.halfWidth},${mean.lower},${mean.upper},${mean.stdDev},2`);
    const single = experimentCsv(runReplications(small, { replications: 2 })).split('\n');
    expect(single[1].startsWith(',/endTime,')).toBe(true);
  });
});

describe('precision stop', () => {
  it('stops each point at the first n ≥ 5 whose half-width is within the precision, else at the maximum', () => {
    const report = runExperiment(small, { replications: 40, precision: { metric: '/totals/published', relative: 0.05 },
      sweep: { pointer: '/nodes/p/arrival/ratePerSecond', values: [10, 80] } });
    expect(report.precision).toEqual({ metric: '/totals/published', relative: 0.05 });
    for (const point of report.points) {
      const e = point.estimates['/totals/published'];
      expect(e.n).toBe(point.seeds.length);
      expect(e.n).toBeGreaterThanOrEqual(5);
      if (e.n < 40) expect(e.halfWidth as number).toBeLessThanOrEqual(0.05 * e.mean);
    }
    // more messages → relatively less noise → fewer replications needed
    expect(report.points[1].seeds.length).toBeLessThanOrEqual(report.points[0].seeds.length);
    // the same as a fixed experiment with that many replications
    const fixed = runExperiment(small, { replications: report.points[1].seeds.length, sweep: { pointer: '/nodes/p/arrival/ratePerSecond', values: [80] } });
    expect(fixed.points[0].estimates).toEqual(report.points[1].estimates);
  });
});
