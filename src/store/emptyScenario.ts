// The scenario a new document starts from.
import type { Scenario } from '../model/types';

export function emptyScenario(name = 'Untitled scenario'): Scenario {
  return { format: 'eventflow-scenario', version: 1, name, seed: 1, stopAt: 60_000, nodes: [], edges: [] };
}
