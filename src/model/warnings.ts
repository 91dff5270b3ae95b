// Warnings about a scenario that runs but probably does not do what its author meant: a publisher or
// topic whose messages have no way out, a handler nothing feeds. Pure; the UI words them with labels.
import type { Scenario } from './types';

export type WarningKind = 'publisherNoWayOut' | 'topicNoWayOut' | 'handlerFedByNothing';

export interface ScenarioWarning {
  kind: WarningKind;
  nodeId: string;
  /** the node's label, or its id when it has none */
  name: string;
}

/** warnings in node order; nodes whose type or id is damaged are left to the validator */
export function scenarioWarnings(scenario: Pick<Scenario, 'nodes' | 'edges'>): ScenarioWarning[] {
  const nodes = Array.isArray(scenario.nodes) ? scenario.nodes : [];
  const edges = Array.isArray(scenario.edges) ? scenario.edges : [];
  const hasOut = new Set(edges.map((edge) => edge?.source));
  const hasIn = new Set(edges.map((edge) => edge?.target));
  const warnings: ScenarioWarning[] = [];
  for (const node of nodes) {
    if (!node || typeof node.id !== 'string') continue;
    const name = typeof node.label === 'string' && node.label.trim() !== '' ? node.label : node.id;
    const kind: WarningKind | null =
      node.type === 'publisher' && !hasOut.has(node.id) ? 'publisherNoWayOut'
        : node.type === 'topic' && !hasOut.has(node.id) ? 'topicNoWayOut'
          : node.type === 'handler' && !hasIn.has(node.id) ? 'handlerFedByNothing'
            : null;
    if (kind) warnings.push({ kind, nodeId: node.id, name });
  }
  return warnings;
}
