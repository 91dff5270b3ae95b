// The worker's goals and series (architect.md): updates carry the verdicts so far while the run goes (with the
// series), the finished report carries them as `slo` (the CLI's bytes), files without goals send none, and
// exportSeries answers with the shared series code's text.
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/index';
import { compile } from '../model/compile';
import type { Scenario } from '../model/types';
import { recordSeries, seriesCsv } from '../series/series';
import { withVerdicts } from '../slo/slo';
import { createSimHost, defaultHostDeps } from './host';
import type { Response } from './protocol';
import { mm1Scenario } from './testScenarios';

const goals = [{ metric: '/totals/completed', min: 1 }, { metric: '/nodes/q/maxDepth', max: 0 }];
const withGoals = (): Scenario => ({ ...mm1Scenario(), slo: goals });

function host() {
  const responses: Response[] = [];
  const h = createSimHost((r) => responses.push(r), { ...defaultHostDeps(5), yieldToEvents: () => new Promise((resolve) => setTimeout(resolve, 0)) });
  return { responses, send: h.handle };
}

describe('goals in the worker', () => {
  it('live verdicts with the series, then the report with slo equal to the CLI\'s', () => {
    const { responses, send } = host();
    send({ type: 'load', requestId: 1, scenario: withGoals(), options: { maxTransit: 0, keepRecords: 10 } });
    send({ type: 'step', requestId: 2 });
    send({ type: 'advance', requestId: 3, untilMs: 1000 });
    const stepped = responses.find((r) => r.type === 'stepped');
    expect(stepped?.type === 'stepped' && stepped.update.slo?.map((v) => v.metric)).toEqual(goals.map((g) => g.metric));
    send({ type: 'advance', requestId: 4, untilMs: 5000 });
    const last = responses.at(-1);
    expect(last?.type).toBe('advanced');
    if (last?.type !== 'advanced' || !last.update.report) throw new Error('the run did not finish');
    const expected = withVerdicts(simulate(compile(withGoals())), goals);
    expect({ ...last.update.report, perf: null }).toEqual({ ...expected, perf: null });
    expect(last.update.slo).toEqual(expected.slo);
    expect(expected.slo?.map((v) => v.pass)).toEqual([true, false]);
  });

  it('a file without goals gets no verdicts', () => {
    const { responses, send } = host();
    send({ type: 'load', requestId: 1, scenario: mm1Scenario(), options: { maxTransit: 0, keepRecords: 10 } });
    send({ type: 'advance', requestId: 2, untilMs: 5000 });
    const last = responses.at(-1);
    expect(last?.type === 'advanced' && last.update.report !== undefined).toBe(true);
    if (last?.type === 'advanced') {
      expect(last.update.slo).toBeUndefined();
      expect(last.update.report).not.toHaveProperty('slo');
    }
  });

  it('exportSeries answers with the text the command line writes', () => {
    const { responses, send } = host();
    send({ type: 'load', requestId: 1, scenario: mm1Scenario(), options: { maxTransit: 0, keepRecords: 10 } });
    send({ type: 'exportSeries', requestId: 2, format: 'csv' });
    const answer = responses.find((r) => r.requestId === 2);
    const table = recordSeries(compile(mm1Scenario()));
    if (!table.ok) throw new Error(table.message);
    expect(answer).toEqual({ type: 'series', requestId: 2, text: seriesCsv(table.table), buckets: 200, bucketMs: 10 });
  });
});
