// Undo / Redo buttons (shortcuts live in the canvas's keyboard hook) and New (asks first, in-app dialog).
import { useState } from 'react';
import { useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { newScenarioAction } from './actions';

export function HistoryButtons() {
  const t = useT();
  const canUndo = useAppStore((s) => s.past.length > 0);
  const canRedo = useAppStore((s) => s.future.length > 0);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" onClick={undo} disabled={!canUndo} title={t('editor.history.undoTitle')} aria-keyshortcuts="Control+Z Meta+Z">
        <span aria-hidden="true">↶ </span>{t('editor.history.undo')}
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} title={t('editor.history.redoTitle')} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z">
        <span aria-hidden="true">↷ </span>{t('editor.history.redo')}
      </button>
      <button type="button" onClick={() => setAsking(true)} title={t('editor.history.newTitle')}>
        {t('editor.history.new')}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('editor.newDialog.title')}
          body={t('editor.newDialog.body')}
          confirmLabel={t('editor.newDialog.confirm')}
          cancelLabel={t('editor.newDialog.cancel')}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            newScenarioAction();
          }}
        />
      )}
    </>
  );
}
