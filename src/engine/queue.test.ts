// Queue semantics on tiny hand-computable scenarios: capacity and the three overflow policies,
// ttl expiry and dead-lettering, partitions, competing consumers and multi-queue handlers.
import { describe, expect, it } from 'vitest';
import { constant, makeScenario, run, schedule } from './testScenario';

describe('capacity and overflow', () => {
  it('capacity 0 lets a copy through only to a free slot (reject)', () => {
    // one message every 1 ms from t=1, service 3 ms: read at 1, 4, 7; the others dropped
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 1000 }, limit: 9 },
      { id: 'q', type: 'queue', capacity: 0 },
      { id: 'h', type: 'handler', service: constant(3) },
    ], [['p', 'q'], ['q', 'h']]));
    expect(r.report.totals).toMatchObject({ sent: 9, completed: 3, dropped: 6, inFlight: 0 });
    expect(r.at('q').filter((m) => m.outcome === 'completed').map((m) => m.readAt)).toEqual([1, 4, 7]);
    expect(r.node('q', 'queue')).toMatchObject({ received: 9, dropped: 6, maxDepth: 0 });
    expect(r.node('q', 'queue').wait.max).toBe(0);
  });

  it('drop-oldest keeps the newest copies', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: { kind: 'burst', size: 5, every: 1000 }, limit: 5 },
      { id: 'sink', type: 'queue', capacity: 2, overflow: 'drop-oldest' },
    ], [['p', 'sink']]));
    expect(r.records.map((m) => m.outcome)).toEqual(['dropped', 'dropped', 'dropped', 'inFlight', 'inFlight']);
    expect(r.report.totals).toMatchObject({ sent: 5, dropped: 3, inFlight: 2 });
    expect(r.node('sink', 'queue')).toMatchObject({ received: 5, dropped: 3, maxDepth: 2 });
  });

  it('drop-oldest with capacity 0 drops the arriving copy', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 0, 0) },
      { id: 'q', type: 'queue', capacity: 0, overflow: 'drop-oldest' },
      { id: 'h', type: 'handler', service: constant(1) },
    ], [['p', 'q'], ['q', 'h']]));
    expect(r.records.map((m) => m.outcome)).toEqual(['completed', 'dropped', 'dropped']);
  });

  it('reject drops the arriving copy and keeps the stored ones', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 0, 0, 0) },
      { id: 'q', type: 'queue', capacity: 1 },
      { id: 'h', type: 'handler', service: constant(1) },
    ], [['p', 'q'], ['q', 'h']]));
    expect(r.records.map((m) => m.outcome)).toEqual(['completed', 'completed', 'dropped', 'dropped']);
    expect(r.records[1].readAt).toBe(1);
  });

  it('block never drops and pauses the publisher until its copy is accepted', () => {
    // publishes at 1, 2, 3; the copy of t=3 waits until t=11 when the slot reads the stored one
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 1000 }, limit: 4 },
      { id: 'q', type: 'queue', capacity: 1, overflow: 'block' },
      { id: 'h', type: 'handler', service: constant(10) },
    ], [['p', 'q'], ['q', 'h']]));
    expect(r.report.totals).toMatchObject({ sent: 4, completed: 4, dropped: 0 });
    // the 4th message is created one gap after the 3rd is accepted (t=11) and waits until t=21
    expect(r.records.map((m) => m.publishedAt)).toEqual([1, 2, 3, 12]);
    expect(r.records.map((m) => m.readAt)).toEqual([1, 11, 21, 31]);
    expect(r.node('p', 'publisher').blockedMs).toBe(8 + 9);
    expect(r.report.endTime).toBe(41);
  });

  it('block through a topic delivers the copies that have room and keeps the sender blocked', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 1), },
      { id: 't', type: 'topic' },
      { id: 'full', type: 'queue', capacity: 0, overflow: 'block' },
      { id: 'free', type: 'queue' },
      { id: 'slow', type: 'handler', service: constant(10) },
      { id: 'fast', type: 'handler', service: constant(1) },
    ], [['p', 't'], ['t', 'full'], ['t', 'free'], ['full', 'slow'], ['free', 'fast']]));
    // message 1 (t=1) reaches "free" at once, its "full" copy waits until the slow slot frees at 10
    expect(r.at('free').map((m) => m.readAt)).toEqual([0, 1]);
    expect(r.at('full').map((m) => m.readAt)).toEqual([0, 10]);
    expect(r.node('p', 'publisher').blockedMs).toBe(9);
  });

  it('a handler slot holding a blocked emission stays busy but out of service', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 0) },
      { id: 'h1', type: 'handler', service: constant(1) },
      { id: 'q', type: 'queue', capacity: 0, overflow: 'block' },
      { id: 'h2', type: 'handler', service: constant(5) },
    ], [['p', 'h1'], ['h1', 'q'], ['q', 'h2']]));
    // h1: msg A 0-1 (its emission read by h2 at 1), msg B 1-2, B's emission blocks until h2 frees at 6
    expect(r.at('q').map((m) => m.readAt)).toEqual([1, 6]);
    expect(r.node('h1', 'handler').service.max).toBe(1);
    expect(r.report.endTime).toBe(11);
    expect(r.node('h1', 'handler').utilization).toBeCloseTo(6 / 11, 12);
  });
});

