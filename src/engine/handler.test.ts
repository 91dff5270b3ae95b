// Handler semantics on tiny hand-computable scenarios: retries with backoff, dead-lettering of
// exhausted copies, outages, direct-feed buffers, emission and its probability, fan-out, warm-up.
import { describe, expect, it } from 'vitest';
import { constant, makeScenario, run, schedule } from './testScenario';

const ALWAYS_FAILS = 0.9999999999;

describe('failures and retries', () => {
  it('retries after the backoff from the tail of the queue, then fails', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 0) },
      { id: 'q', type: 'queue' },
      { id: 'h', type: 'handler', service: constant(1), failureRate: ALWAYS_FAILS, retry: { maxAttempts: 2, backoff: constant(0.5) } },
    ], [['p', 'q'], ['q', 'h']]));
    // A: 0-1 fail, back at 1.5; B (stored) 1-2 fail, back at 2.5; A 2-3 fail -> failed; B 3-4 -> failed
    expect(r.records.map((m) => m.doneAt)).toEqual([3, 4]);
    expect(r.records.map((m) => m.attempts)).toEqual([2, 2]);
    expect(r.records.map((m) => m.readAt)).toEqual([0, 1]);
    expect(r.report.totals).toMatchObject({ sent: 2, failed: 2, retried: 2, completed: 0 });
    expect(r.node('h', 'handler')).toMatchObject({ attempts: 4, failed: 4, retried: 2, completed: 0 });
    expect(r.node('q', 'queue').received).toBe(2);
  });

  it('frees the slot during backoff', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0) },
      { id: 'q', type: 'queue' },
      { id: 'h', type: 'handler', service: constant(1), failureRate: ALWAYS_FAILS, retry: { maxAttempts: 3, backoff: constant(4) } },
    ], [['p', 'q'], ['q', 'h']]));
    // attempts 0-1, 5-6, 10-11: 3 busy ms out of 11
    expect(r.report.endTime).toBe(11);
    expect(r.node('h', 'handler').utilization).toBeCloseTo(3 / 11, 12);
    expect(r.node('h', 'handler').service).toMatchObject({ count: 3, mean: 1 });
  });

  it('dead-letters a copy whose retries ran out', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0) },
      { id: 'q', type: 'queue', deadLetter: 'dlq' },
      { id: 'h', type: 'handler', service: constant(1), failureRate: ALWAYS_FAILS },
      { id: 'dlq', type: 'queue' },
    ], [['p', 'q'], ['q', 'h']]));
    expect(r.report.totals).toMatchObject({ sent: 2, deadLettered: 1, failed: 0, inFlight: 1 });
    expect(r.at('dlq')[0]).toMatchObject({ publishedAt: 1, parent: r.at('q')[0].id, outcome: 'inFlight' });
  });

  it('a retried copy meets capacity again: a full queue drops it', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 0.5) },
      { id: 'q', type: 'queue', capacity: 1 },
      { id: 'h', type: 'handler', service: constant(10), failureRate: ALWAYS_FAILS, retry: { maxAttempts: 2, backoff: constant(0) } },
    ], [['p', 'q'], ['q', 'h']]));
    // A fails at 10 and comes back at once; B (stored at 0.5) is read at 10, the queue is empty, A is stored.
    expect(r.report.totals).toMatchObject({ sent: 2, dropped: 0, failed: 2 });
    expect(r.node('h', 'handler').attempts).toBe(4);
  });
});

describe('outages', () => {
  it('starts nothing inside an outage; running attempts finish; work resumes at its end', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 1, 3) },
      { id: 'q', type: 'queue' },
      { id: 'h', type: 'handler', service: constant(5), outages: [{ start: 2, end: 10 }] },
    ], [['p', 'q'], ['q', 'h']]));
    // A 0-5 (finishes inside the outage), B stored at 1 read at 10, C stored at 3 read at 15
    expect(r.records.map((m) => m.readAt)).toEqual([0, 10, 15]);
    expect(r.report.endTime).toBe(20);
    expect(r.node('h', 'handler').utilization).toBeCloseTo(15 / 20, 12);
  });

  it('a copy arriving at the very end of an outage queues behind the stored ones', () => {
    const r = run(makeScenario([
      { id: 'late', type: 'publisher', arrival: schedule(10) },
      { id: 'early', type: 'publisher', arrival: schedule(1, 2) },
      { id: 'q', type: 'queue' },
      { id: 'h', type: 'handler', service: constant(1), outages: [{ start: 0, end: 10 }] },
    ], [['late', 'q'], ['early', 'q'], ['q', 'h']]));
    expect(r.records.map((m) => [m.publishedAt, m.readAt])).toEqual([[1, 10], [2, 11], [10, 12]]);
  });

  it('an outage end that finds nothing to read does not extend endTime', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0) },
      { id: 'q', type: 'queue' },
      { id: 'h', type: 'handler', service: constant(1), outages: [{ start: 50, end: 60 }] },
    ], [['p', 'q'], ['q', 'h']]));
    expect(r.report.endTime).toBe(1);
  });
});

