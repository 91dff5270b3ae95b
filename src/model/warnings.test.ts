// Warnings: publishers and topics with no way out, handlers fed by nothing, named by label.
import { describe, expect, it } from 'vitest';
import type { Scenario } from './types';
import { scenarioWarnings } from './warnings';

const base = (nodes: unknown[], edges: unknown[]) => ({ nodes, edges }) as unknown as Pick<Scenario, 'nodes' | 'edges'>;

describe('scenarioWarnings', () => {
  it('names a publisher and a topic with no way out and a handler fed by nothing, by label', () => {
    const warnings = scenarioWarnings(base([
      { id: 'p', type: 'publisher', label: 'orders' },
      { id: 't', type: 'topic' },
      { id: 'h', type: 'handler', label: '  ' },
      { id: 'q', type: 'queue' },
    ], []));
    expect(warnings).toEqual([
      { kind: 'publisherNoWayOut', nodeId: 'p', name: 'orders' },
      { kind: 'topicNoWayOut', nodeId: 't', name: 't' },
      { kind: 'handlerFedByNothing', nodeId: 'h', name: 'h' },
    ]);
  });
  it('say nothing about a connected chain, and skip damaged nodes', () => {
    expect(scenarioWarnings(base([
      { id: 'p', type: 'publisher' }, { id: 'q', type: 'queue' }, { id: 'h', type: 'handler' }, null, { type: 'handler' },
    ], [{ id: 'e1', source: 'p', target: 'q' }, { id: 'e2', source: 'q', target: 'h' }]))).toEqual([]);
    expect(scenarioWarnings(base(undefined as unknown as unknown[], []))).toEqual([]);
  });
});
