// Share links in the address bar: opening one loads its scenario (asking before replacing unsaved work);
// a damaged or invalid link explains what is wrong and loads nothing. Also follows hashchange.
import { useAppStore } from '../../store/store';
import { tNow } from '../i18n';
import { replaceDocument, showProblems } from './documentIo';
import { decodeShareFragment, MAX_LINK_CHARS, MAX_UNPACKED_CHARS } from './shareCodec';

const t = tNow;

/** Removes the fragment from the address bar without reloading or firing hashchange. */
function clearFragment(): void {
  const url = new URL(window.location.href);
  url.hash = '';
  window.history.replaceState(window.history.state, '', url.href.replace(/#$/, ''));
}

/** Loads the scenario of a share link in the current address, if there is one. */
export async function loadShareLink(hash: string): Promise<boolean> {
  const decoded = decodeShareFragment(hash);
  if (decoded.kind === 'none') return false;
  clearFragment();
  if (decoded.kind === 'damaged') {
    showProblems(t('files.link.refused'), [t('files.link.damaged')]);
    return false;
  }
  if (decoded.kind === 'too-long') {
    showProblems(t('files.link.refused'), [t('files.link.tooLong', { length: decoded.length, max: MAX_LINK_CHARS })]);
    return false;
  }
  if (decoded.kind === 'too-big') {
    showProblems(t('files.link.refused'), [t('files.link.tooBig', { sizeMb: decoded.unpackedChars / 1024 / 1024, maxMb: MAX_UNPACKED_CHARS / 1024 / 1024 })]);
    return false;
  }
  if (decoded.kind === 'invalid') {
    showProblems(t('files.link.refused'), decoded.problems.map((problem) => problem.text));
    return false;
  }
  const loaded = await replaceDocument(decoded.scenario);
  if (loaded) useAppStore.getState().notify({ kind: 'toast', tone: 'success', title: t('files.link.opened', { name: decoded.scenario.name }) });
  return loaded;
}

let listening = false;

/** Startup (after the autosave restore): opens a share link in the URL, and from then on follows hashchange. */
export function loadShareLinkFromLocation(): void {
  if (typeof window === 'undefined') return;
  if (!listening) {
    listening = true;
    window.addEventListener('hashchange', () => void loadShareLink(window.location.hash));
  }
  void loadShareLink(window.location.hash);
}
