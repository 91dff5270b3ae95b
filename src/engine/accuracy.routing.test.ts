// Accuracy of routing (architect.md "Routing: all, or exactly one"): a publisher's and a handler's
// either/or shares against their weights, failure-edge counts against the last-attempt failure chance,
// and `route: "all"` written out giving the same report as leaving it out.
import { afterAll, describe, expect, it } from 'vitest';
import { check, edge, exponential, handler, printChecks, publisher, queue, run, scenario, within } from './accuracy.helpers';
import type { Report } from './types';

const MESSAGES = 100_000;
/** a binomial share's tolerance: 4.5 standard errors of a share p out of n (fails by chance ~1 in 150,000) */
const shareTolerance = (p: number, n: number): number => 4.5 * Math.sqrt((p * (1 - p)) / n);

afterAll(() => printChecks('routing accuracy'));

const received = (report: Report, id: string): number => {
  const node = report.nodes[id];
  if (node?.type !== 'queue') throw new Error(`${id} is not a queue`);
  return node.received;
};

describe('route "one"', () => {
  it('a publisher sends each message along exactly one edge, shares as the weights (7 : 2 : 1)', () => {
    const { report } = run(scenario('publisher one', [
      publisher('p', 0.5, MESSAGES, { route: 'one' }), queue('a'), queue('b'), queue('c'),
      handler('ha', exponential(1)), handler('hb', exponential(1)), handler('hc', exponential(1)),
    ], [edge('p', 'a', { weight: 7 }), edge('p', 'b', { weight: 2 }), edge('p', 'c'), edge('a', 'ha'), edge('b', 'hb'), edge('c', 'hc')]));
    const [a, b, c] = ['a', 'b', 'c'].map((id) => received(report, id));
    expect(a + b + c).toBe(MESSAGES);
    expect(report.totals.sent).toBe(MESSAGES);
    expect(within(check('publisher one: share to a (0.7)', a / MESSAGES, 0.7, shareTolerance(0.7, MESSAGES)))).toBe(true);
    expect(within(check('publisher one: share to c (0.1, default weight 1)', c / MESSAGES, 0.1, shareTolerance(0.1, MESSAGES)))).toBe(true);
  });

  it('a handler emits each completed copy along exactly one edge: 70 % go on, 30 % go to review', () => {
    const { report } = run(scenario('handler one', [
      publisher('p', 0.5, MESSAGES), queue('in'), handler('h', exponential(1), { route: 'one' }), queue('next'), queue('review'),
    ], [edge('p', 'in'), edge('in', 'h'), edge('h', 'next', { weight: 0.7 }), edge('h', 'review', { weight: 0.3 })]));
    const next = received(report, 'next');
    const review = received(report, 'review');
    expect(next + review).toBe(MESSAGES);
    expect(report.totals.emitted).toBe(MESSAGES);
    expect(within(check('handler one: share going on (0.7)', next / MESSAGES, 0.7, shareTolerance(0.7, MESSAGES)))).toBe(true);
  });
});

describe('failure edges', () => {
  it('send once per copy whose last attempt failed (chance f^attempts), not on success or retry', () => {
    const f = 0.3;
    const { report } = run(scenario('failure edges', [
      publisher('p', 0.2, MESSAGES), queue('in'),
      handler('h', exponential(1), { failureRate: f, retry: { maxAttempts: 2, backoff: { kind: 'constant', value: 1 } } }),
      queue('done'), queue('alerts'),
    ], [edge('p', 'in'), edge('in', 'h'), edge('h', 'done'), edge('h', 'alerts', { when: 'failure' })]));
    const alerts = received(report, 'alerts');
    expect(alerts).toBe(report.totals.failed);
    expect(received(report, 'done') + alerts).toBe(MESSAGES);
    expect(within(check('failure edge: share of messages (f² = 0.09)', alerts / MESSAGES, f * f, shareTolerance(f * f, MESSAGES)))).toBe(true);
  });

  it('route "one" picks one success edge and, separately, one failure edge; dead letters still happen', () => {
    const { report } = run(scenario('failure one', [
      publisher('p', 0.2, MESSAGES), queue('in', { deadLetter: 'dlq' }), queue('dlq'),
      handler('h', exponential(1), { failureRate: 0.5, route: 'one' }),
      queue('ok1'), queue('ok2'), queue('undo'), queue('page'),
    ], [edge('p', 'in'), edge('in', 'h'), edge('h', 'ok1'), edge('h', 'ok2'), edge('h', 'undo', { when: 'failure', weight: 3 }), edge('h', 'page', { when: 'failure' })]));
    const failed = received(report, 'undo') + received(report, 'page');
    expect(failed).toBe(report.totals.deadLettered);
    expect(received(report, 'dlq')).toBe(failed);
    expect(received(report, 'ok1') + received(report, 'ok2') + failed).toBe(MESSAGES);
    expect(within(check('failure one: share to undo among failures (0.75)', received(report, 'undo') / failed, 0.75, shareTolerance(0.75, failed)))).toBe(true);
  });
});

describe('files without the new fields', () => {
  it('route "all" written out gives the same report as leaving it out', () => {
    const build = (route: 'all' | undefined) => scenario('all', [
      publisher('p', 0.5, 20_000, route ? { route } : {}), queue('q'), handler('h', exponential(1), { failureRate: 0.1, ...(route ? { route } : {}) }), queue('x'), queue('y'),
    ], [edge('p', 'q'), edge('q', 'h'), edge('h', 'x', { probability: 0.6 }), edge('h', 'y', { probability: 0.5 })]);
    const strip = (r: Report) => ({ ...r, perf: null });
    expect(strip(run(build('all')).report)).toEqual(strip(run(build(undefined)).report));
  });
});
