// The Language combobox: English / 中文, remembered in localStorage.
import { useAppStore } from '../store/store';
import type { Language } from '../store/uiSlice';
import { useT } from './i18n';

export function LanguageSelect() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  return (
    <label className="language-select">
      <span className="visually-hidden">{t('language.label')}</span>
      <select aria-label={t('language.label')} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        <option value="en">{t('language.en')}</option>
        <option value="zh">{t('language.zh')}</option>
      </select>
    </label>
  );
}
