// The document being edited: the scenario itself plus its undo history. Every change is one commit.
// (Owned by the editor work: commands, drag coalescing, etc. build on commit().)
import type { Scenario } from '../model/types';
import type { SliceCreator } from './store';
import { emptyScenario } from './emptyScenario';

const HISTORY_LIMIT = 200;

export interface DocumentSlice {
  scenario: Scenario;
  /** grows on every document change; the run slice compares it to mark results stale */
  docVersion: number;
  past: Scenario[];
  future: Scenario[];
  /** replace the scenario as one undoable step */
  commit: (next: Scenario, label: string) => void;
  /** load a whole scenario (import, example, share link) as one undoable step */
  loadScenario: (next: Scenario) => void;
  undo: () => void;
  redo: () => void;
}

export const createDocumentSlice: SliceCreator<DocumentSlice> = (set, get) => ({
  scenario: emptyScenario(),
  docVersion: 0,
  past: [],
  future: [],
  commit: (next) => {
    const { scenario, past, docVersion } = get();
    if (next === scenario) return;
    set({ scenario: next, past: [...past.slice(-HISTORY_LIMIT + 1), scenario], future: [], docVersion: docVersion + 1 });
  },
  loadScenario: (next) => get().commit(next, 'load'),
  undo: () => {
    const { past, scenario, future, docVersion } = get();
    const previous = past[past.length - 1];
    if (!previous) return;
    set({ scenario: previous, past: past.slice(0, -1), future: [scenario, ...future], docVersion: docVersion + 1 });
  },
  redo: () => {
    const { past, scenario, future, docVersion } = get();
    const next = future[0];
    if (!next) return;
    set({ scenario: next, past: [...past, scenario], future: future.slice(1), docVersion: docVersion + 1 });
  },
});
