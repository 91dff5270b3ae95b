// Alerts (a modal list of problems, e.g. a refused file) and toasts. Text only: never rendered as HTML.
import { useEffect, type KeyboardEvent } from 'react';
import { useAppStore } from '../store/store';
import { useT } from './i18n';

const TOAST_MS = 4000;

export function Notices() {
  const t = useT();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const alert = notices.find((n) => n.kind === 'alert');
  const toasts = notices.filter((n) => n.kind === 'toast');

  // keyed on the first toast's id, not the filtered array (a new array on every render would restart
  // the timer whenever the parent re-renders, e.g. on each run update, and the toast would never go)
  const firstToastId = toasts[0]?.id;
  useEffect(() => {
    if (firstToastId === undefined) return;
    const timer = setTimeout(() => dismiss(firstToastId), TOAST_MS);
    return () => clearTimeout(timer);
  }, [firstToastId, dismiss]);

  /** An alert is modal: Escape closes it and Tab stays on its only control. */
  const onAlertKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!alert) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      dismiss(alert.id);
    } else if (event.key === 'Tab') {
      event.preventDefault();
      event.currentTarget.querySelector<HTMLButtonElement>('.dialog-actions button')?.focus();
    }
  };

  return (
    <>
      {alert && (
        <div className="modal-backdrop">
          <div
            className={`alert-dialog tone-${alert.tone}`}
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="alert-title"
            onKeyDown={onAlertKeyDown}
          >
            <h2 id="alert-title">{alert.title}</h2>
            {alert.lines && alert.lines.length > 0 && (
              <ul className="alert-lines">
                {alert.lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
            <div className="dialog-actions">
              <button autoFocus onClick={() => dismiss(alert.id)}>{t('notice.close')}</button>
            </div>
          </div>
        </div>
      )}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast tone-${toast.tone}`}>
            <span>{toast.title}</span>
            <button className="toast-dismiss" aria-label={t('notice.dismiss')} onClick={() => dismiss(toast.id)}>×</button>
          </div>
        ))}
      </div>
    </>
  );
}
