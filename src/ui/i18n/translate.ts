// Pure translation: merged dictionaries per language, {placeholder} filling, locale number formatting.
import { common as enCommon } from './en/common';
import { editor as enEditor } from './en/editor';
import { run as enRun } from './en/run';
import { files as enFiles } from './en/files';
import { commands as enCommands } from './en/commands';
import { reliability as enReliability } from './en/reliability';
import { asyncapi as enAsyncapi } from './en/asyncapi';
import { experiments as enExperiments } from './en/experiments';
import { seeing as enSeeing } from './en/seeing';
import { motion as enMotion } from './en/motion';
import { lessons as enLessons } from './en/lessons';
import { routing as enRouting } from './en/routing';
import { goals as enGoals } from './en/goals';
import { priority as enPriority } from './en/priority';
import { common as zhCommon } from './zh/common';
import { editor as zhEditor } from './zh/editor';
import { run as zhRun } from './zh/run';
import { files as zhFiles } from './zh/files';
import { commands as zhCommands } from './zh/commands';
import { reliability as zhReliability } from './zh/reliability';
import { asyncapi as zhAsyncapi } from './zh/asyncapi';
import { experiments as zhExperiments } from './zh/experiments';
import { seeing as zhSeeing } from './zh/seeing';
import { motion as zhMotion } from './zh/motion';
import { lessons as zhLessons } from './zh/lessons';
import { routing as zhRouting } from './zh/routing';
import { goals as zhGoals } from './zh/goals';
import { priority as zhPriority } from './zh/priority';
import type { Language } from '../../store/uiSlice';

const en = { ...enCommon, ...enEditor, ...enRun, ...enFiles, ...enCommands, ...enReliability, ...enAsyncapi, ...enExperiments, ...enSeeing, ...enMotion, ...enLessons, ...enRouting, ...enGoals, ...enPriority };
export type MessageKey = keyof typeof en;
const zh: Record<MessageKey, string> = { ...zhCommon, ...zhEditor, ...zhRun, ...zhFiles, ...zhCommands, ...zhReliability, ...zhAsyncapi, ...zhExperiments, ...zhSeeing, ...zhMotion, ...zhLessons, ...zhRouting, ...zhGoals, ...zhPriority };
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
