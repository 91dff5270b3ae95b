// Estimates: the report's numeric leaves in order, means, sample standard deviations and t intervals.
import { describe, expect, it } from 'vitest';
import { runReplication } from './run';
import { estimate, estimatesOf, leavesOf } from './estimate';
import { mm1Scenario } from './testScenario';

describe('leavesOf', () => {
  it('lists every numeric or null leaf in report order, without perf, version, seed', () => {
    const report = runReplication(mm1Scenario({ stopAt: 2000 }), 3);
    const pointers = leavesOf(report).map(([p]) => p);
    expect(pointers[0]).toBe('/endTime');
    expect(pointers).toContain('/totals/dropped');
    expect(pointers).toContain('/latency/endToEnd/p99');
    expect(pointers).toContain('/nodes/q/meanDepth');
    expect(pointers).toContain('/nodes/q/wait/p95');
    expect(pointers).toContain('/nodes/h/utilization');
    expect(pointers.some((p) => p.startsWith('/perf') || p === '/seed' || p === '/version')).toBe(false);
    expect(pointers.indexOf('/totals/published')).toBeLessThan(pointers.indexOf('/latency/publishToRead/count'));
    expect(new Set(pointers).size).toBe(pointers.length);
  });
  it('escapes ids with / and ~', () => {
    const scenario = mm1Scenario();
    scenario.nodes[2] = { ...scenario.nodes[2], id: 'h/1~x' };
    scenario.edges[1] = { ...scenario.edges[1], target: 'h/1~x' };
    const pointers = leavesOf(runReplication({ ...scenario, stopAt: 500 }, 1)).map(([p]) => p);
    expect(pointers).toContain('/nodes/h~11~0x/utilization');
  });
});

describe('estimate', () => {
  it('gives mean, sample sd (n − 1) and the t interval', () => {
    const e = estimate([1, 2, 3, 4, 5], 0.95);
    expect(e?.mean).toBe(3);
    expect(e?.stdDev).toBeCloseTo(Math.sqrt(2.5), 14);
    expect(e?.halfWidth).toBeCloseTo((2.776445 * Math.sqrt(2.5)) / Math.sqrt(5), 5);
    expect(e?.lower).toBe(3 - (e?.halfWidth ?? 0));
    expect(e?.upper).toBe(3 + (e?.halfWidth ?? 0));
    expect(e?.n).toBe(5);
  });
  it('skips nulls; with one number the spread is null; with none there is no estimate', () => {
    expect(estimate([null, 4, null, 6], 0.9)).toMatchObject({ mean: 5, n: 2 });
    expect(estimate([null, 4], 0.95)).toEqual({ mean: 4, halfWidth: null, lower: null, upper: null, stdDev: null, n: 1 });
    expect(estimate([null, null], 0.95)).toBeUndefined();
  });
  it('keeps key order mean, halfWidth, lower, upper, stdDev, n', () => {
    expect(Object.keys(estimate([1, 2], 0.95) ?? {})).toEqual(['mean', 'halfWidth', 'lower', 'upper', 'stdDev', 'n']);
  });
});

describe('estimatesOf', () => {
  it('orders keys by first appearance over replications 0, 1, 2 … and leaves out all-null figures', () => {
    const estimates = estimatesOf([[['/a', 1], ['/n', null]], [['/a', 3], ['/b', 5]], [['/c', 1], ['/a', 2]]], 0.95);
    expect(Object.keys(estimates)).toEqual(['/a', '/b', '/c']);
    expect(estimates['/a']).toMatchObject({ mean: 2, n: 3 });
    expect(estimates['/b']).toMatchObject({ mean: 5, n: 1, halfWidth: null });
  });
  it('a null leaf keeps its place when a later replication has a number', () => {
    const estimates = estimatesOf([[['/x', null], ['/a', 1]], [['/x', 2], ['/a', 1]]], 0.95);
    expect(Object.keys(estimates)).toEqual(['/x', '/a']);
  });
});
