// Share link as a split button: the button copies the link; its menu also offers "Copy embed code"
// (an <iframe> snippet of the read-only player), shown in a field when the clipboard is unavailable.
import { useState } from 'react';
import { useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { useMenu } from '../files/useMenu';
import { embedSnippet } from './embedCode';
import { EmbedCodeDialog } from './EmbedCodeDialog';

export function ShareMenu({ onShare }: { onShare: () => void }) {
  const t = useT();
  const menu = useMenu();
  const [code, setCode] = useState<string | null>(null);
  const copyEmbed = async () => {
    menu.close();
    const store = useAppStore.getState();
    const snippet = embedSnippet(store.scenario, window.location.href, t('embed.player', { name: store.scenario.name }));
    try {
      await navigator.clipboard.writeText(snippet);
      store.notify({ kind: 'toast', tone: 'success', title: t('embed.copied') });
    } catch {
      setCode(snippet);
    }
  };
  return (
    <div className="files-menu-anchor files-split">
      <button type="button" title={t('files.share.title')} onClick={onShare}>{t('files.share')}</button>
      <button
        type="button"
        ref={menu.buttonRef}
        className="files-split-more"
        aria-label={t('share.more')}
        title={t('share.more')}
        aria-haspopup="menu"
        aria-expanded={menu.open}
        onClick={() => {
          menu.setOpen(!menu.open);
          if (!menu.open) requestAnimationFrame(() => menu.focusItem(0));
        }}
        onKeyDown={menu.onButtonKeyDown}
      >
        <span aria-hidden="true">▾</span>
      </button>
      {menu.open && (
        <div className="files-popover files-export-menu" ref={menu.popupRef} role="menu" aria-label={t('share.menu')} onKeyDown={menu.onMenuKeyDown}>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => { menu.close(); onShare(); }}>{t('files.share')}</button>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => void copyEmbed()}>{t('embed.copy')}</button>
        </div>
      )}
      {code !== null && <EmbedCodeDialog code={code} onClose={() => setCode(null)} />}
    </div>
  );
}
