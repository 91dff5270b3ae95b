// Top bar: brand and scenario name, file actions, undo/redo, language.
import { ScenarioTitle } from './editor/ScenarioTitle';
import { HistoryButtons } from './editor/HistoryButtons';
import { FileButtons } from './files/FileButtons';
import { LanguageSelect } from './LanguageSelect';
import { useT } from './i18n';
import { LessonsButton } from './lessons/LessonsDialog';

export function TopBar() {
  const t = useT();
  return (
    <header className="topbar">
      <h1 className="brand" title={t('app.tagline')}>
        <span className="brand-mark" aria-hidden="true">⇶</span>
        <span className="brand-name">{t('app.name')}</span>
      </h1>
      <ScenarioTitle />
      <div className="topbar-group">
        <FileButtons />
      </div>
      <div className="topbar-group">
        <HistoryButtons />
      </div>
      <div className="topbar-group">
        <LessonsButton />
      </div>
      <div className="topbar-spacer" />
      <LanguageSelect />
    </header>
  );
}
