// The check evaluator: diagram fields by id, counts and sums, per-key order, report figures (with
// `per` and percent), Steps seen, and challenge targets judged on the interval's bound.
import { describe, expect, it } from 'vitest';
import type { Report, StepDescription } from '../engine/types';
import type { Scenario } from '../model/types';
import { compare, diagramValue, evaluateCheck, keepsKeyOrder } from './checks';
import { boundFor, costOf, gradeChallenge, judgeTarget } from './grade';
import type { Challenge, Check } from './types';

const scenario: Scenario = {
  format: 'eventflow-scenario', version: 1, name: 's', seed: 1,
  nodes: [
    { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 800 }, keys: 10 },
    { id: 'q', type: 'queue', capacity: 40 },
    { id: 'h1', type: 'handler', concurrency: 3, service: { kind: 'exponential', mean: 4 } },
    { id: 'h2', type: 'handler', service: { kind: 'constant', value: 200 }, retry: { maxAttempts: 3, backoff: { kind: 'constant', value: 1 } } },
  ],
  edges: [{ id: 'e1', source: 'p', target: 'q' }, { id: 'e2', source: 'q', target: 'h1' }, { id: 'e3', source: 'q', target: 'h2' }],
};
const report = {
  totals: { published: 1000, deadLettered: 7, dropped: 0 },
  latency: { publishToDone: { p99: 120, mean: null } },
  nodes: { h1: { type: 'handler', utilization: 0.97 } },
} as unknown as Report;
const context: { scenario: Scenario; report: Report | null; steps: StepDescription[] } = { scenario, report, steps: [] };
const run = (check: Check, ctx = context) => evaluateCheck(check, ctx);

describe('compare', () => {
  it('applies every operator, with a tolerance for rounding', () => {
    expect(compare(0.1 + 0.2, '<=', 0.3)).toBe(true);
    expect(compare(0.1 + 0.2, '==', 0.3)).toBe(true);
    expect(compare(3, '<', 3)).toBe(false);
    expect(compare(4, '>', 3)).toBe(true);
    expect(compare(3, '>=', 3)).toBe(true);
    expect(compare(3, '!=', 3)).toBe(false);
    expect(compare('block', '==', 'block')).toBe(true);
    expect(compare('block', '<', 'reject')).toBe(false);
  });
});

describe('diagram checks', () => {
  it('reads fields by element id and uses the default for an absent field', () => {
    expect(diagramValue(scenario, '/nodes/h1/service/mean')).toBe(4);
    expect(diagramValue(scenario, '/nodes/nope/concurrency')).toBeUndefined();
    expect(run({ check: 'diagram', pointer: '/nodes/h1/concurrency', op: '<=', value: 4 }).passed).toBe(true);
    const absent = run({ check: 'diagram', pointer: '/nodes/h2/concurrency', op: '>=', value: 2, default: 1 });
    expect(absent).toMatchObject({ passed: false, reason: 'value', actual: 1 });
    expect(run({ check: 'diagram', pointer: '/nodes/q/overflow', op: '==', value: 'block' }).reason).toBe('missing');
  });
  it('counts nodes (optionally those a node sends to) and sums fields', () => {
    expect(run({ check: 'count', nodeType: 'handler', op: '==', value: 2 }).passed).toBe(true);
    expect(run({ check: 'count', nodeType: 'handler', from: 'p', op: '>=', value: 1 }).passed).toBe(false);
    expect(run({ check: 'sum', nodeType: 'handler', field: 'concurrency', default: 1, op: '<=', value: 4 })).toMatchObject({ passed: true, actual: 4 });
    expect(run({ check: 'sum', nodeType: 'handler', field: 'maxAttempts', default: 1, op: '==', value: 4 }).passed).toBe(true);
  });
  it('per-key order needs partitions and keyed publishers', () => {
    expect(keepsKeyOrder(scenario, 'q')).toBe(false);
    const partitioned = { ...scenario, nodes: scenario.nodes.map((n) => (n.id === 'q' ? { ...n, partitions: 3 } : n)) };
    expect(keepsKeyOrder(partitioned, 'q')).toBe(true);
    const unkeyed = { ...partitioned, nodes: partitioned.nodes.map((n) => (n.id === 'p' ? { ...n, keys: undefined } : n)) };
    expect(run({ check: 'ordered', queue: 'q' }, { ...context, scenario: unkeyed }).reason).toBe('notOrdered');
  });
});

