// The lenient shape checks (autosave, paste) that the records derive: right JSON types pass even with
// values the model refuses; a wrong type anywhere the editor reads fails.
import { describe, expect, it } from 'vitest';
import { isArrivalShape, isDistributionShape, isEdgeShape, isNodeShape, isScenarioShape } from './shape';

const scenario = () => ({
  format: 'eventflow-scenario',
  version: 1,
  name: 'shape',
  nodes: [
    { id: 'p', type: 'publisher', arrival: { kind: 'interval', gap: { kind: 'uniform', min: 5, max: 1 } }, limit: -3, 'x-note': 'kept' },
    { id: 'q', type: 'queue', overflow: 'block', partitions: 0, position: { x: 1.5, y: -2 } },
    { id: 'h', type: 'handler', service: { kind: 'empirical', values: [] }, retry: { maxAttempts: 0, backoff: { kind: 'constant', value: -1 } }, outages: [{ start: 5, end: 1 }] },
    { id: 't', type: 'topic' },
  ],
  edges: [{ id: '', source: 'p', target: 'nowhere', probability: 7 }],
});

describe('shape checks', () => {
  it('accept values the model refuses, when every type is right', () => {
    expect(isScenarioShape(scenario())).toBe(true);
  });

  it('refuse a wrong type at any depth', () => {
    const cases: ((s: ReturnType<typeof scenario>) => void)[] = [
      (s) => { (s as Record<string, unknown>).version = 2; },
      (s) => { (s.nodes[0] as Record<string, unknown>).arrival = { kind: 'interval', gap: { kind: 'uniform', min: '5', max: 1 } }; },
      (s) => { (s.nodes[1] as Record<string, unknown>).overflow = 'spill'; },
      (s) => { (s.nodes[1] as Record<string, unknown>).position = { x: Number.NaN, y: 0 }; },
      (s) => { (s.nodes[2] as Record<string, unknown>).outages = [{ start: 1 }]; },
      (s) => { (s.nodes[2] as Record<string, unknown>).retry = { maxAttempts: 2 }; },
      (s) => { (s.nodes[3] as Record<string, unknown>).id = ''; },
      (s) => { (s.nodes[3] as Record<string, unknown>).type = 'consumer'; },
      (s) => { (s.edges[0] as Record<string, unknown>).latency = { kind: 'constructor' }; },
      (s) => { (s as Record<string, unknown>).nodes = {}; },
    ];
    for (const change of cases) {
      const s = scenario();
      change(s);
      expect(isScenarioShape(s)).toBe(false);
    }
  });

  it('check each kind on its own', () => {
    expect(isDistributionShape({ kind: 'erlang', k: 2, mean: 3 })).toBe(true);
    expect(isDistributionShape({ kind: 'erlang', k: 2 })).toBe(false);
    expect(isArrivalShape({ kind: 'schedule', times: [1, 2] })).toBe(true);
    expect(isArrivalShape({ kind: 'schedule', times: [1, null] })).toBe(false);
    expect(isNodeShape({ id: 'h', type: 'handler', service: { kind: 'exponential', mean: 1 }, event: 3 })).toBe(false);
    expect(isEdgeShape({ id: 'e', source: 'a', target: 'b' })).toBe(true);
    expect(isEdgeShape({ id: 'e', source: 'a' })).toBe(false);
  });
});
