// The files area's dialogs: "replace the current scenario?", the share link in a selectable field
// (when the clipboard is unavailable) and "too big for a link" with Export as the way out.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n';
import { exportScenarioFile } from './documentIo';
import { useFilesUi } from './filesUi';
import { MAX_LINK_CHARS } from './shareCodec';

const FOCUSABLE = 'button:not([disabled]), textarea, input, select, [tabindex]:not([tabindex="-1"])';

/** A modal dialog: Escape cancels, Tab stays inside, focus returns where it was when it closes. */
function Dialog({ titleId, title, tone, onEscape, children }: { titleId: string; title: string; tone?: 'error'; onEscape: () => void; children: ReactNode }) {
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    return () => previous?.focus?.();
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onEscape();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = Array.from(boxRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };
  return createPortal(
    <div className="modal-backdrop">
      <div ref={boxRef} className={`alert-dialog files-dialog${tone ? ` tone-${tone}` : ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
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
