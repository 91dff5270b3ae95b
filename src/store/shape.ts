// Shape checks for scenario data that did not come from the editor itself (the autosave, the clipboard):
// every field the editor reads has the type the Scenario types promise, so drawing it cannot throw.
// Values may still break the model's rules (the Problems panel lists those). The checks are the
// lenient half of the records in model/record/: a field added there is checked here too.
import { arrival } from '../model/record/arrivals';
import { distribution } from '../model/record/distributions';
import { node } from '../model/record/nodes';
import { edge, scenario } from '../model/record/scenario';
import type { Scenario, ScenarioEdge, ScenarioNode } from '../model/types';

export const isDistributionShape = (v: unknown): boolean => distribution.shape(v);
export const isArrivalShape = (v: unknown): boolean => arrival.shape(v);
export const isNodeShape = (v: unknown): v is ScenarioNode => node.shape(v);
export const isEdgeShape = (v: unknown): v is ScenarioEdge => edge.shape(v);

/** Enough structure for the editor to open it; the model's own problems (shown in Problems) are allowed. */
export const isScenarioShape = (v: unknown): v is Scenario => scenario.shape(v);
