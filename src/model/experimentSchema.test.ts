// The optional `experiment` object of a scenario file: accepted when well formed, refused with its path otherwise.
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';

const base = {
  format: 'eventflow-scenario', version: 1, name: 'x', stopAt: 1000,
  nodes: [{ id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 5 } }, { id: 'h', type: 'handler', service: { kind: 'constant', value: 1 } }],
  edges: [{ id: 'e', source: 'p', target: 'h' }],
};

describe('experiment in a scenario file', () => {
  it('is optional and kept when present', () => {
    expect(parseScenario(base).ok).toBe(true);
    const experiment = { replications: 20, confidence: 0.9, sweep: { pointer: '/nodes/h/concurrency', values: [1, 2, 4] }, metric: '/latency/publishToDone/p99' };
    const parsed = parseScenario({ ...base, experiment });
    expect(parsed.ok && parsed.scenario.experiment).toEqual(experiment);
  });
  it('is refused with its path when malformed', () => {
    for (const experiment of [{ replications: 1 }, { confidence: 1 }, { sweep: { pointer: 'nodes/h', values: [1] } }, { sweep: { pointer: '/x', values: [] } }, { colour: 'red' }]) {
      const parsed = parseScenario({ ...base, experiment });
      expect(parsed.ok, JSON.stringify(experiment)).toBe(false);
      if (!parsed.ok) expect(parsed.problems[0].path.startsWith('experiment')).toBe(true);
    }
  });
});