describe('ttl and dead letters', () => {
  it('expires unread copies after ttl; without a dead-letter queue they count as expired', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 1, 2) },
      { id: 'q', type: 'queue', ttl: 5 },
    ], [['p', 'q']]));
    expect(r.report.totals).toMatchObject({ sent: 3, expired: 3, inFlight: 0 });
    expect(r.records.map((m) => m.doneAt)).toEqual([5, 6, 7]);
    expect(r.report.endTime).toBe(7);
    expect(r.node('q', 'queue').meanDepth).toBeCloseTo(15 / 7, 12);
  });

  it('dead-letters expired copies as new copies with p = dead-letter time and the same root', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 1) },
      { id: 'q', type: 'queue', ttl: 5, deadLetter: 'dlq' },
      { id: 'dlq', type: 'queue' },
    ], [['p', 'q']]));
    expect(r.report.totals).toMatchObject({ sent: 4, deadLettered: 2, expired: 0, inFlight: 2 });
    const dead = r.at('dlq');
    expect(dead.map((m) => m.publishedAt)).toEqual([5, 6]);
    expect(dead.map((m) => m.parent)).toEqual(r.at('q').map((m) => m.id));
    expect(dead.map((m) => m.root)).toEqual(r.at('q').map((m) => m.root));
    expect(r.node('q', 'queue').deadLettered).toBe(2);
    expect(r.node('dlq', 'queue').received).toBe(2);
  });

  it('timers that find nothing to do do not extend endTime', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 0) },
      { id: 'q', type: 'queue', ttl: 100 },
      { id: 'h', type: 'handler', service: constant(1) },
    ], [['p', 'q'], ['q', 'h']]));
    expect(r.report.endTime).toBe(2);
    expect(r.report.totals.completed).toBe(2);
  });
});

describe('partitions', () => {
  it('round-robins keyless copies and lets one slot read a partition at a time, in order', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: { kind: 'burst', size: 6, every: 100 }, limit: 6 },
      { id: 'q', type: 'queue', partitions: 2 },
      { id: 'h', type: 'handler', service: constant(1), concurrency: 3 },
    ], [['p', 'q'], ['q', 'h']]));
    expect(r.records.map((m) => m.readAt)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(r.node('h', 'handler').utilization).toBeCloseTo(2 / 3, 12);
  });

  it('a single key keeps every copy in one partition, read one at a time', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 0, 0, 0), keys: 1 },
      { id: 'q', type: 'queue', partitions: 3 },
      { id: 'h', type: 'handler', service: constant(1), concurrency: 4 },
    ], [['p', 'q'], ['q', 'h']]));
    expect(r.records.map((m) => m.readAt)).toEqual([0, 1, 2, 3]);
  });
});

describe('consumers', () => {
  it('the slot idle longest takes an arriving copy (ties: edge order)', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 5, 20, 20) },
      { id: 'q', type: 'queue' },
      { id: 'a', type: 'handler', service: constant(1) },
      { id: 'b', type: 'handler', service: constant(3) },
    ], [['p', 'q'], ['q', 'a'], ['q', 'b']]));
    // t=0: tie -> a (first edge); t=5: b has been idle since 0, a only since 1;
    // t=20: a idle since 1, b since 8 -> a, then b
    expect(r.records.map((m) => m.doneAt)).toEqual([1, 8, 21, 23]);
    expect(r.node('a', 'handler').completed).toBe(2);
    expect(r.node('b', 'handler').completed).toBe(2);
  });

  it('a handler fed by several queues takes the oldest head among them', () => {
    const r = run(makeScenario([
      { id: 'p1', type: 'publisher', arrival: schedule(0, 2) },
      { id: 'p2', type: 'publisher', arrival: schedule(1) },
      { id: 'q1', type: 'queue' },
      { id: 'q2', type: 'queue' },
      { id: 'h', type: 'handler', service: constant(5) },
    ], [['p1', 'q1'], ['p2', 'q2'], ['q1', 'h'], ['q2', 'h']]));
    expect(r.at('q1').map((m) => m.readAt)).toEqual([0, 10]);
    expect(r.at('q2').map((m) => m.readAt)).toEqual([5]);
    expect(r.node('q2', 'queue').wait).toMatchObject({ count: 1, mean: 4 });
  });
});
