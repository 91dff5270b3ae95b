// The Priority section of publishers, queues and handlers (architect.md "Priorities"): a publisher's or
// handler's priority 0 … 9 and a queue's or handler's order (first in first out, or highest priority first).
import type { HandlerNode, PublisherNode, QueueNode } from '../../model/types';
import { pointerOf } from '../../experiment/pointer';
import { useT } from '../i18n';
import { NumberField, SelectField, Section } from './fields';
import { useNodeUpdate } from './useUpdate';

type Prioritised = PublisherNode | QueueNode | HandlerNode;

export function PriorityFields({ node }: { node: Prioritised }) {
  const t = useT();
  const update = useNodeUpdate(node.id);
  return (
    <Section title={t('priority.section')}>
      {node.type !== 'queue' && (
        <NumberField
          label={t('priority.priority')}
          value={node.priority}
          sweep={pointerOf(['nodes', node.id, 'priority'])}
          rule={{ min: 0, max: 9, integer: true, optional: true }}
          placeholder={node.type === 'publisher' ? '0' : t('priority.inherit')}
          onCommit={(priority, c) => update<PublisherNode | HandlerNode>({ priority }, c)}
          hint={t(node.type === 'publisher' ? 'priority.priorityHintPublisher' : 'priority.priorityHintHandler')}
        />
      )}
      {node.type !== 'publisher' && !(node.type === 'queue' && node.partitions !== undefined) && (
        <SelectField
          label={t('priority.order')}
          value={node.order ?? 'fifo'}
          options={(['fifo', 'priority'] as const).map((value) => ({ value, label: t(`priority.order.${value}`) }))}
          onChange={(order) => update<QueueNode | HandlerNode>({ order: order === 'fifo' && node.order === undefined ? undefined : order })}
          hint={t(node.type === 'queue' ? 'priority.orderHintQueue' : 'priority.orderHintHandler')}
        />
      )}
    </Section>
  );
}
