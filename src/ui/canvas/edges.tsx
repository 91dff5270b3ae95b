// Canvas edges: a file edge (bezier, label with latency/probability) and the derived dashed
// dead-letter link from a queue to its dead-letter queue. Backward edges (loops) bend around.
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, getSmoothStepPath, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import { useT } from '../i18n';
import type { FlowEdge } from './flowModel';
import { edgeLabel } from './summary';

function pathFor(props: EdgeProps<FlowEdge>): [string, number, number] {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  if (targetX < sourceX - 10) {
    const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 14, offset: 24 });
    return [path, labelX, labelY];
  }
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return [path, labelX, labelY];
}

function FlowEdgeView(props: EdgeProps<FlowEdge>) {
  const t = useT();
  const [path, labelX, labelY] = pathFor(props);
  const edge = props.data?.edge;
  const label = edge ? edgeLabel(t, edge) : '';
  const className = `ef-edge${props.selected ? ' is-selected' : ''}${props.data?.highlighted ? ' is-highlighted' : ''}`;
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} className={className} interactionWidth={18} />
      {label && (
        <EdgeLabelRenderer>
          <div className={`ef-edge-label nodrag nopan${props.selected ? ' is-selected' : ''}`} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

function DeadLetterEdgeView(props: EdgeProps<FlowEdge>) {
  const t = useT();
  const [path, labelX, labelY] = pathFor(props);
  return (
    <>
      <BaseEdge id={props.id} path={path} className="ef-edge-deadletter" />
      <EdgeLabelRenderer>
        <div className="ef-edge-label ef-edge-label-deadletter" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
          {t('editor.canvas.deadLetter')}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const edgeTypes: EdgeTypes = {
  flow: memo(FlowEdgeView),
  deadLetter: memo(DeadLetterEdgeView),
};
