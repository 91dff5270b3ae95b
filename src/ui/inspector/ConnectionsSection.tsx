// A node's connections in the inspector: what it sends to and receives from (each selects the edge), and a
// keyboard way to connect it to another node: choosing one in "Connect to" connects at once (undoable);
// only the targets the spec's table allows are offered.
import type { ScenarioNode } from '../../model/types';
import { connectRefusal } from '../../store/commands';
import { useAppStore } from '../../store/store';
import { displayName } from '../canvas/summary';
import { connectAction } from '../editor/actions';
import { useT } from '../i18n';
import { Section, SelectField } from './fields';
import { RouteField } from './RouteField';

export function ConnectionsSection({ node }: { node: ScenarioNode }) {
  const t = useT();
  const scenario = useAppStore((s) => s.scenario);
  const select = useAppStore((s) => s.select);
  const name = (id: string) => {
    const n = scenario.nodes.find((x) => x.id === id);
    return n ? displayName(n) : id;
  };
  const outgoing = scenario.edges.filter((e) => e.source === node.id);
  const incoming = scenario.edges.filter((e) => e.target === node.id);
  const candidates = scenario.nodes.filter((n) => connectRefusal(scenario, node.id, n.id) === null);
  return (
    <Section title={t('editor.inspector.connections')}>
      {(node.type === 'publisher' || node.type === 'handler') && outgoing.length > 0 && <RouteField node={node} />}
      {outgoing.length + incoming.length === 0 && <p className="ef-muted-note">{t('editor.connections.none')}</p>}
      <ul className="ef-connection-list">
        {incoming.map((e) => (
          <li key={e.id}>
            <button type="button" className="ef-link-button" onClick={() => select([], [e.id])}>
              {t('editor.connections.from', { name: name(e.source) })}
            </button>
          </li>
        ))}
        {outgoing.map((e) => (
          <li key={e.id}>
            <button type="button" className="ef-link-button" onClick={() => select([], [e.id])}>
              {t('editor.connections.to', { name: name(e.target) })}
            </button>
          </li>
        ))}
      </ul>
      {candidates.length > 0 && (
        <SelectField
          label={t('editor.connections.connectTo')}
          value=""
          options={[{ value: '', label: t('editor.connections.choose') }, ...candidates.map((n) => ({ value: n.id, label: `${displayName(n)} (${t(`editor.type.${n.type}`)})` }))]}
          onChange={(target) => { if (target) connectAction(node.id, target); }}
          hint={t('editor.connections.connectHint')}
        />
      )}
    </Section>
  );
}
