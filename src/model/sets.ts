// The model's sets E (event types), H (handlers), S (subscriptions) derived from a scenario.
// STUB: owned by the model work; replace wholesale.
import type { ModelSets } from '../engine/types';
import type { Scenario } from './types';

export function deriveSets(scenario: Scenario): ModelSets {
  return { E: [], H: scenario.nodes.filter((n) => n.type === 'handler').map((n) => n.label ?? n.id), S: [] };
}
