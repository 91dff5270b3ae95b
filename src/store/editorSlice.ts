// Transient editor state: selection, hover highlight. Never undoable. (Owned by the editor work.)
import type { SliceCreator } from './store';

export interface EditorSlice {
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  /** ids highlighted on the canvas, e.g. while hovering a member of the Model panel */
  highlightIds: string[];
  select: (nodeIds: string[], edgeIds?: string[]) => void;
  setHighlight: (ids: string[]) => void;
}

export const createEditorSlice: SliceCreator<EditorSlice> = (set) => ({
  selectedNodeIds: [],
  selectedEdgeIds: [],
  highlightIds: [],
  select: (nodeIds, edgeIds = []) => set({ selectedNodeIds: nodeIds, selectedEdgeIds: edgeIds }),
  setHighlight: (ids) => set({ highlightIds: ids }),
});
