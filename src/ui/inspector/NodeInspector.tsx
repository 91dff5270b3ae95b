// Inspector for one node: its type and id, label, then the fields of its type.
import type { HandlerNode, PublisherNode, QueueNode, ScenarioNode } from '../../model/types';
import { useAppStore } from '../../store/store';
import { NodeIcon } from '../canvas/icons';
import { displayName, eventTypeOf } from '../canvas/summary';
import { useT } from '../i18n';
import { pointerOf } from '../../experiment/pointer';
import { ArrivalEditor } from './ArrivalEditor';
import { DistributionEditor } from './DistributionEditor';
import { CheckboxField, NumberField, SelectField, Section, TextField } from './fields';
import { useNodeUpdate } from './useUpdate';
import { OutagesEditor } from './OutagesEditor';
import { ConnectionsSection } from './ConnectionsSection';
import { IdField } from './IdField';
import { SelectionActions } from './SelectionActions';
import { PriorityFields } from './PriorityFields';
import { BackoffGrowthFields } from './BackoffGrowthFields';
import { HandlerProfiles } from './ProfileEditor';
import { OwnedFields } from './OwnedFields';

export function NodeInspector({ node }: { node: ScenarioNode }) {
  const t = useT();
  const update = useNodeUpdate(node.id);
  return (
    <div className="ef-inspector-body" key={node.id}>
      <header className="ef-inspector-head">
        <span className={`ef-inspector-icon ef-inspector-icon-${node.type}`}><NodeIcon type={node.type} size={18} /></span>
        <div className="ef-inspector-titles">
          <h2 className="ef-inspector-title" title={displayName(node)}>{displayName(node)}</h2>
          <div className="ef-inspector-sub">{t(`editor.type.${node.type}`)} · <code>{node.id}</code></div>
        </div>
      </header>
      <Section title={t('editor.inspector.general')}>
        <IdField id={node.id} />
        <TextField
          label={node.type === 'topic' ? t('editor.field.topicLabel') : t('editor.field.label')}
          value={node.label}
          maxLength={200}
          placeholder={node.id}
          onCommit={(label, c) => update({ label }, c)}
          hint={node.type === 'topic' ? t('editor.field.topicLabelHint') : undefined}
        />
        {(node.type === 'publisher' || node.type === 'handler') && (
          <TextField
            label={t('editor.field.event')}
            value={node.event}
            maxLength={200}
            placeholder={eventTypeOf({ ...node, event: undefined }) ?? ''}
            onCommit={(event, c) => update({ event }, c)}
            hint={t(node.type === 'publisher' ? 'editor.field.eventHintPublisher' : 'editor.field.eventHintHandler')}
          />
        )}
      </Section>
      {node.type === 'publisher' && <PublisherFields node={node} />}
      {node.type === 'queue' && <QueueFields node={node} />}
      {node.type === 'handler' && <HandlerFields node={node} />}
      {node.type !== 'topic' && <PriorityFields node={node} />}
      <ConnectionsSection node={node} />
      <SelectionActions />
    </div>
  );
}

function PublisherFields({ node }: { node: PublisherNode }) {
  const t = useT();
  const update = useNodeUpdate(node.id);
  return (
    <>
      <Section title={t('editor.inspector.arrivals')}>
        <ArrivalEditor sweepBase={pointerOf(['nodes', node.id, 'arrival'])} value={node.arrival} onChange={(arrival, c) => update<PublisherNode>({ arrival }, c ?? 'arrival-kind')} />
      </Section>
      <Section title={t('editor.inspector.window')}>
        <NumberField label={t('editor.field.limit')} value={node.limit} sweep={pointerOf(['nodes', node.id, 'limit'])} rule={{ min: 0, integer: true, optional: true }} placeholder={t('editor.field.noLimit')} onCommit={(limit, c) => update<PublisherNode>({ limit }, c)} />
        <div className="ef-field-row">
          <NumberField label={t('editor.field.start')} value={node.start} sweep={pointerOf(['nodes', node.id, 'start'])} rule={{ min: 0, optional: true }} placeholder="0" onCommit={(start, c) => update<PublisherNode>({ start }, c)} />
          <NumberField label={t('editor.field.end')} value={node.end} sweep={pointerOf(['nodes', node.id, 'end'])} rule={{ min: node.start ?? 0, minExclusive: true, optional: true }} placeholder={t('editor.field.never')} onCommit={(end, c) => update<PublisherNode>({ end }, c)} />
        </div>
        <NumberField label={t('editor.field.keys')} value={node.keys} sweep={pointerOf(['nodes', node.id, 'keys'])} rule={{ min: 1, integer: true, optional: true }} placeholder={t('editor.field.none')} onCommit={(keys, c) => update<PublisherNode>({ keys }, c)} hint={t('editor.field.keysHint')} />
      </Section>
    </>
  );
}

