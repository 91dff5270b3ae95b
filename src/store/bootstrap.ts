// Startup: which scenario the page opens with. A share link in the URL wins over the autosave.
import { loadShareLinkFromLocation } from '../ui/files/shareLink';
import { startAutosave, restoreAutosave } from './persistence';
import { useAppStore } from './store';

export function bootstrapDocument(): void {
  const language = useAppStore.getState().language;
  useAppStore.getState().setLanguage(language);
  restoreAutosave();
  loadShareLinkFromLocation();
  startAutosave();
}
