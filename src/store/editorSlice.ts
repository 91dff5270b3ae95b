// Transient editor state: selection, hover highlight, viewport. Never undoable. (Owned by the editor work.)
import type { SliceCreator } from './store';

export interface Viewport { x: number; y: number; zoom: number }

export interface EditorSlice {
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  /** ids highlighted on the canvas, e.g. while hovering a member of the Model panel */
  highlightIds: string[];
  /** the canvas viewport, saved with the autosave; null = fit the drawing */
  viewport: Viewport | null;
  select: (nodeIds: string[], edgeIds?: string[]) => void;
  setHighlight: (ids: string[]) => void;
  setViewport: (viewport: Viewport) => void;
}

const EMPTY: string[] = [];

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

export const createEditorSlice: SliceCreator<EditorSlice> = (set, get) => ({
  selectedNodeIds: EMPTY,
  selectedEdgeIds: EMPTY,
  highlightIds: EMPTY,
  viewport: null,
  select: (nodeIds, edgeIds = EMPTY) => {
    const s = get();
    if (sameIds(s.selectedNodeIds, nodeIds) && sameIds(s.selectedEdgeIds, edgeIds)) return;
    set({ selectedNodeIds: nodeIds.length ? nodeIds : EMPTY, selectedEdgeIds: edgeIds.length ? edgeIds : EMPTY });
  },
  setHighlight: (ids) => {
    if (sameIds(get().highlightIds, ids)) return;
    set({ highlightIds: ids.length ? ids : EMPTY });
  },
  setViewport: (viewport) => set({ viewport }),
});
