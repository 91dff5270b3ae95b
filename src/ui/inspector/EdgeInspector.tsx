// Inspector for one edge: where it goes, its latency (distribution, optional) and, when it leaves a
// handler, the probability that a successful attempt emits along it, or its weight when the source
// routes "one of", and whether it sends on success or on failure (architect.md "Routing").
import type { ScenarioEdge } from '../../model/types';
import { useAppStore } from '../../store/store';
import { displayName } from '../canvas/summary';
import { useT } from '../i18n';
import { pointerOf } from '../../experiment/pointer';
import { DistributionEditor } from './DistributionEditor';
import { NumberField, Section, SelectField } from './fields';
import { useEdgeUpdate } from './useUpdate';
import { SelectionActions } from './SelectionActions';

export function EdgeInspector({ edge }: { edge: ScenarioEdge }) {
  const t = useT();
  const update = useEdgeUpdate(edge.id);
  const source = useAppStore((s) => s.scenario.nodes.find((n) => n.id === edge.source));
  const target = useAppStore((s) => s.scenario.nodes.find((n) => n.id === edge.target));
  const fromHandler = source?.type === 'handler';
  const routesOne = (source?.type === 'publisher' || source?.type === 'handler') && source.route === 'one';
  const failure = edge.when === 'failure';
  const siblingWeight = useAppStore((s) => s.scenario.edges
    .filter((e) => e.source === edge.source && (e.when === 'failure') === failure)
    .reduce((sum, e) => sum + (e.weight ?? 1), 0));
  const percent = siblingWeight > 0 ? Math.round(((edge.weight ?? 1) / siblingWeight) * 1000) / 10 : 0;
  return (
    <div className="ef-inspector-body" key={edge.id}>
      <header className="ef-inspector-head">
        <span className="ef-inspector-icon" aria-hidden="true">→</span>
        <div className="ef-inspector-titles">
          <h2 className="ef-inspector-title">{t('editor.inspector.edgeTitle')}</h2>
          <div className="ef-inspector-sub">
            <span title={edge.source}>{source ? displayName(source) : edge.source}</span> → <span title={edge.target}>{target ? displayName(target) : edge.target}</span> · <code>{edge.id}</code>
          </div>
        </div>
      </header>
      <Section title={t('editor.inspector.transit')}>
        <DistributionEditor sweepBase={pointerOf(['edges', edge.id, 'latency'])} optional legend={t('editor.field.latency')} value={edge.latency} onChange={(latency, c) => update({ latency }, c ?? 'latency-kind')} />
        {fromHandler && (
          <SelectField
            label={t('routing.when')}
            value={edge.when ?? 'success'}
            options={(['success', 'failure'] as const).map((value) => ({ value, label: t(`routing.when.${value}`) }))}
            onChange={(when) => update({ when: when === 'success' ? undefined : when })}
            hint={t('routing.whenHint')}
          />
        )}
        {routesOne ? (
          <NumberField
            label={t('routing.weight')}
            value={edge.weight}
            rule={{ min: 0, minExclusive: true, optional: true }}
            placeholder="1"
            onCommit={(weight, c) => update({ weight: weight === 1 ? undefined : weight }, c)}
            hint={t('routing.weightHint', { percent })}
          />
        ) : fromHandler ? (
          <NumberField
            label={t('editor.field.probability')}
            value={edge.probability}
            sweep={pointerOf(['edges', edge.id, 'probability'])}
            scale={100}
            rule={{ min: 0, minExclusive: true, max: 100, optional: true }}
            placeholder="100"
            onCommit={(probability, c) => update({ probability: probability === 1 ? undefined : probability }, c)}
            hint={t('editor.field.probabilityHint')}
          />
        ) : (
          <p className="ef-muted-note">{t('editor.field.probabilityOnlyHandler')}</p>
        )}
      </Section>
      <SelectionActions edge />
    </div>
  );
}
