// Duplicate and Delete for what is selected, as buttons (the same as Ctrl/Cmd+D and Delete).
import { deleteSelectionAction, duplicateAction } from '../editor/actions';
import { useT } from '../i18n';

export function SelectionActions({ edge = false }: { edge?: boolean }) {
  const t = useT();
  return (
    <div className="ef-button-row ef-selection-actions">
      {!edge && (
        <button type="button" onClick={duplicateAction} aria-keyshortcuts="Control+D Meta+D">{t('editor.inspector.duplicate')}</button>
      )}
      <button type="button" className="ef-danger" onClick={deleteSelectionAction} aria-keyshortcuts="Delete">{t('editor.inspector.delete')}</button>
    </div>
  );
}
