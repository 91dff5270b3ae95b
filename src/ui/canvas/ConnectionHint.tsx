// While a connection is dragged over a node it may not feed, says why (spec: Edges table).
import { useConnection } from '@xyflow/react';
import type { NodeType } from '../../engine/types';
import { allowedTargetTypes, connectRefusal, type ConnectRefusal } from '../../store/commands';
import { useAppStore } from '../../store/store';
import { useT, type TFunction } from '../i18n';

export function refusalText(t: TFunction, refusal: ConnectRefusal): string {
  if (refusal.reason !== 'pair') return t(`editor.connect.${refusal.reason}`);
  const name = (type: NodeType) => t(`editor.type.${type}`).toLowerCase();
  const allowed = allowedTargetTypes(refusal.from).map(name).join(t('editor.connect.or'));
  return allowed
    ? t('editor.connect.pair', { from: name(refusal.from), to: name(refusal.to), allowed })
    : t('editor.connect.pairNone', { from: name(refusal.from), to: name(refusal.to) });
}

export function ConnectionHint() {
  const t = useT();
  const connection = useConnection();
  const scenario = useAppStore((s) => s.scenario);
  if (!connection.inProgress || !connection.toNode || connection.isValid !== false) return null;
  const fromIsSource = connection.fromHandle?.type !== 'target';
  const source = fromIsSource ? connection.fromNode.id : connection.toNode.id;
  const target = fromIsSource ? connection.toNode.id : connection.fromNode.id;
  const refusal = connectRefusal(scenario, source, target);
  if (!refusal) return null;
  return (
    <div className="ef-connection-hint" role="status">
      {refusalText(t, refusal)}
    </div>
  );
}
