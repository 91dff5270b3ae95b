// Run hygiene decisions: a new or loaded document clears the run; a structural edit stops a moving one.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../model/types';
import type { RunMeta } from '../worker/protocol';
import { afterDocumentChange, sameStructure } from './runHygiene';

const meta: RunMeta = {
  nodes: [{ id: 'p', type: 'publisher' }, { id: 'q', type: 'queue' }],
  edges: [{ id: 'e1', source: 0, target: 1 }],
  events: [], tokenEvents: [], warmupMs: 0, scenarioName: 's', seed: 1,
};
const diagram = (extra: Partial<Pick<Scenario, 'nodes' | 'edges'>> = {}) => ({
  nodes: [{ id: 'p', type: 'publisher' }, { id: 'q', type: 'queue', capacity: 3 }],
  edges: [{ id: 'e1', source: 'p', target: 'q' }],
  ...extra,
}) as unknown as Pick<Scenario, 'nodes' | 'edges'>;

describe('run hygiene', () => {
  it('sees a parameter edit as the same structure, and added, retyped or rewired parts as a new one', () => {
    expect(sameStructure(meta, diagram())).toBe(true);
    expect(sameStructure(meta, diagram({ edges: [] }))).toBe(false);
    expect(sameStructure(meta, diagram({ nodes: [{ id: 'p', type: 'publisher' }, { id: 'q', type: 'handler' }] as Scenario['nodes'] }))).toBe(false);
    expect(sameStructure(meta, diagram({ edges: [{ id: 'e1', source: 'q', target: 'p' }] as Scenario['edges'] }))).toBe(false);
  });
  it('clears results on New and load, stops a moving run on a structural edit, leaves a paused one', () => {
    expect(afterDocumentChange({ label: 'newScenario', status: 'done', meta, scenario: diagram() })).toBe('clear');
    expect(afterDocumentChange({ label: 'load', status: 'idle', meta: null, scenario: diagram() })).toBe('none');
    expect(afterDocumentChange({ label: 'delete', status: 'playing', meta, scenario: diagram({ edges: [] }) })).toBe('stop');
    expect(afterDocumentChange({ label: 'editNode', status: 'playing', meta, scenario: diagram() })).toBe('none');
    expect(afterDocumentChange({ label: 'delete', status: 'paused', meta, scenario: diagram({ edges: [] }) })).toBe('none');
  });
});
