// The snapshot's per-edge counters (what the UI animates instant edges from) and partition lanes.
import { describe, expect, it } from 'vitest';
import { compile } from '../model/compile';
import { Simulation } from './Simulation';
import { constant, makeScenario, schedule } from './testScenario';

describe('snapshot motion data', () => {
  it('counts copies sent along each edge and read over each queue → handler edge', () => {
    const sim = new Simulation(compile(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 0, 0) },
      { id: 'q', type: 'queue' },
      { id: 'h', type: 'handler', service: constant(10) },
    ], [['p', 'q'], ['q', 'h']])));
    sim.runUntil(1);
    // three published at once over the instant edge; the one slot read one of them
    expect(sim.snapshot().edgeCount).toEqual([3, 1]);
    sim.runUntil(25);
    expect(sim.snapshot().edgeCount).toEqual([3, 3]);
  });

  it('lists each partition of a partitioned queue with its depth and the handler that read it last', () => {
    const sim = new Simulation(compile(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 0, 0, 0), keys: 2 },
      { id: 'q', type: 'queue', partitions: 2 },
      { id: 'h', type: 'handler', service: constant(10) },
      { id: 'plain', type: 'queue' },
    ], [['p', 'q'], ['q', 'h']])));
    expect(sim.snapshot().lanes).toEqual([{ node: 1, depth: [0, 0], owner: [-1, -1] }]);
    sim.runUntil(1);
    const lane = sim.snapshot().lanes[0];
    expect(lane.depth.reduce((a, b) => a + b, 0)).toBe(3);
    expect(lane.owner.filter((o) => o === 2)).toHaveLength(1);
  });
});
