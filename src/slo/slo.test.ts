// Unit tests of service-level objectives: --slo parsing, goals in order (file then flags), pointer checks,
// verdicts on a report and on experiment estimates (unfavourable bound), and the summary lines.
import { describe, expect, it } from 'vitest';
import type { Report } from '../engine/types';
import { parseScenario } from '../model/parse';
import type { Scenario } from '../model/types';
import { checkGoals, formatVerdicts, goalsOf, judgeEstimates, judgeGoals, parseSloFlag } from './slo';

const FILE = {
  format: 'eventflow-scenario', version: 1, name: 'goals', stopAt: 1000,
  nodes: [
    { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 50 } },
    { id: 'q', type: 'queue' },
    { id: 'h', type: 'handler', service: { kind: 'constant', value: 5 } },
  ],
  edges: [{ id: 'e1', source: 'p', target: 'q' }, { id: 'e2', source: 'q', target: 'h' }],
};

function scenarioWith(slo: unknown): Scenario {
  const parsed = parseScenario({ ...FILE, slo });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.text).join('\n'));
  return parsed.scenario;
}

describe('parseSloFlag', () => {
  it('reads POINTER<=VALUE as max and POINTER>=VALUE as min, spaces allowed', () => {
    expect(parseSloFlag('/latency/publishToDone/p99<=200')).toEqual({ metric: '/latency/publishToDone/p99', max: 200 });
    expect(parseSloFlag(' /totals/completed >= 1e4 ')).toEqual({ metric: '/totals/completed', min: 10000 });
    expect(parseSloFlag('/nodes/q/maxDepth<=-0.5')).toEqual({ metric: '/nodes/q/maxDepth', max: -0.5 });
  });
  it('refuses anything else, quoting the text', () => {
    for (const bad of ['/totals/completed', '/totals/completed<200', '/totals/completed<=', '<=5', '/totals/completed<=x', '/totals/completed>=Infinity', '/a==3']) {
      const result = parseSloFlag(bad);
      expect(result, bad).toHaveProperty('error');
      if ('error' in result) expect(result.error).toContain(`got "${bad}"`);
    }
  });
});

describe('goals and their pointers', () => {
  it('keeps the file goals first, then the flags, even on the same metric', () => {
    const scenario = scenarioWith([{ metric: '/totals/completed', min: 10 }]);
    const goals = goalsOf(scenario, [{ metric: '/totals/completed', max: 5 }]);
    expect(goals.map((g) => [g.metric, g.min, g.max, g.source])).toEqual([
      ['/totals/completed', 10, undefined, 'slo[0].metric'],
      ['/totals/completed', undefined, 5, '--slo 1 (/totals/completed)'],
    ]);
  });
  it('names each goal whose pointer names no figure of the report', () => {
    const scenario = scenarioWith([{ metric: '/nodes/q/maxDepth', max: 3 }, { metric: '/nodes/nope/maxDepth', max: 3 }, { metric: 'latency', max: 1 }]);
    const problems = checkGoals(scenario, goalsOf(scenario, [{ metric: '/nodes/h/speed', min: 1 }]));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^slo\[1\]\.metric: "\/nodes\/nope\/maxDepth" names no figure/);
    expect(problems[1]).toMatch(/^slo\[2\]\.metric: /);
    expect(problems[2]).toMatch(/^--slo 1 \(\/nodes\/h\/speed\): /);
  });
  it('validates min ≤ max and at least one bound, with JSON paths', () => {
    const parsed = parseScenario({ ...FILE, slo: [{ metric: '/totals/completed', min: 5, max: 4 }, { metric: '/totals/completed' }] });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.text)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^slo\[0\]\.min: must be at most max \(4\)/),
      expect.stringMatching(/^slo\[1\]: needs max, min or both/),
    ]));
  });
});

const report = { totals: { completed: 120 }, latency: { publishToDone: { p99: null } }, nodes: { q: { maxDepth: 4 } } } as unknown as Report;

describe('verdicts', () => {
  it('passes within bounds (inclusive), fails outside or on a null value, leaves absent bounds out', () => {
    expect(judgeGoals(report, [
      { metric: '/totals/completed', min: 120 },
      { metric: '/totals/completed', min: 100, max: 119 },
      { metric: '/latency/publishToDone/p99', max: 200 },
      { metric: '/nodes/q/maxDepth', max: 4 },
    ])).toEqual([
      { metric: '/totals/completed', min: 120, value: 120, pass: true },
      { metric: '/totals/completed', max: 119, min: 100, value: 120, pass: false },
      { metric: '/latency/publishToDone/p99', max: 200, value: null, pass: false },
      { metric: '/nodes/q/maxDepth', max: 4, value: 4, pass: true },
    ]);
  });
  it('judges an experiment point on the interval bound that is unfavourable to the goal', () => {
    const estimates = {
      '/a': { mean: 10, halfWidth: 2, lower: 8, upper: 12, stdDev: 1, n: 5 },
      '/b': { mean: 10, halfWidth: null, lower: null, upper: null, stdDev: null, n: 1 },
    };
    const verdicts = judgeEstimates(estimates, [{ metric: '/a', max: 11 }, { metric: '/a', max: 12 }, { metric: '/a', min: 9 }, { metric: '/a', min: 8 }, { metric: '/b', max: 100 }, { metric: '/c', min: 0 }]);
    expect(verdicts.map((v) => v.pass)).toEqual([false, true, false, true, false, false]);
    expect(verdicts[0]).toEqual({ metric: '/a', max: 11, value: 10, lower: 8, upper: 12, pass: false });
    expect(verdicts[5].value).toBeNull();
  });
  it('prints one PASS/FAIL line per goal with the measured value, and nothing without goals', () => {
    expect(formatVerdicts([])).toBe('');
    const text = formatVerdicts(judgeGoals(report, [{ metric: '/totals/completed', min: 100 }, { metric: '/latency/publishToDone/p99', max: 200 }]));
    expect(text).toBe('service-level objectives: 1 of 2 fail\n  PASS  /totals/completed >= 100  (measured 120)\n  FAIL  /latency/publishToDone/p99 <= 200  (measured none)\n');
  });
});
