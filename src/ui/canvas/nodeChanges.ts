// Sorts React Flow's node changes into what the editor does with them: sizes measured, selection,
// positions while dragging (transient, never in the document) and positions at a drag's end (one commit).
import type { NodeChange } from '@xyflow/react';
import type { Position } from '../../model/types';
import type { FlowNode, Measured } from './flowModel';

export interface RoutedNodeChanges {
  measuredChanged: boolean;
  /** the new set of selected node ids, or null when the selection did not change */
  selection: string[] | null;
  /** positions of nodes being dragged right now */
  dragging: Map<string, Position>;
  /** positions at the end of a drag (or an arrow-key move): to commit as one `move` */
  finished: Map<string, Position> | null;
}

export function routeNodeChanges(changes: NodeChange<FlowNode>[], selectedNodeIds: string[], measured: Map<string, Measured>): RoutedNodeChanges {
  let measuredChanged = false;
  let selection: Set<string> | null = null;
  const dragging = new Map<string, Position>();
  let finished: Map<string, Position> | null = null;
  for (const change of changes) {
    if (change.type === 'dimensions' && change.dimensions) {
      const prev = measured.get(change.id);
      if (!prev || prev.width !== change.dimensions.width || prev.height !== change.dimensions.height) {
        measured.set(change.id, { width: change.dimensions.width, height: change.dimensions.height });
        measuredChanged = true;
      }
    } else if (change.type === 'select') {
      selection ??= new Set(selectedNodeIds);
      if (change.selected) selection.add(change.id);
      else selection.delete(change.id);
    } else if (change.type === 'position' && change.position) {
      if (change.dragging) dragging.set(change.id, change.position);
      else (finished ??= new Map()).set(change.id, change.position);
    }
  }
  return { measuredChanged, selection: selection ? [...selection] : null, dragging, finished };
}
