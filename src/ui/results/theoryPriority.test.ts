// The Theory panel's per-class waits: a single server storing by priority gets its classes (rates per
// priority, highest first) and Cobham's figures; a fifo queue or one priority gets none.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model/types';
import { priorityMg1 } from '../../model/theoryPriority';
import { theoryStations } from './theoryStations';

const build = (order: 'fifo' | 'priority', premiumPriority = 9): Scenario => ({
  format: 'eventflow-scenario', version: 1, name: 't',
  nodes: [
    { id: 'std', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 500 } },
    { id: 'vip', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 300 }, priority: premiumPriority },
    { id: 'q', type: 'queue', order },
    { id: 'h', type: 'handler', service: { kind: 'exponential', mean: 1 } },
  ],
  edges: [{ id: 'a', source: 'std', target: 'q' }, { id: 'b', source: 'vip', target: 'q' }, { id: 'c', source: 'q', target: 'h' }],
});

describe('priority classes in the Theory panel', () => {
  it('a priority queue read by one server: rates per priority, highest first, and Cobham waits', () => {
    const [station] = theoryStations(build('priority'));
    expect(station.classes).toEqual([{ priority: 9, lambdaPerMs: 0.3 }, { priority: 0, lambdaPerMs: 0.5 }]);
    const figures = priorityMg1(station.classes!.map((c) => ({ ...c, meanServiceMs: station.meanServiceMs, secondMomentMs2: station.secondMomentMs2 })));
    expect(figures.map((f) => f.waitMs)).toEqual([0.8 / 0.7, 0.8 / (0.7 * 0.2)].map((w) => expect.closeTo(w, 10)));
  });

  it('none for a fifo queue or a single priority', () => {
    expect(theoryStations(build('fifo'))[0].classes).toBeUndefined();
    expect(theoryStations(build('priority', 0))[0].classes).toBeUndefined();
  });

  it('an overloaded lowest class waits without end while the higher one stays finite', () => {
    const figures = priorityMg1([{ priority: 5, lambdaPerMs: 0.5, meanServiceMs: 1, secondMomentMs2: 2 }, { priority: 1, lambdaPerMs: 0.6, meanServiceMs: 1, secondMomentMs2: 2 }]);
    expect(Number.isFinite(figures[0].waitMs)).toBe(true);
    expect(figures[1].waitMs).toBe(Infinity);
  });
});
