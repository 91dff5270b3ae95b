// Owned partitions (architect.md "Consumer groups"): the plan of pauses and owners from the readers'
// outages, and a run where a member's outage outlasts the session timeout: its partitions stall, the whole
// group pauses to rebalance, the survivor takes everything, and the member's return pauses the group again.
import { describe, expect, it } from 'vitest';
import { ownersFor, planOwnership } from './owned';
import { constant, makeScenario, run } from './testScenario';
import type { QueueNode } from '../model/types';

const f = (...values: number[]) => Float64Array.from(values);

describe('planOwnership', () => {
  it('partition p → L[p mod |L|]; nobody when every reader is in D', () => {
    const handlers = Int32Array.from([7, 8, 9]);
    expect(Array.from(ownersFor(handlers, Uint8Array.from([0, 0, 0]), 5))).toEqual([7, 8, 9, 7, 8]);
    expect(Array.from(ownersFor(handlers, Uint8Array.from([0, 1, 0]), 5))).toEqual([7, 9, 7, 9, 7]);
    expect(Array.from(ownersFor(handlers, Uint8Array.from([1, 1, 1]), 2))).toEqual([-1, -1]);
  });

  it('joins D at start + timeout if the outage still runs, leaves at its end; close changes extend one pause', () => {
    const plan = planOwnership(Int32Array.from([0, 1]), [
      { starts: f(100), ends: f(104) }, // shorter than the timeout: never in D
      { starts: f(1000, 9000), ends: f(8000, 9500) },
    ], 2, 5, 3000);
    // 1 joins at 1005, leaves at 8000 (pause 8000-11000), joins at 9005 (extends to 12005), leaves at 9500 (to 12500)
    expect(plan.epochs.map((e) => [e.startMs, e.endMs, Array.from(e.owner)])).toEqual([[1005, 4005, [0, 0]], [8000, 12500, [0, 1]]]);
    expect(Array.from(plan.owner)).toEqual([0, 1]);
  });
});

describe('a consumer group losing a member', () => {
  const scenario = (extra: Partial<QueueNode>) => makeScenario([
    { id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 100 }, keys: 2, limit: 3000 },
    { id: 'q', type: 'queue', partitions: 2, ...extra },
    { id: 'a', type: 'handler', service: constant(2) },
    { id: 'b', type: 'handler', service: constant(2), outages: [{ start: 1000, end: 20_000 }] },
  ], [['p', 'q'], ['q', 'a'], ['q', 'b']]);
  const reads = (r: ReturnType<typeof run>) => r.records.filter((m) => m.startedAt !== null).map((m) => ({ at: m.startedAt as number, by: m.handler }));
  const inside = (from: number, to: number) => (x: { at: number }) => x.at >= from && x.at < to;

  it('owned: b\'s partition stalls until the rebalance, nobody reads during the pauses, a reads everything meanwhile', () => {
    const r = run(scenario({ assignment: 'owned', sessionTimeout: 5000, rebalance: 3000 }));
    const all = reads(r);
    expect(all.filter(inside(6000, 9000))).toEqual([]);
    expect(all.filter(inside(20_000, 23_000))).toEqual([]);
    expect(all.filter((x) => x.by === 'b' && x.at >= 1000 && x.at < 23_000)).toEqual([]);
    expect(all.filter(inside(0, 1000)).some((x) => x.by === 'b')).toBe(true);
    expect(all.filter((x) => x.at >= 23_000).some((x) => x.by === 'b')).toBe(true);
    // the backlog built in the pauses is read at once when they end
    expect(all.filter((x) => x.at === 9000).length).toBe(1);
    expect(r.report.totals.completed).toBe(3000);
    const wait = r.node('q', 'queue').wait;
    expect(wait.max).toBeGreaterThanOrEqual(7900); // b's copies from t = 1000 wait until 9000
  });

  it('shared (the default): a takes b\'s partition at once, and reading never pauses', () => {
    const all = reads(run(scenario({})));
    expect(all.filter(inside(6000, 9000)).length).toBeGreaterThan(200);
    expect(all.filter((x) => x.by === 'b' && x.at >= 1000 && x.at < 20_000)).toEqual([]);
  });
});
