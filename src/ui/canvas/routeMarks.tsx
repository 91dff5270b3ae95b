// Routing on the canvas (architect.md "Routing"): the "one of" mark on a publisher or handler that
// routes one, and the extra edge-label parts: the weight of an edge chosen by weight, "on failure".
import type { ScenarioEdge, ScenarioNode } from '../../model/types';
import { useAppStore } from '../../store/store';
import { useT } from '../i18n';
import './routing.css';

/** the routing parts of an edge's label (empty for plain edges, so files without routing look as before) */
export function useRouteLabel(edge: ScenarioEdge | null | undefined): string {
  const t = useT();
  const routesOne = useAppStore((s) => {
    if (!edge) return false;
    const source = s.scenario.nodes.find((n) => n.id === edge.source);
    return (source?.type === 'publisher' || source?.type === 'handler') && source.route === 'one';
  });
  if (!edge) return '';
  const parts: string[] = [];
  if (edge.when === 'failure') parts.push(t('routing.failureLabel'));
  if (routesOne) parts.push(t('routing.weightLabel', { weight: edge.weight ?? 1 }));
  return parts.join(' · ');
}

export function OneOfMark({ node }: { node: ScenarioNode }) {
  const t = useT();
  if ((node.type !== 'publisher' && node.type !== 'handler') || node.route !== 'one') return null;
  return <span className="ef-node-oneof" title={t('routing.oneOfTitle')}>{t('routing.oneOfMark')}</span>;
}
