// Unit tests of the Goals panel's pure helpers: list edits, inline problems, matching verdicts to goals.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model/types';
import { goalProblem, verdictFor, withBound, withGoals } from './goalRows';

const scenario = { format: 'eventflow-scenario', version: 1, name: 's', nodes: [], edges: [] } as unknown as Scenario;

describe('goal rows', () => {
  it('adds the slo key with the first goal and removes it with the last', () => {
    const one = withGoals(scenario, [{ metric: '/totals/completed', min: 1 }]);
    expect(one.slo).toEqual([{ metric: '/totals/completed', min: 1 }]);
    expect('slo' in withGoals(one, [])).toBe(false);
  });
  it('sets and clears one bound, leaving the other', () => {
    const goal = withBound({ metric: '/a', max: 5 }, 'min', 2);
    expect(goal).toEqual({ metric: '/a', max: 5, min: 2 });
    expect(withBound(goal, 'max', undefined)).toEqual({ metric: '/a', min: 2 });
  });
  it('names the inline problem: unknown figure, no limit, min above max', () => {
    const figures = new Set(['/a']);
    expect(goalProblem({ metric: '/b', max: 1 }, figures)).toBe('goals.error.unknown');
    expect(goalProblem({ metric: '/b', max: 1 }, null)).toBeNull();
    expect(goalProblem({ metric: '/a' }, figures)).toBe('goals.error.bounds');
    expect(goalProblem({ metric: '/a', min: 3, max: 2 }, figures)).toBe('goals.error.order');
    expect(goalProblem({ metric: '/a', min: 2, max: 2 }, figures)).toBeNull();
  });
  it('shows a verdict only for the goal it judged', () => {
    const verdicts = [{ metric: '/a', max: 5, value: 3, pass: true }];
    expect(verdictFor({ metric: '/a', max: 5 }, 0, verdicts)).toBe(verdicts[0]);
    expect(verdictFor({ metric: '/a', max: 6 }, 0, verdicts)).toBeNull();
    expect(verdictFor({ metric: '/a', max: 5 }, 1, verdicts)).toBeNull();
    expect(verdictFor({ metric: '/a', max: 5 }, 0, null)).toBeNull();
  });
});
