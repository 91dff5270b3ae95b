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
    for (const edge of scenario.edges) expect(positions.get(edge.source)!.x).toBeLessThan(positions.get(edge.target)!.x);
    const spots = new Set([...positions.values()].map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(scenario.nodes.length);
  });

  it('survives cycles', () => {
    const cyclic: Scenario = { ...scenario, edges: [...scenario.edges, { id: 'e7', source: 'h2', target: 'q1' }] };
    const positions = gridPositions(cyclic);
    expect([...positions.keys()].sort()).toEqual(scenario.nodes.map((n) => n.id).sort());
  });

  it('lays out a 5,000-node chain without deep recursion, and ids named like Object.prototype properties', () => {
    const ids = ['__proto__', 'constructor', 'valueOf', ...Array.from({ length: 4997 }, (_, i) => `n${i}`)];
    const chain: Scenario = { ...scenario, nodes: ids.map((id) => ({ id, type: 'topic' })), edges: ids.slice(1).map((id, i) => ({ id: `c${i}`, source: ids[i], target: id })) };
    const positions = gridPositions(chain);
    expect(positions.size).toBe(5000);
    expect(positions.get('__proto__')?.x).toBeLessThan(positions.get('constructor')!.x);
    expect(positions.get(ids[4999])?.x).toBeGreaterThan(positions.get('valueOf')!.x);
  });

  it('places every node and says when a file needs it', () => {
    expect(needsLayout(scenario)).toBe(true);
    const placed = gridLayout(scenario);
    expect(needsLayout(placed)).toBe(false);
    expect(placed.nodes.map((n) => n.id)).toEqual(scenario.nodes.map((n) => n.id));
  });
});