describe('result checks', () => {
  it('needs a finished run, then compares the figure (divided by `per`, shown in percent)', () => {
    expect(run({ check: 'result', pointer: '/latency/publishToDone/p99', op: '<=', value: 100 }, { ...context, report: null as Report | null }).reason).toBe('noRun');
    expect(run({ check: 'ran' }, { ...context, report: null as Report | null }).passed).toBe(false);
    expect(run({ check: 'result', pointer: '/latency/publishToDone/p99', op: '<=', value: 100, unit: 'ms' })).toMatchObject({ passed: false, actual: 120, value: 100, unit: 'ms' });
    const share = run({ check: 'result', pointer: '/totals/deadLettered', per: '/totals/published', op: '<', value: 0.01, percent: true, unit: '%' });
    expect(share.passed).toBe(true);
    expect(share.actual).toBeCloseTo(0.7);
    expect(share.value).toBeCloseTo(1);
    expect(run({ check: 'result', pointer: '/latency/publishToDone/mean', op: '<=', value: 1 }).reason).toBe('missing');
  });
  it('stepped: a Step read a message after waiting long enough', () => {
    const steps: StepDescription[] = [{ timeMs: 200, kind: 'read', nodeId: 'h1', messageId: 2, waitedMs: 180 }];
    expect(run({ check: 'stepped', stepKind: 'read', node: 'h1', minWaitedMs: 180 }, { ...context, steps }).passed).toBe(true);
    expect(run({ check: 'stepped', stepKind: 'read', node: 'h1', minWaitedMs: 181 }, { ...context, steps }).passed).toBe(false);
    expect(run({ check: 'stepped', stepKind: 'complete' }, { ...context, steps }).passed).toBe(false);
  });
});

describe('grading a challenge over replications', () => {
  const challenge: Challenge = {
    format: 'eventflow-lesson', version: 1, id: 'c', kind: 'challenge',
    title: { en: 'c', zh: 'c' }, summary: { en: 's', zh: 's' }, goal: { en: 'g', zh: 'g' }, start: 'examples/x.json', replications: 8,
    constraints: [{ text: { en: 'at most 4 slots', zh: '最多 4 个槽位' }, check: { check: 'sum', nodeType: 'handler', field: 'concurrency', default: 1, op: '<=', value: 4 } }],
    targets: [{ text: { en: 'p99', zh: 'p99' }, check: { check: 'result', pointer: '/latency/publishToDone/p99', op: '<=', value: 100 } }],
    cost: { text: { en: 'slots', zh: '槽位' }, terms: [{ nodeType: 'handler', field: 'concurrency' }, { nodeType: 'queue', field: 'capacity', default: 10000, weight: 0.01 }] },
  };
  it('judges "at most" goals on the upper bound and "at least" goals on the lower one', () => {
    expect(boundFor('<=')).toBe('upper');
    expect(boundFor('>')).toBe('lower');
    const lucky = { '/latency/publishToDone/p99': { mean: 90, lower: 75, upper: 105, n: 8 } };
    expect(judgeTarget(challenge.targets[0].check, lucky)).toMatchObject({ passed: false, actual: 105, mean: 90, bound: 'upper' });
    const good = { '/latency/publishToDone/p99': { mean: 80, lower: 70, upper: 95, n: 8 } };
    expect(gradeChallenge(challenge, scenario, good, 8)).toMatchObject({ passed: true, cost: 4 + 0.4 });
    expect(judgeTarget({ check: 'result', pointer: '/totals/completed', op: '>=', value: 10 }, { '/totals/completed': { mean: 12, lower: 9, upper: 15, n: 8 } }).passed).toBe(false);
  });
  it('fails on a broken rule or a missing figure, and divides by the mean of `per`', () => {
    const five = { ...scenario, nodes: scenario.nodes.map((n) => (n.id === 'h2' ? { ...n, concurrency: 2 } : n)) };
    const good = { '/latency/publishToDone/p99': { mean: 80, lower: 70, upper: 95, n: 8 } };
    expect(gradeChallenge(challenge, five, good, 8).passed).toBe(false);
    expect(gradeChallenge(challenge, scenario, {}, 8).targets[0].reason).toBe('missing');
    const ratio = judgeTarget({ check: 'result', pointer: '/totals/deadLettered', per: '/totals/published', op: '<', value: 0.01, percent: true },
      { '/totals/deadLettered': { mean: 12, lower: 9, upper: 16, n: 8 }, '/totals/published': { mean: 2000, lower: 1950, upper: 2050, n: 8 } });
    expect(ratio.passed).toBe(true);
    expect(ratio.actual).toBeCloseTo(0.8);
    expect(costOf(challenge, { ...scenario, nodes: scenario.nodes.filter((n) => n.type !== 'queue') })).toBe(4);
  });
});
