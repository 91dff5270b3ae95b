// The Route field of publishers and handlers (architect.md "Routing"): all outgoing connections, or
// exactly one chosen by weight. Switching is one undoable command that also drops the settings the
// other mode forbids (probabilities under "one of"; weights under "all").
import type { Scenario, ScenarioEdge, ScenarioNode } from '../../model/types';
import { updateEdge, updateNode } from '../../store/commands';
import { useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { SelectField } from './fields';

type Routed = Extract<ScenarioNode, { type: 'publisher' | 'handler' }>;

/** the scenario with `node` routing `route`, its outgoing edges cleaned of what that mode forbids */
export function withRoute(scenario: Scenario, node: Routed, route: 'all' | 'one'): Scenario {
  let next = updateNode(scenario, node.id, { ...node, route: route === 'one' ? 'one' : undefined });
  for (const edge of scenario.edges) {
    if (edge.source !== node.id) continue;
    const cleaned: ScenarioEdge = route === 'one' ? { ...edge, probability: undefined } : { ...edge, weight: undefined };
    next = updateEdge(next, edge.id, cleaned);
  }
  return next;
}

export function RouteField({ node }: { node: Routed }) {
  const t = useT();
  return (
    <SelectField
      label={t('routing.route')}
      value={node.route ?? 'all'}
      options={(['all', 'one'] as const).map((value) => ({ value, label: t(`routing.route.${value}`) }))}
      onChange={(route) => {
        const { scenario, commit } = useAppStore.getState();
        commit(withRoute(scenario, node, route), 'editNode');
      }}
      hint={t('routing.routeHint')}
    />
  );
}
