// Canvas edges: a file edge (bezier, label with latency/probability) and the derived dashed
// dead-letter link from a queue to its dead-letter queue. Backward edges (loops) bend around.
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import { useT } from '../i18n';
import type { FlowEdge } from './flowModel';
import { edgeLabel } from './summary';
import { useRouteLabel } from './routeMarks';

/** A forward edge is a bezier; a backward one (a loop, e.g. a handler feeding its own queue) arcs below both nodes. */
function pathFor(props: EdgeProps<FlowEdge>): [string, number, number] {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  if (targetX < sourceX - 10) {
    const dip = 90 + Math.min(120, Math.abs(sourceX - targetX) * 0.12);
    const path = `M${sourceX},${sourceY} C${sourceX + 90},${sourceY + dip} ${targetX - 90},${targetY + dip} ${targetX},${targetY}`;
    return [path, (sourceX + targetX) / 2, (sourceY + targetY) / 2 + dip * 0.75];
  }
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return [path, labelX, labelY];
}

function FlowEdgeView(props: EdgeProps<FlowEdge>) {
  const t = useT();
  const [path, labelX, labelY] = pathFor(props);
  const edge = props.data?.edge;
  const routeLabel = useRouteLabel(edge);
  const label = [edge ? edgeLabel(t, edge) : '', routeLabel].filter(Boolean).join(' · ');
  const failure = edge?.when === 'failure';
  const className = `ef-edge${props.selected ? ' is-selected' : ''}${props.data?.highlighted ? ' is-highlighted' : ''}`;
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} className={className} interactionWidth={18} />
      {label && (
        <EdgeLabelRenderer>
          <div className={`ef-edge-label nodrag nopan${props.selected ? ' is-selected' : ''}${failure ? ' is-failure' : ''}`} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
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
