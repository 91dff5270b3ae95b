// Acts on document changes for the run (decisions in store/runHygiene.ts): New, Examples and Import
// clear the results; a structural edit while the run moves stops it and says so.
import { useEffect } from 'react';
import { afterDocumentChange } from '../../store/runHygiene';
import { useAppStore } from '../../store/store';
import { translate } from '../i18n';
import * as controller from './runController';

/** stops or clears the run for one document change; exported for the run session to carry over */
export function applyDocumentChange(): void {
  const state = useAppStore.getState();
  const action = afterDocumentChange({ label: state.lastCommitLabel, status: state.runStatus, meta: state.runMeta, scenario: state.scenario });
  if (action === 'clear') controller.reset();
  if (action === 'stop') {
    if (state.runStatus === 'running-to-end') controller.cancelRunToEnd();
    else controller.pause();
    state.notify({ kind: 'toast', tone: 'info', title: translate(state.language, 'seeing.runStopped') });
  }
}

export function useRunHygiene(): void {
  useEffect(() => {
    let docVersion = useAppStore.getState().docVersion;
    return useAppStore.subscribe((state) => {
      if (state.docVersion === docVersion) return;
      docVersion = state.docVersion;
      applyDocumentChange();
    });
  }, []);
}
