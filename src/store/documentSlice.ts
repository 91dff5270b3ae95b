// The document being edited: the scenario itself plus its undo history. Every user action is one commit;
// commits sharing a `coalesce` key in a row (one drag, one typing session in a field) form one undo step.
import type { Scenario } from '../model/types';
import type { CommandId } from './commandIds';
import type { AppState, SliceCreator } from './store';
import { emptyScenario } from './emptyScenario';

const HISTORY_LIMIT = 200;

export interface CommitOptions {
  /** consecutive commits with the same key merge into one undo step */
  coalesce?: string;
  /** selection to set together with the change (e.g. the node just added) */
  select?: { nodeIds: string[]; edgeIds?: string[] };
}

export interface DocumentSlice {
  scenario: Scenario;
  /** grows on every document change; the run slice compares it to mark results stale */
  docVersion: number;
  past: Scenario[];
  future: Scenario[];
  /** the command of the last commit (for tests and debugging) */
  lastCommitLabel: CommandId | null;
  lastCoalesceKey: string | null;
  /** replace the scenario as one undoable step */
  commit: (next: Scenario, command: CommandId, options?: CommitOptions) => void;
  /** load a whole scenario (import, example, share link) as one undoable step */
  loadScenario: (next: Scenario) => void;
  /** start over: the scenario replaces the document and the history is cleared (restore at startup) */
  resetDocument: (next: Scenario) => void;
  undo: () => void;
  redo: () => void;
}

/** Drops selected ids that no longer exist in the scenario. */
function prunedSelection(state: AppState, scenario: Scenario): Partial<AppState> {
  const nodeIds = new Set(scenario.nodes.map((n) => n.id));
  const edgeIds = new Set(scenario.edges.map((e) => e.id));
  const selectedNodeIds = state.selectedNodeIds.filter((id) => nodeIds.has(id));
  const selectedEdgeIds = state.selectedEdgeIds.filter((id) => edgeIds.has(id));
  if (selectedNodeIds.length === state.selectedNodeIds.length && selectedEdgeIds.length === state.selectedEdgeIds.length) return {};
  return { selectedNodeIds, selectedEdgeIds };
}

export const createDocumentSlice: SliceCreator<DocumentSlice> = (set, get) => ({
  scenario: emptyScenario(),
  docVersion: 0,
  past: [],
  future: [],
  lastCommitLabel: null,
  lastCoalesceKey: null,
  commit: (next, label, options = {}) => {
    const state = get();
    const { scenario, past, docVersion, lastCoalesceKey } = state;
    const selection = options.select ? { selectedNodeIds: options.select.nodeIds, selectedEdgeIds: options.select.edgeIds ?? [] } : {};
    if (next === scenario) {
      if (options.select) set(selection);
      return;
    }
    const merge = options.coalesce !== undefined && options.coalesce === lastCoalesceKey && past.length > 0;
    const nextPast = merge ? past : [...past.slice(-HISTORY_LIMIT + 1), scenario];
    set({
      scenario: next,
      past: nextPast,
      future: [],
      docVersion: docVersion + 1,
      lastCommitLabel: label,
      lastCoalesceKey: options.coalesce ?? null,
      ...selection,
    });
    set(prunedSelection(get(), next));
  },
  loadScenario: (next) => {
    get().commit(next, 'load', { select: { nodeIds: [] } });
  },
  resetDocument: (next) => {
    set({ scenario: next, past: [], future: [], docVersion: get().docVersion + 1, lastCommitLabel: 'reset', lastCoalesceKey: null, selectedNodeIds: [], selectedEdgeIds: [] });
  },
  undo: () => {
    const { past, scenario, future, docVersion } = get();
    const previous = past[past.length - 1];
    if (!previous) return;
    set({ scenario: previous, past: past.slice(0, -1), future: [scenario, ...future], docVersion: docVersion + 1, lastCoalesceKey: null });
    set(prunedSelection(get(), previous));
  },
  redo: () => {
    const { past, scenario, future, docVersion } = get();
    const next = future[0];
    if (!next) return;
    set({ scenario: next, past: [...past, scenario], future: future.slice(1), docVersion: docVersion + 1, lastCoalesceKey: null });
    set(prunedSelection(get(), next));
  },
});
