// Backoff growth under a handler's Retries (architect.md): the multiplier applied per failed attempt
// and the longest wait, both optional (empty: the drawn backoff as it is, capped at one hour with a multiplier).
import type { HandlerNode } from '../../model/types';
import { pointerOf } from '../../experiment/pointer';
import { useT } from '../i18n';
import { NumberField } from './fields';
import { useNodeUpdate } from './useUpdate';

type Retry = NonNullable<HandlerNode['retry']>;

export function BackoffGrowthFields({ node, retry }: { node: HandlerNode; retry: Retry }) {
  const t = useT();
  const update = useNodeUpdate(node.id);
  const set = (patch: Partial<Retry>, c: string) => update<HandlerNode>({ retry: { ...retry, ...patch } }, c);
  return (
    <div className="ef-field-row">
      <NumberField label={t('backoff.multiplier')} value={retry.multiplier} sweep={pointerOf(['nodes', node.id, 'retry', 'multiplier'])}
        rule={{ min: 1, max: 100, optional: true }} placeholder="1" onCommit={(multiplier, c) => set({ multiplier }, c)} hint={t('backoff.multiplierHint')} />
      <NumberField label={t('backoff.maxBackoff')} value={retry.maxBackoff} sweep={pointerOf(['nodes', node.id, 'retry', 'maxBackoff'])}
        rule={{ min: 0, minExclusive: true, optional: true }} placeholder="3,600,000" onCommit={(maxBackoff, c) => set({ maxBackoff }, c)} hint={t('backoff.maxBackoffHint')} />
    </div>
  );
}