function QueueFields({ node }: { node: QueueNode }) {
  const t = useT();
  const update = useNodeUpdate(node.id);
  const queues = useAppStore((s) => s.scenario.nodes.filter((n) => n.type === 'queue' && n.id !== node.id).map((n) => `${n.id}\u0000${displayName(n)}`).join('\u0001'));
  const queueOptions = queues ? queues.split('\u0001').map((pair) => { const [id, name] = pair.split('\u0000'); return { value: id, label: name === id ? id : `${name} (${id})` }; }) : [];
  return (
    <Section title={t('editor.inspector.storage')}>
      <NumberField label={t('editor.field.capacity')} value={node.capacity} sweep={pointerOf(['nodes', node.id, 'capacity'])} rule={{ min: 0, integer: true, optional: true }} placeholder={t('editor.field.unbounded')} onCommit={(capacity, c) => update<QueueNode>({ capacity }, c)} />
      <SelectField
        label={t('editor.field.overflow')}
        value={node.overflow ?? 'reject'}
        options={(['reject', 'drop-oldest', 'block'] as const).map((o) => ({ value: o, label: t(`editor.overflow.long.${o}`) }))}
        onChange={(overflow) => update<QueueNode>({ overflow: overflow === 'reject' && node.overflow === undefined ? undefined : overflow })}
      />
      <NumberField label={t('editor.field.ttl')} value={node.ttl} sweep={pointerOf(['nodes', node.id, 'ttl'])} rule={{ min: 0, minExclusive: true, optional: true }} placeholder={t('editor.field.never')} onCommit={(ttl, c) => update<QueueNode>({ ttl }, c)} />
      <SelectField
        label={t('editor.field.deadLetter')}
        value={node.deadLetter ?? ''}
        options={[{ value: '', label: t('editor.field.none') }, ...queueOptions]}
        onChange={(deadLetter) => update<QueueNode>({ deadLetter: deadLetter || undefined })}
        hint={t('editor.field.deadLetterHint')}
      />
      <NumberField label={t('editor.field.partitions')} value={node.partitions} sweep={pointerOf(['nodes', node.id, 'partitions'])} rule={{ min: 1, integer: true, optional: true }} placeholder={t('editor.field.none')} onCommit={(partitions, c) => update<QueueNode>({ partitions }, c)} hint={t('editor.field.partitionsHint')} />
      {node.partitions !== undefined && <OwnedFields node={node} />}
    </Section>
  );
}

function HandlerFields({ node }: { node: HandlerNode }) {
  const t = useT();
  const update = useNodeUpdate(node.id);
  const retry = node.retry;
  return (
    <>
      <Section title={t('editor.inspector.work')}>
        <NumberField label={t('editor.field.concurrency')} value={node.concurrency} sweep={pointerOf(['nodes', node.id, 'concurrency'])} rule={{ min: 1, integer: true, optional: true }} placeholder="1" onCommit={(concurrency, c) => update<HandlerNode>({ concurrency }, c)} />
        <DistributionEditor sweepBase={pointerOf(['nodes', node.id, 'service'])} legend={t('editor.field.service')} value={node.service} onChange={(service, c) => service && update<HandlerNode>({ service }, c ?? 'service-kind')} />
        <NumberField label={t('editor.field.failureRate')} value={node.failureRate} sweep={pointerOf(['nodes', node.id, 'failureRate'])} scale={100} rule={{ min: 0, max: 100, maxExclusive: true, optional: true }} placeholder="0" onCommit={(failureRate, c) => update<HandlerNode>({ failureRate }, c)} />
      </Section>
      <Section title={t('editor.inspector.retries')}>
        <CheckboxField
          label={t('editor.field.retryEnabled')}
          checked={retry !== undefined}
          onChange={(on) => update<HandlerNode>({ retry: on ? { maxAttempts: 3, backoff: { kind: 'constant', value: 100 } } : undefined })}
        />
        {retry && (
          <>
            <NumberField label={t('editor.field.maxAttempts')} value={retry.maxAttempts} sweep={pointerOf(['nodes', node.id, 'retry', 'maxAttempts'])} rule={{ min: 1, integer: true }} onCommit={(v, c) => update<HandlerNode>({ retry: { ...retry, maxAttempts: v as number } }, c)} />
            <DistributionEditor sweepBase={pointerOf(['nodes', node.id, 'retry', 'backoff'])} legend={t('editor.field.backoff')} value={retry.backoff} onChange={(backoff, c) => backoff && update<HandlerNode>({ retry: { ...retry, backoff } }, c ?? 'backoff-kind')} />
            <BackoffGrowthFields node={node} retry={retry} />
          </>
        )}
      </Section>
      <HandlerProfiles node={node} />
      <Section title={t('editor.inspector.outages')}>
        <OutagesEditor value={node.outages ?? []} onChange={(outages, c) => update<HandlerNode>({ outages: outages.length ? outages : undefined }, c)} />
      </Section>
    </>
  );
}
