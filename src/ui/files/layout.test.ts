// The grid fallback layout for files without positions: left to right by longest path, no overlaps.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model/types';
import { gridLayout, gridPositions, needsLayout } from './layout';

const scenario: Scenario = {
  format: 'eventflow-scenario', version: 1, name: 'No positions', stopAt: 1000,
  nodes: [
    { id: 'h2', type: 'handler', service: { kind: 'constant', value: 1 } },
    { id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 1 } },
    { id: 't', type: 'topic' },
    { id: 'q1', type: 'queue' },
    { id: 'q2', type: 'queue' },
    { id: 'h1', type: 'handler', service: { kind: 'constant', value: 1 } },
  ],
  edges: [
    { id: 'e1', source: 'p', target: 't' },
    { id: 'e2', source: 't', target: 'q1' },
    { id: 'e3', source: 't', target: 'q2' },
    { id: 'e4', source: 'q1', target: 'h1' },
    { id: 'e5', source: 'q2', target: 'h2' },
    { id: 'e6', source: 'h1', target: 'q2' },
  ],
};

describe('grid layout fallback', () => {
  it('puts each node right of all its predecessors, with no two nodes on one spot', () => {
    const positions = gridPositions(scenario);
    for (const edge of scenario.edges) expect(positions[edge.source].x).toBeLessThan(positions[edge.target].x);
    const spots = new Set(Object.values(positions).map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(scenario.nodes.length);
  });

  it('survives cycles', () => {
    const cyclic: Scenario = { ...scenario, edges: [...scenario.edges, { id: 'e7', source: 'h2', target: 'q1' }] };
    const positions = gridPositions(cyclic);
    expect(Object.keys(positions).sort()).toEqual(scenario.nodes.map((n) => n.id).sort());
  });

  it('places every node and says when a file needs it', () => {
    expect(needsLayout(scenario)).toBe(true);
    const placed = gridLayout(scenario);
    expect(needsLayout(placed)).toBe(false);
    expect(placed.nodes.map((n) => n.id)).toEqual(scenario.nodes.map((n) => n.id));
  });
});
