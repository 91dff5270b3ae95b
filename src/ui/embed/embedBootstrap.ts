// Startup of the embedded player: the scenario comes from the share fragment only (kept in the address
// so a reload shows it again); the autosave is neither read nor written, so a player never touches the app's work.
import { useAppStore } from '../../store/store';
import { decodeShareFragment } from '../files/shareCodec';
import { layoutIfNeeded } from '../files/layout';

/** Loads the fragment's scenario; false when there is none or it is damaged or invalid. */
export async function bootstrapEmbed(): Promise<boolean> {
  const store = useAppStore.getState();
  const lang = new URLSearchParams(window.location.search).get('lang');
  // ?lang= applies to this player only: the app's saved language is left as it is
  const language = lang === 'zh' || lang === 'en' ? lang : store.language;
  useAppStore.setState({ language });
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  const decoded = decodeShareFragment(window.location.hash);
  if (decoded.kind !== 'ok') return false;
  store.resetDocument(await layoutIfNeeded(decoded.scenario));
  return true;
}
