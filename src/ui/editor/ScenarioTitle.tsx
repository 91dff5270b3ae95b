// The scenario name in the top bar: shown as text, click (or Enter) to rename; Enter/blur saves, Escape cancels.
import { useState } from 'react';
import { useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { updateSettingsAction } from './actions';

export function ScenarioTitle() {
  const t = useT();
  const name = useAppStore((s) => s.scenario.name);
  const [draft, setDraft] = useState<string | null>(null);
  const valid = draft !== null && draft.trim().length >= 1 && draft.trim().length <= 200;
  const save = () => {
    if (draft !== null && valid && draft.trim() !== name) updateSettingsAction({ name: draft.trim() });
    setDraft(null);
  };
  if (draft !== null) {
    return (
      <input
        className="ef-title-input"
        aria-label={t('editor.title.label')}
        aria-invalid={!valid}
        value={draft}
        maxLength={200}
        autoFocus
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
    );
  }
  return (
    <button type="button" className="ef-title" title={name} aria-label={`${t('editor.title.edit')}: ${name}`} onClick={() => setDraft(name)}>
      <span className="ef-title-text">{name}</span>
      <span className="ef-title-pencil" aria-hidden="true">✎</span>
    </button>
  );
}
