// Consumer-group fields of a partitioned queue (architect.md "Consumer groups"): shared or owned
// partitions, and for owned ones the session timeout and the rebalance pause.
import type { QueueNode } from '../../model/types';
import { pointerOf } from '../../experiment/pointer';
import { useT } from '../i18n';
import { NumberField, SelectField } from './fields';
import { useNodeUpdate } from './useUpdate';

export function OwnedFields({ node }: { node: QueueNode }) {
  const t = useT();
  const update = useNodeUpdate(node.id);
  const owned = node.assignment === 'owned';
  return (
    <>
      <SelectField
        label={t('owned.assignment')}
        value={node.assignment ?? 'shared'}
        options={(['shared', 'owned'] as const).map((value) => ({ value, label: t(`owned.assignment.${value}`) }))}
        onChange={(assignment) => update<QueueNode>(assignment === 'owned' ? { assignment } : { assignment: undefined, sessionTimeout: undefined, rebalance: undefined })}
        hint={t('owned.assignmentHint')}
      />
      {owned && (
        <div className="ef-field-row">
          <NumberField label={t('owned.sessionTimeout')} value={node.sessionTimeout} sweep={pointerOf(['nodes', node.id, 'sessionTimeout'])}
            rule={{ min: 0, optional: true }} placeholder="10,000" onCommit={(sessionTimeout, c) => update<QueueNode>({ sessionTimeout }, c)} hint={t('owned.sessionTimeoutHint')} />
          <NumberField label={t('owned.rebalance')} value={node.rebalance} sweep={pointerOf(['nodes', node.id, 'rebalance'])}
            rule={{ min: 0, optional: true }} placeholder="3,000" onCommit={(rebalance, c) => update<QueueNode>({ rebalance }, c)} hint={t('owned.rebalanceHint')} />
        </div>
      )}
    </>
  );
}
