// The one zustand store, made of slices: document (undoable), editor (transient), run (results), ui (prefs),
// files (the files area's dialogs and notes).
// React reads it through selectors; non-React code uses useAppStore.getState().
import { create, type StateCreator } from 'zustand';
import { createDocumentSlice, type DocumentSlice } from './documentSlice';
import { createEditorSlice, type EditorSlice } from './editorSlice';
import { createFilesSlice, type FilesSlice } from './filesSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

export type AppState = DocumentSlice & EditorSlice & RunSlice & UiSlice & FilesSlice;
export type SliceCreator<T> = StateCreator<AppState, [], [], T>;

export const useAppStore = create<AppState>()((...args) => ({
  ...createDocumentSlice(...args),
  ...createEditorSlice(...args),
  ...createRunSlice(...args),
  ...createUiSlice(...args),
  ...createFilesSlice(...args),
}));
