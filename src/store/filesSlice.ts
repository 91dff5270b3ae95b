// Transient state of the files area (not the document, never undoable): the in-app confirm dialog,
// the share-link fallback dialog, the "link too long" dialog and the note of the example last loaded.
import type { SliceCreator } from './store';

export interface ConfirmRequest {
  /** what would replace the document, e.g. the example's or file's scenario name */
  incomingName: string;
  resolve: (ok: boolean) => void;
}

/** A text in both languages (an example's note). */
export interface BilingualText { en: string; zh: string }

export interface ExampleNote {
  name: string;
  notice: BilingualText;
  /** docVersion right after the example was loaded; the note hides once the document moves on */
  docVersion: number;
}

export interface FilesUiState {
  confirm: ConfirmRequest | null;
  /** a share link to show in a selectable field (clipboard unavailable) */
  linkToShow: string | null;
  /** length of a share link that was too long to offer */
  tooLongLength: number | null;
  exampleNote: ExampleNote | null;
  busy: boolean;
}

export interface FilesSlice {
  files: FilesUiState;
  setFilesUi: (patch: Partial<FilesUiState>) => void;
}

export const createFilesSlice: SliceCreator<FilesSlice> = (set, get) => ({
  files: { confirm: null, linkToShow: null, tooLongLength: null, exampleNote: null, busy: false },
  setFilesUi: (patch) => set({ files: { ...get().files, ...patch } }),
});
