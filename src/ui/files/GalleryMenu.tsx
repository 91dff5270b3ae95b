// The Examples button and its menu: each example is a menuitem named by its scenario name (中文: x-gallery.name.zh); the panel
// beside the list shows the focused example's description, what to notice and its suggested speed.
import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/store';
import { useFormatNumber, useT } from '../i18n';
import { replaceDocument } from './documentIo';
import { useFilesUi } from './filesUi';
import { loadGallery, localizeExample, pick, type GalleryEntry } from './gallery';
import { useMenu } from './useMenu';

let galleryPromise: Promise<GalleryEntry[]> | null = null;

/** The gallery, fetched once per page (relative to the page, so it works under any base path). */
export function fetchGalleryOnce(): Promise<GalleryEntry[]> {
  galleryPromise ??= loadGallery(document.baseURI).catch((error: unknown) => {
    galleryPromise = null;
    throw error;
  });
  return galleryPromise;
}

/** Loads an example (asking before replacing unsaved work) and shows its "what to notice" note. */
export async function openExample(entry: GalleryEntry): Promise<boolean> {
  const scenario = localizeExample(entry.scenario, entry.meta, useAppStore.getState().language);
  const loaded = await replaceDocument(scenario, { speedPerSecond: entry.meta.speed });
  if (loaded) useFilesUi.setState({ exampleNote: { name: scenario.name, notice: entry.meta.notice, docVersion: useAppStore.getState().docVersion } });
  return loaded;
}

export function GalleryMenu() {
  const t = useT();
  const formatNumber = useFormatNumber();
  const language = useAppStore((s) => s.language);
  const menu = useMenu();
  const { open, setOpen, close, focusItem } = menu;
  const [entries, setEntries] = useState<GalleryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (!open || entries) return;
    let cancelled = false;
    fetchGalleryOnce().then(
      (loaded) => { if (!cancelled) { setEntries(loaded); setError(null); } },
      (failure: unknown) => { if (!cancelled) setError(failure instanceof Error ? failure.message : String(failure)); },
    );
    return () => { cancelled = true; };
  }, [open, entries]);

  useEffect(() => {
    if (open && entries) focusItem(active);
    // focus moves only when the menu opens or its items arrive
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, entries]);

  const choose = (entry: GalleryEntry) => {
    close(false);
    void openExample(entry);
  };

  const shown = entries?.[active];
  return (
    <div className="files-menu-anchor">
      <button
        type="button"
        ref={menu.buttonRef}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'files-gallery-menu' : undefined}
        title={t('files.examples.title')}
        onClick={() => setOpen(!open)}
        onKeyDown={menu.onButtonKeyDown}
      >
        {t('files.examples')} <span aria-hidden="true" className="files-caret">▾</span>
      </button>
      {open && (
        <div className="files-popover files-gallery" ref={menu.popupRef} onKeyDown={menu.onMenuKeyDown}>
          <div className="files-gallery-list">
            <div className="files-gallery-head muted">
              {entries ? t('files.examples.count', { count: entries.length }) : error ? t('files.examples.failed') : t('files.examples.loading')}
            </div>
            {error && <p className="files-gallery-error" role="alert">{error}</p>}
            <div role="menu" id="files-gallery-menu" aria-label={t('files.examples.menu')}>
              {entries?.map((entry, index) => (
                <button
                  key={entry.file}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className={index === active ? 'files-gallery-item active' : 'files-gallery-item'}
                  aria-describedby="files-gallery-detail"
                  onFocus={() => setActive(index)}
                  onMouseEnter={(event) => event.currentTarget.focus()}
                  onClick={() => choose(entry)}
                >
                  <span className="files-gallery-number" aria-hidden="true">{index + 1}</span>
                  {pick(entry.meta.name, language)}
                </button>
              ))}
            </div>
          </div>
          <div className="files-gallery-detail" id="files-gallery-detail">
            {shown && (
              <>
                <h3>{pick(shown.meta.title, language)}</h3>
                <p>{pick(shown.meta.description, language)}</p>
                {pick(shown.meta.notice, language) && (
                  <div className="files-gallery-notice">
                    <h4>{t('files.examples.notice')}</h4>
                    <p>{pick(shown.meta.notice, language)}</p>
                  </div>
                )}
                {shown.meta.speed !== undefined && <p className="muted files-gallery-speed">{t('files.examples.speed', { speed: formatNumber(shown.meta.speed, 0) })}</p>}
              </>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
