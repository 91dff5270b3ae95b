// Top-bar file actions: Examples, Import (file picker), Export (+ PNG/SVG menu), Share link,
// and the dialogs they may open.
import { useRef, type ChangeEvent } from 'react';
import { useAppStore } from '../../store/store';
import { translate, useT } from '../i18n';
import { download, exportScenarioFile, importFile, markSaved } from './documentIo';
import { FilesDialogs } from './FilesDialogs';
import { useFilesUi } from './filesUi';
import { GalleryMenu } from './GalleryMenu';
import { dataUrlToBlob, renderDiagram, type ImageKind } from './imageExport';
import { fileBaseName, scenarioFileName } from './serialize';
import { shareScenario } from './shareCodec';
import { useMenu } from './useMenu';
import { AsyncApiDialogSlot, exportAsyncApi, importFiles } from '../asyncapi/entry';
import { ShareMenu } from '../embed/ShareMenu';
import './files.css';

const DROPZONE_SELECTOR = '[data-files-dropzone]';

/** Downloads the diagram as NAME.png / NAME.svg; says so when there is nothing to draw. */
export async function exportImage(kind: ImageKind): Promise<void> {
  const store = useAppStore.getState();
  const t = (key: 'files.export.emptyDiagram' | 'files.export.imageFailed') => store.notify({ kind: 'toast', tone: 'error', title: translate(store.language, key) });
  const root = document.querySelector(DROPZONE_SELECTOR) ?? document;
  try {
    const dataUrl = await renderDiagram(root, kind);
    if (!dataUrl) return t('files.export.emptyDiagram');
    download(await dataUrlToBlob(dataUrl), `${fileBaseName(store.scenario.name)}.${kind}`);
  } catch (error) {
    console.error(error);
    t('files.export.imageFailed');
  }
}

function ExportMenu() {
  const t = useT();
  const menu = useMenu();
  const scenarioName = useAppStore((s) => s.scenario.name);
  const image = (kind: ImageKind) => {
    menu.close();
    void exportImage(kind);
  };
  return (
    <div className="files-menu-anchor files-split">
      <button type="button" title={t('files.export.title', { file: scenarioFileName({ name: scenarioName }) })} onClick={() => exportScenarioFile()}>
        {t('files.export')}
      </button>
      <button
        type="button"
        ref={menu.buttonRef}
        className="files-split-more"
        aria-label={t('files.export.more')}
        title={t('files.export.more')}
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
        <div className="files-popover files-export-menu" ref={menu.popupRef} role="menu" aria-label={t('files.export.menu')} onKeyDown={menu.onMenuKeyDown}>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => { menu.close(); exportScenarioFile(); }}>{t('files.export.file')}</button>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => image('png')}>{t('files.export.png')}</button>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => image('svg')}>{t('files.export.svg')}</button>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => { menu.close(); void exportAsyncApi(); }}>{t('asyncapi.export')}</button>
        </div>
      )}
    </div>
  );
}

export function FileButtons() {
  const t = useT();
  const inputRef = useRef<HTMLInputElement>(null);

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    void importFiles(files, importFile);
  };

  const share = async () => {
    const store = useAppStore.getState();
    const outcome = await shareScenario(store.scenario, window.location.href, navigator.clipboard);
    if (outcome.kind === 'too-long') {
      useFilesUi.setState({ tooLongLength: outcome.length });
      return;
    }
    markSaved(store.scenario);
    if (outcome.kind === 'copied') store.notify({ kind: 'toast', tone: 'success', title: t('files.share.copied') });
    else useFilesUi.setState({ linkToShow: outcome.url });
  };

  return (
    <div className="files-buttons" role="group" aria-label={t('files.toolbar')}>
      <GalleryMenu />
      <button type="button" title={t('files.import.title')} onClick={() => inputRef.current?.click()}>{t('files.import')}</button>
      <input ref={inputRef} type="file" accept=".json,.eventflow.json,application/json,.yaml,.yml" multiple className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={onFile} />
      <ExportMenu />
      <ShareMenu onShare={() => void share()} />
      <FilesDialogs />
      <AsyncApiDialogSlot />
    </div>
  );
}
