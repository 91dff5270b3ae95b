// The node's id (used in files, reports and problem lines): checked as typed, renamed with every
// reference on Enter or when leaving the field (not per keystroke, since the id names the node).
import { useId, useState } from 'react';
import { renameNode, renameRefusal } from '../../store/commands';
import { useAppStore } from '../../store/store';
import { useT } from '../i18n';

export function IdField({ id }: { id: string }) {
  const t = useT();
  const inputId = useId();
  const [draft, setDraft] = useState(id);
  const refusal = draft === id ? null : renameRefusal(useAppStore.getState().scenario, id, draft);
  const save = () => {
    const { scenario, commit } = useAppStore.getState();
    if (draft === id) return;
    if (renameRefusal(scenario, id, draft) !== null) return;
    commit(renameNode(scenario, id, draft), 'rename', { select: { nodeIds: [draft] } });
  };
  return (
    <div className={`ef-field${refusal ? ' has-error' : ''}`}>
      <label htmlFor={inputId}>{t('editor.field.id')}</label>
      <input
        id={inputId}
        type="text"
        value={draft}
        maxLength={64}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={refusal ? true : undefined}
        aria-describedby={`${inputId}-msg`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save();
          if (e.key === 'Escape') setDraft(id);
        }}
      />
      <div id={`${inputId}-msg`} className={refusal ? 'ef-field-error' : 'ef-field-hint'}>
        {refusal ? t(`editor.field.id.${refusal}`) : t('editor.field.idHint')}
      </div>
    </div>
  );
}
