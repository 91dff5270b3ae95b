// The files area's transient state (dialogs, the example note) as the files components use it: a view
// of the app store's files slice (src/store/filesSlice.ts), plus the in-app "replace your work?" question.
import type { FilesUiState } from '../../store/filesSlice';
import { useAppStore } from '../../store/store';

export type { ConfirmRequest, ExampleNote } from '../../store/filesSlice';

/** `useFilesUi(selector)` in components; `useFilesUi.getState()` / `.setState(patch)` elsewhere. */
export const useFilesUi = Object.assign(<T>(selector: (state: FilesUiState) => T): T => useAppStore((s) => selector(s.files)), {
  getState: (): FilesUiState => useAppStore.getState().files,
  setState: (patch: Partial<FilesUiState>): void => useAppStore.getState().setFilesUi(patch),
});

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
