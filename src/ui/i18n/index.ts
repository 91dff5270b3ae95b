// React access to translations: useT() re-renders on language change; t('key', { vars }).
import { useCallback } from 'react';
import { useAppStore } from '../../store/store';
import { formatNumber, translate, type MessageKey, type MessageVars } from './translate';

export type { MessageKey, MessageVars };
export { translate, formatNumber };

export type TFunction = (key: MessageKey, vars?: MessageVars) => string;

export function useT(): TFunction {
  const language = useAppStore((s) => s.language);
  return useCallback((key: MessageKey, vars?: MessageVars) => translate(language, key, vars), [language]);
}

export function useFormatNumber(): (value: number, digits?: number) => string {
  const language = useAppStore((s) => s.language);
  return useCallback((value: number, digits?: number) => formatNumber(language, value, digits), [language]);
}

/** Translates in the current language, for code outside React (actions, file handling, the run). */
export function tNow(key: MessageKey, vars?: MessageVars): string {
  return translate(useAppStore.getState().language, key, vars);
}
