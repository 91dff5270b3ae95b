// Priority semantics (architect.md "Priorities") on tiny hand-computable scenarios: the order a priority
// queue and a handler's buffer serve in, drop-oldest and ttl with priorities, a handler choosing among its
// queues' heads, and which priority emissions and topic copies carry.
import { describe, expect, it } from 'vitest';
import { constant, makeScenario, run, schedule } from './testScenario';
import { Lanes } from './priority';

const readOrder = (r: ReturnType<typeof run>, node: string): string[] =>
  r.at(node).filter((m) => m.readAt !== null).sort((a, b) => (a.readAt as number) - (b.readAt as number) || a.id - b.id).map((m) => m.from);

describe('Lanes', () => {
  it('keeps one list sorted by priority, then stored order, and removes a lane head from the middle', () => {
    const next = new Int32Array(8).fill(-1);
    const lanes = new Lanes();
    const prio = [0, 5, 0, 9, 5];
    prio.forEach((p, m) => lanes.insert(next, m, p));
    const walk = (): number[] => { const out: number[] = []; for (let m = lanes.head; m >= 0; m = next[m]) out.push(m); return out; };
    expect(walk()).toEqual([3, 1, 4, 0, 2]);
    expect(lanes.tail).toBe(2);
    expect(lanes.lowest()).toBe(0);
    lanes.removeFirst(next, 0, 0);
    expect(walk()).toEqual([3, 1, 4, 2]);
    lanes.removeFirst(next, 1, 5);
    lanes.removeFirst(next, 3, 9);
    expect(walk()).toEqual([4, 2]);
    lanes.removeFirst(next, 2, 0);
    expect(walk()).toEqual([4]);
    expect([lanes.tail, lanes.lowest()]).toEqual([4, 5]);
  });
});

describe('a queue with order "priority"', () => {
  // one slot busy from 0 to 10 with the first copy; four more wait; read highest priority first
  const scenario = (order: 'fifo' | 'priority') => makeScenario([
    { id: 'low', type: 'publisher', arrival: schedule(0, 1, 3) },
    { id: 'high', type: 'publisher', arrival: schedule(2, 4), priority: 7 },
    { id: 'q', type: 'queue', order },
    { id: 'h', type: 'handler', service: constant(10) },
  ], [['low', 'q'], ['high', 'q'], ['q', 'h']]);

  it('serves the highest priority first, then the earliest stored; fifo ignores priorities', () => {
    expect(readOrder(run(scenario('priority')), 'q')).toEqual(['low', 'high', 'high', 'low', 'low']);
    expect(readOrder(run(scenario('fifo')), 'q')).toEqual(['low', 'low', 'high', 'low', 'high']);
  });

  it('drop-oldest drops the earliest stored of the lowest priority, or the arriving copy when it is lower', () => {
    const r = run(makeScenario([
      { id: 'low', type: 'publisher', arrival: schedule(0, 1, 2) },
      { id: 'high', type: 'publisher', arrival: schedule(3, 4), priority: 5 },
      { id: 'late', type: 'publisher', arrival: schedule(5) },
      { id: 'q', type: 'queue', capacity: 2, overflow: 'drop-oldest', order: 'priority' },
      { id: 'h', type: 'handler', service: constant(100) },
    ], [['low', 'q'], ['high', 'q'], ['late', 'q'], ['q', 'h']]));
    // t=0 read; t=1,2 stored (low); t=3 high drops low@1; t=4 high drops low@2; t=5 late (0) is lowest: dropped itself
    const dropped = r.records.filter((m) => m.outcome === 'dropped').map((m) => `${m.from}@${m.publishedAt}`);
    expect(dropped).toEqual(['low@1', 'low@2', 'late@5']);
    expect(readOrder(r, 'q')).toEqual(['low', 'high', 'high']);
  });

  it('expires a low-priority copy waiting behind higher ones (ttl), not only the head', () => {
    const r = run(makeScenario([
      { id: 'low', type: 'publisher', arrival: schedule(0, 1) },
      { id: 'high', type: 'publisher', arrival: schedule(2, 3), priority: 1 },
      { id: 'q', type: 'queue', ttl: 15, order: 'priority' },
      { id: 'h', type: 'handler', service: constant(10) },
    ], [['low', 'q'], ['high', 'q'], ['q', 'h']]));
    // reads: low@0 at 0, high@2 at 10, high@3 at 20 (stored 3, ttl 15 → would expire at 18? no: read at 20 > 18)
    const outcomes = r.records.map((m) => `${m.from}@${m.publishedAt}:${m.outcome}`);
    expect(outcomes).toEqual(['low@0:completed', 'low@1:expired', 'high@2:completed', 'high@3:expired']);
  });
});

describe('handlers', () => {
  it('a handler reading two fifo queues takes the highest-priority head, then the earliest stored', () => {
    const r = run(makeScenario([
      { id: 'std', type: 'publisher', arrival: schedule(0, 1, 2) },
      { id: 'vip', type: 'publisher', arrival: schedule(3), priority: 9 },
      { id: 'a', type: 'queue' },
      { id: 'b', type: 'queue' },
      { id: 'h', type: 'handler', service: constant(10) },
    ], [['std', 'a'], ['vip', 'b'], ['a', 'h'], ['b', 'h']]));
    expect(r.records.filter((m) => m.readAt !== null).sort((x, y) => (x.readAt as number) - (y.readAt as number)).map((m) => m.from)).toEqual(['std', 'vip', 'std', 'std']);
  });

  it('a handler buffer with order "priority" serves by priority', () => {
    const r = run(makeScenario([
      { id: 'low', type: 'publisher', arrival: schedule(0, 1) },
      { id: 'high', type: 'publisher', arrival: schedule(2), priority: 4 },
      { id: 'h', type: 'handler', service: constant(10), order: 'priority' },
    ], [['low', 'h'], ['high', 'h']]));
    expect(readOrder(r, 'h')).toEqual(['low', 'high', 'low']);
  });

  it('emissions carry the handler priority when set, else the completed message priority', () => {
    // a (0) and b (3) pass through at once and land together in a priority queue behind c's copy
    const roots = (passPriority: number | undefined): number[] => {
      const r = run(makeScenario([
        { id: 'a', type: 'publisher', arrival: schedule(0) },
        { id: 'b', type: 'publisher', arrival: schedule(0), priority: 3 },
        { id: 'c', type: 'publisher', arrival: schedule(0.5), priority: 1 },
        { id: 'pass', type: 'handler', service: constant(1), concurrency: 2, ...(passPriority === undefined ? {} : { priority: passPriority }) },
        { id: 'q', type: 'queue', order: 'priority' },
        { id: 'slow', type: 'handler', service: constant(100) },
      ], [['a', 'pass'], ['b', 'pass'], ['pass', 'q'], ['c', 'q'], ['q', 'slow']]));
      return r.at('q').sort((x, y) => (x.readAt as number) - (y.readAt as number)).map((m) => m.root);
    };
    expect(roots(undefined)).toEqual([2, 1, 0]); // c, then b's emission (3) before a's (0)
    expect(roots(0)).toEqual([2, 0, 1]); // the handler's own priority 0: stored order
    expect(roots(2)).toEqual([2, 0, 1]); // both 2, above c's 1 but c was already read
  });
});
