// Less common paths worked out by hand: a publisher blocked through a latency edge, a handler fed by
// a queue and directly, retries into a handler's own buffer, and a slot held by a topic fan-out.
import { describe, expect, it } from 'vitest';
import { constant, makeScenario, run, schedule } from './testScenario';

const ALWAYS_FAILS = 0.9999999999;

describe('flows', () => {
  it('pauses a publisher whose copy blocks after edge latency, and resumes one gap after acceptance', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 1000 }, limit: 10 },
      { id: 'q', type: 'queue', capacity: 1, overflow: 'block' },
      { id: 'h', type: 'handler', service: constant(10) },
    ], [['p', 'q', { latency: constant(5) }], ['q', 'h']]));
    // blocked from t=8 (the 3rd copy arrives) to t=56; the next message comes at 57, and two more
    // before the 57 one arrives at 62 and blocks again until t=86
    expect(r.records.map((m) => m.publishedAt)).toEqual([1, 2, 3, 4, 5, 6, 7, 57, 58, 59]);
    expect(r.records.map((m) => m.readAt)).toEqual([6, 16, 26, 36, 46, 56, 66, 76, 86, 96]);
    expect(r.node('p', 'publisher').blockedMs).toBe(48 + 24);
    expect(r.report.totals).toMatchObject({ sent: 10, completed: 10, dropped: 0 });
    expect(r.report.endTime).toBe(106);
  });

  it('a handler fed by a queue and directly takes the oldest head of both', () => {
    const r = run(makeScenario([
      { id: 'viaQueue', type: 'publisher', arrival: schedule(0, 1) },
      { id: 'direct', type: 'publisher', arrival: schedule(0.5) },
      { id: 'q', type: 'queue' },
      { id: 'h', type: 'handler', service: constant(2) },
    ], [['viaQueue', 'q'], ['direct', 'h'], ['q', 'h']]));
    expect(r.at('q').map((m) => m.readAt)).toEqual([0, 4]);
    expect(r.at('h').map((m) => m.readAt)).toEqual([2]);
    expect(r.simulation.snapshot().depth).toEqual([0, 0, 0, 0]);
  });

  it('retries go back to the tail of the handler buffer they came from', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 0.5) },
      { id: 'h', type: 'handler', service: constant(1), failureRate: ALWAYS_FAILS, retry: { maxAttempts: 2, backoff: constant(1) } },
    ], [['p', 'h']]));
    expect(r.records.map((m) => [m.readAt, m.doneAt, m.attempts, m.outcome])).toEqual([[0, 3, 2, 'failed'], [1, 4, 2, 'failed']]);
    expect(r.report.totals).toMatchObject({ sent: 2, failed: 2, retried: 2 });
  });

  it('a slot waits for its fan-out copies that found a full "block" queue, busy but out of service', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 0) },
      { id: 'h1', type: 'handler', service: constant(1) },
      { id: 't', type: 'topic' },
      { id: 'qa', type: 'queue', capacity: 0, overflow: 'block' },
      { id: 'qb', type: 'queue' },
      { id: 'ha', type: 'handler', service: constant(5) },
      { id: 'hb', type: 'handler', service: constant(1) },
    ], [['p', 'h1'], ['h1', 't'], ['t', 'qa'], ['t', 'qb'], ['qa', 'ha'], ['qb', 'hb']]));
    expect(r.at('qa').map((m) => m.readAt)).toEqual([1, 6]);
    expect(r.at('qb').map((m) => m.readAt)).toEqual([1, 2]);
    expect(r.report.endTime).toBe(11);
    expect(r.node('h1', 'handler').utilization).toBeCloseTo(6 / 11, 12);
    expect(r.node('h1', 'handler').service).toMatchObject({ count: 2, max: 1 });
    expect(r.report.totals).toMatchObject({ emitted: 2, sent: 6, completed: 6 });
  });
});
