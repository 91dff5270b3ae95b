// Startup: which scenario the page opens with (a share link in the URL wins over the autosave), and
// the words for autosave problems the store reports.
import { onAutosaveProblem, restoreAutosave, startAutosave } from '../store/persistence';
import { useAppStore } from '../store/store';
import { loadShareLinkFromLocation } from './files/shareLink';
import { tNow } from './i18n';

export function bootstrapDocument(): void {
  const language = useAppStore.getState().language;
  useAppStore.getState().setLanguage(language);
  onAutosaveProblem((problem) => {
    const [title, body] = problem === 'corrupt'
      ? (['editor.autosave.corruptTitle', 'editor.autosave.corruptBody'] as const)
      : (['editor.autosave.failedTitle', 'editor.autosave.failedBody'] as const);
    useAppStore.getState().notify({ kind: 'alert', tone: 'error', title: tNow(title), lines: [tNow(body)] });
  });
  restoreAutosave();
  loadShareLinkFromLocation();
  startAutosave();
}