describe('direct feeds, emission and fan-out', () => {
  it('a handler fed straight by a publisher keeps an unbounded FIFO buffer', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: { kind: 'burst', size: 3, every: 100 }, limit: 3 },
      { id: 'h', type: 'handler', service: constant(1) },
    ], [['p', 'h']]));
    expect(r.records.map((m) => m.readAt)).toEqual([0, 1, 2]);
    expect(r.node('h', 'handler').publishToRead).toMatchObject({ count: 3, mean: 1, max: 2, p50: 1 });
    expect(r.report.latency.endToEnd).toMatchObject({ count: 3, min: 1, max: 3 });
  });

  it('topics fan out a copy per outgoing edge', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 1, 2) },
      { id: 'user.registered', type: 'topic' },
      { id: 'q1', type: 'queue' },
      { id: 'q2', type: 'queue' },
      { id: 'h1', type: 'handler', service: constant(1) },
      { id: 'h2', type: 'handler', service: constant(1) },
    ], [['p', 'user.registered'], ['user.registered', 'q1'], ['user.registered', 'q2'], ['q1', 'h1'], ['q2', 'h2']]));
    expect(r.report.totals).toMatchObject({ published: 3, sent: 6, completed: 6 });
    expect(r.node('user.registered', 'topic').received).toBe(3);
    expect(new Set(r.records.map((m) => m.event))).toEqual(new Set(['user.registered']));
    expect(r.at('q1').map((m) => m.root)).toEqual(r.at('q2').map((m) => m.root));
  });

  it('a successful attempt emits along each edge with its probability; p is the emission time', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 1000 }, limit: 20000 },
      { id: 'h', type: 'handler', service: constant(0.5), event: 'done' },
      { id: 'maybe', type: 'queue' },
      { id: 'always', type: 'queue' },
    ], [['p', 'h'], ['h', 'maybe', { probability: 0.3 }], ['h', 'always']]));
    const maybe = r.node('maybe', 'queue').received;
    expect(maybe / 20000).toBeGreaterThan(0.28);
    expect(maybe / 20000).toBeLessThan(0.32);
    expect(r.node('always', 'queue').received).toBe(20000);
    expect(r.report.totals.emitted).toBe(20000 + maybe);
    const first = r.at('always')[0];
    expect(first).toMatchObject({ publishedAt: 1.5, event: 'done', outcome: 'inFlight' });
    expect(r.records.find((m) => m.id === first.parent)?.node).toBe('h');
  });

  it('edge latency delays arrival; end-to-end spans the chain from the root', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0) },
      { id: 'h1', type: 'handler', service: constant(1) },
      { id: 'q', type: 'queue' },
      { id: 'h2', type: 'handler', service: constant(2) },
    ], [['p', 'h1', { latency: constant(5) }], ['h1', 'q', { latency: constant(3) }], ['q', 'h2']]));
    expect(r.at('h1')[0]).toMatchObject({ readAt: 5, doneAt: 6 });
    expect(r.at('q')[0]).toMatchObject({ publishedAt: 6, readAt: 9, doneAt: 11 });
    expect(r.report.latency.endToEnd).toMatchObject({ count: 1, mean: 11 });
    expect(r.report.latency.publishToDone).toMatchObject({ count: 2, min: 5, max: 6 });
  });
});

describe('warm-up', () => {
  it('leaves copies published before warm-up out of latency statistics, but not out of totals', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 10, 20) },
      { id: 'q', type: 'queue' },
      { id: 'h', type: 'handler', service: constant(15) },
    ], [['p', 'q'], ['q', 'h']], { warmup: 10 }));
    expect(r.report.totals.completed).toBe(3);
    expect(r.report.latency.publishToDone).toMatchObject({ count: 2, min: 20, max: 25 });
    expect(r.node('q', 'queue').wait).toMatchObject({ count: 2, min: 5, max: 10 });
    // busy all of [10, 45]; depth 1 over [10, 15) and [20, 30)
    expect(r.node('h', 'handler').utilization).toBe(1);
    expect(r.node('q', 'queue').meanDepth).toBeCloseTo(15 / 35, 12);
  });
});
