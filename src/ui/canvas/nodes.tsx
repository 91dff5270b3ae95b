// The custom canvas nodes: one card per node type with icon, label (as text), key parameters at a
// glance and the run's live badge. Memoised; they read only their own data and the language.
import { memo } from 'react';
import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { NodeLiveBadge } from '../run/NodeLiveBadge';
import { useT } from '../i18n';
import type { FlowNode } from './flowModel';
import { NodeIcon } from './icons';
import { OneOfMark } from './routeMarks';
import { displayName, eventHue, eventTypeOf, nodeSummary } from './summary';

function ScenarioNodeView({ id, data, selected }: NodeProps<FlowNode>) {
  const t = useT();
  const { node } = data;
  const name = displayName(node);
  const shownSummary = nodeSummary(t, node, data.outDegree);
  const eventName = node.type === 'topic' ? eventTypeOf(node) : null;
  const style = eventName !== null ? ({ '--event-hue': eventHue(eventName) } as React.CSSProperties) : undefined;
  const typeName = t(`editor.type.${node.type}`);
  return (
    <div
      className={`ef-node ef-node-${node.type}${selected ? ' is-selected' : ''}${data.highlighted ? ' is-highlighted' : ''}`}
      style={style}
      title={`${typeName}: ${name}\n${shownSummary}`}
      data-node-id={id}
    >
      {node.type !== 'publisher' && <Handle type="target" position={Position.Left} className="ef-handle" />}
      <div className="ef-node-head">
        <span className="ef-node-icon"><NodeIcon type={node.type} /></span>
        <span className="ef-node-titles">
          <span className="ef-node-type">{typeName}</span>
          <span className="ef-node-name">{name}</span>
        </span>
        <OneOfMark node={node} />
      </div>
      <div className="ef-node-summary">{shownSummary}</div>
      <NodeLiveBadge nodeId={id} />
      <Handle type="source" position={Position.Right} className="ef-handle" />
    </div>
  );
}

const MemoNode = memo(ScenarioNodeView);

export const nodeTypes: NodeTypes = {
  publisher: MemoNode,
  topic: MemoNode,
  queue: MemoNode,
  handler: MemoNode,
};
