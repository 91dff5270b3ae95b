// Pure translation: merged dictionaries per language, {placeholder} filling, locale number formatting.
import { common as enCommon } from './en/common';
import { editor as enEditor } from './en/editor';
import { run as enRun } from './en/run';
import { files as enFiles } from './en/files';
import { lessons as enLessons } from './en/lessons';
import { common as zhCommon } from './zh/common';
import { editor as zhEditor } from './zh/editor';
import { run as zhRun } from './zh/run';
import { files as zhFiles } from './zh/files';
import { lessons as zhLessons } from './zh/lessons';
import type { Language } from '../../store/uiSlice';

const en = { ...enCommon, ...enEditor, ...enRun, ...enFiles, ...enLessons };
export type MessageKey = keyof typeof en;
const zh: Record<MessageKey, string> = { ...zhCommon, ...zhEditor, ...zhRun, ...zhFiles, ...zhLessons };
const dictionaries: Record<Language, Record<MessageKey, string>> = { en, zh };

export type MessageVars = Record<string, string | number>;

export function translate(language: Language, key: MessageKey, vars?: MessageVars): string {
  const template = dictionaries[language][key] ?? en[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(language, value) : value;
  });
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Locale number formatting, e.g. 1,234.5 (en) / 1,234.5 (zh-CN); at most `digits` fraction digits. */
export function formatNumber(language: Language, value: number, digits = 1): string {
  const cacheKey = `${language}:${digits}`;
  let formatter = formatters.get(cacheKey);
  if (!formatter) {
    formatter = new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits });
    formatters.set(cacheKey, formatter);
  }
  return formatter.format(value);
}
