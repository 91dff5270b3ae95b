// The files area's dialogs: "replace the current scenario?", the share link in a selectable field
// (when the clipboard is unavailable) and "too big for a link" with Export as the way out.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n';
import { exportScenarioFile } from './documentIo';
import { useFilesUi } from './filesUi';
import { MAX_LINK_CHARS } from './shareCodec';

function Dialog({ titleId, title, tone, onEscape, children }: { titleId: string; title: string; tone?: 'error'; onEscape: () => void; children: ReactNode }) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onEscape();
    }
  };
  return createPortal(
    <div className="modal-backdrop">
      <div className={`alert-dialog files-dialog${tone ? ` tone-${tone}` : ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}

function LinkDialog({ url }: { url: string }) {
  const t = useT();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    fieldRef.current?.focus();
    fieldRef.current?.select();
  }, []);
  const closeDialog = () => useFilesUi.setState({ linkToShow: null });
  return (
    <Dialog titleId="files-link-title" title={t('files.share.dialogTitle')} onEscape={closeDialog}>
      <p>{t('files.share.dialogHint')}</p>
      <textarea ref={fieldRef} className="files-link-field" readOnly value={url} aria-label={t('files.share.linkLabel')} rows={4} onFocus={(e) => e.currentTarget.select()} />
      <div className="dialog-actions">
        <button type="button" onClick={closeDialog}>{t('files.close')}</button>
      </div>
    </Dialog>
  );
}

export function FilesDialogs() {
  const t = useT();
  const confirm = useFilesUi((s) => s.confirm);
  const linkToShow = useFilesUi((s) => s.linkToShow);
  const tooLongLength = useFilesUi((s) => s.tooLongLength);

  if (confirm) {
    return (
      <Dialog titleId="files-confirm-title" title={t('files.confirm.title')} onEscape={() => confirm.resolve(false)}>
        <p className="files-dialog-text">{t('files.confirm.body', { name: confirm.incomingName })}</p>
        <div className="dialog-actions">
          <button type="button" autoFocus onClick={() => confirm.resolve(false)}>{t('files.confirm.cancel')}</button>
          <button type="button" className="primary" onClick={() => confirm.resolve(true)}>{t('files.confirm.replace')}</button>
        </div>
      </Dialog>
    );
  }
  if (linkToShow) return <LinkDialog url={linkToShow} />;
  if (tooLongLength !== null) {
    const closeDialog = () => useFilesUi.setState({ tooLongLength: null });
    return (
      <Dialog titleId="files-too-long-title" title={t('files.share.tooLongTitle')} onEscape={closeDialog}>
        <p className="files-dialog-text">{t('files.share.tooLong', { length: tooLongLength, max: MAX_LINK_CHARS })}</p>
        <div className="dialog-actions">
          <button type="button" onClick={closeDialog}>{t('files.close')}</button>
          <button type="button" className="primary" autoFocus onClick={() => { closeDialog(); exportScenarioFile(); }}>{t('files.share.exportInstead')}</button>
        </div>
      </Dialog>
    );
  }
  return null;
}
