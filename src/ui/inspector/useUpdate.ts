// Hooks that turn an inspector edit into one command on the current node / edge (read fresh from the store).
import { useCallback } from 'react';
import type { ScenarioEdge, ScenarioNode } from '../../model/types';
import { updateEdge, updateNode } from '../../store/commands';
import { useAppStore } from '../../store/store';

export function useNodeUpdate(id: string) {
  return useCallback(<N extends ScenarioNode>(patch: Partial<N>, coalesce?: string) => {
    const { scenario, commit } = useAppStore.getState();
    const node = scenario.nodes.find((n) => n.id === id);
    if (!node) return;
    commit(updateNode(scenario, id, { ...node, ...patch } as ScenarioNode), 'editNode', { coalesce: coalesce && `${id}:${coalesce}` });
  }, [id]);
}

export function useEdgeUpdate(id: string) {
  return useCallback((patch: Partial<ScenarioEdge>, coalesce?: string) => {
    const { scenario, commit } = useAppStore.getState();
    const edge = scenario.edges.find((e) => e.id === id);
    if (!edge) return;
    commit(updateEdge(scenario, id, { ...edge, ...patch }), 'editEdge', { coalesce: coalesce && `${id}:${coalesce}` });
  }, [id]);
}
