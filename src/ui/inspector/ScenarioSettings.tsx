// Scenario settings, shown when nothing is selected: name, description, seed, stop time, warm-up,
// and the set-aside autosave (download / discard) when an earlier one could not be opened.
import { useState } from 'react';
import { useAppStore } from '../../store/store';
import { discardCorruptAutosave, readCorruptAutosave } from '../../store/persistence';
import { updateSettingsAction } from '../editor/actions';
import { useT } from '../i18n';
import { NumberField, Section, TextField } from './fields';

export function ScenarioSettings() {
  const t = useT();
  const name = useAppStore((s) => s.scenario.name);
  const description = useAppStore((s) => s.scenario.description);
  const seed = useAppStore((s) => s.scenario.seed);
  const stopAt = useAppStore((s) => s.scenario.stopAt);
  const warmup = useAppStore((s) => s.scenario.warmup);
  const nodeCount = useAppStore((s) => s.scenario.nodes.length);
  const edgeCount = useAppStore((s) => s.scenario.edges.length);
  return (
    <div className="ef-inspector-body">
      <header className="ef-inspector-head">
        <div className="ef-inspector-titles">
          <h2 className="ef-inspector-title">{t('editor.inspector.scenarioTitle')}</h2>
          <div className="ef-inspector-sub">{t('editor.inspector.scenarioCounts', { nodes: nodeCount, edges: edgeCount })}</div>
        </div>
      </header>
      <p className="ef-muted-note ef-inspector-tip">{t('editor.inspector.nothingSelected')}</p>
      <Section title={t('editor.inspector.general')}>
        <TextField label={t('editor.field.name')} value={name} required maxLength={200} onCommit={(v, c) => updateSettingsAction({ name: v }, `settings:${c}`)} />
        <TextField label={t('editor.field.description')} value={description} multiline maxLength={5000} onCommit={(v, c) => updateSettingsAction({ description: v }, `settings:${c}`)} />
      </Section>
      <Section title={t('editor.inspector.runSettings')}>
        <NumberField label={t('editor.field.seed')} value={seed} rule={{ min: 0, max: 4294967295, integer: true, optional: true }} placeholder="1" onCommit={(v, c) => updateSettingsAction({ seed: v }, `settings:${c}`)} hint={t('editor.field.seedHint')} />
        <NumberField label={t('editor.field.stopAt')} value={stopAt} sweep="/stopAt" rule={{ min: 0, minExclusive: true, optional: true }} placeholder={t('editor.field.stopAtNone')} onCommit={(v, c) => updateSettingsAction({ stopAt: v }, `settings:${c}`)} hint={t('editor.field.stopAtHint')} />
        <NumberField label={t('editor.field.warmup')} value={warmup} sweep="/warmup" rule={{ min: 0, optional: true }} placeholder="0" onCommit={(v, c) => updateSettingsAction({ warmup: v }, `settings:${c}`)} hint={t('editor.field.warmupHint')} />
      </Section>
      <SetAsideAutosave />
    </div>
  );
}

function SetAsideAutosave() {
  const t = useT();
  const [text, setText] = useState(() => readCorruptAutosave());
  if (!text) return null;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'autosave-set-aside.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div className="ef-aside-note" role="note">
      <p>{t('editor.autosave.asideNote')}</p>
      <div className="ef-button-row">
        <button type="button" onClick={download}>{t('editor.autosave.download')}</button>
        <button type="button" onClick={() => { discardCorruptAutosave(); setText(null); }}>{t('editor.autosave.discard')}</button>
      </div>
    </div>
  );
}
