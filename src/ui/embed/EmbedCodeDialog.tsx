// The embed code in a selectable field, for when the clipboard cannot be written. Escape closes.
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n';

export function EmbedCodeDialog({ code, onClose }: { code: string; onClose: () => void }) {
  const t = useT();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    fieldRef.current?.focus();
    fieldRef.current?.select();
    return () => previous?.focus?.();
  }, []);
  return createPortal(
    <div className="modal-backdrop">
      <div className="alert-dialog files-dialog" role="dialog" aria-modal="true" aria-labelledby="embed-code-title" onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } }}>
        <h2 id="embed-code-title">{t('embed.codeTitle')}</h2>
        <p>{t('embed.codeHint')}</p>
        <textarea ref={fieldRef} className="files-link-field" readOnly value={code} aria-label={t('embed.codeLabel')} rows={5} onFocus={(e) => e.currentTarget.select()} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>{t('lessons.close')}</button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
