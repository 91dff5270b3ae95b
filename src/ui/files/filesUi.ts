// Transient state of the files area (not the document, never undoable): the in-app confirm dialog,
// the share-link fallback dialog, the "link too long" dialog and the note of the example last loaded.
import { create } from 'zustand';
import type { GalleryText } from './gallery';

export interface ConfirmRequest {
  /** what would replace the document, e.g. the example's or file's scenario name */
  incomingName: string;
  resolve: (ok: boolean) => void;
}

export interface ExampleNote {
  name: string;
  notice: GalleryText;
  /** docVersion right after the example was loaded; the note hides once the document moves on */
  docVersion: number;
}

interface FilesUiState {
  confirm: ConfirmRequest | null;
  /** a share link to show in a selectable field (clipboard unavailable) */
  linkToShow: string | null;
  /** length of a share link that was too long to offer */
  tooLongLength: number | null;
  exampleNote: ExampleNote | null;
  busy: boolean;
}

export const useFilesUi = create<FilesUiState>()(() => ({
  confirm: null,
  linkToShow: null,
  tooLongLength: null,
  exampleNote: null,
  busy: false,
}));

/** Asks (in-app dialog) whether to replace the current work; resolves false when declined. */
export function askToReplace(incomingName: string): Promise<boolean> {
  const previous = useFilesUi.getState().confirm;
  previous?.resolve(false);
  return new Promise((resolve) => {
    useFilesUi.setState({
      confirm: {
        incomingName,
        resolve: (ok) => {
          useFilesUi.setState({ confirm: null });
          resolve(ok);
        },
      },
    });
  });
}
