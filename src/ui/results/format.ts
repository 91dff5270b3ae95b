// Number formatting for result tables: times in ms with sensible precision, rates, percentages, counts;
// units come from the locale files (e.g. "12.4 ms" / "12.4 毫秒").
import { formatNumber, translate } from '../i18n';
import type { Language } from '../../store/uiSlice';

/** digits after the point for a time: more for small values so 0.042 ms does not read as 0 */
export function msDigits(valueMs: number): number {
  const size = Math.abs(valueMs);
  if (size === 0 || size >= 100) return 1;
  if (size >= 1) return 2;
  return 3;
}

/** a time's number without its unit; '–' when there is none */
export function formatMsNumber(language: Language, valueMs: number | null | undefined): string {
  if (valueMs === null || valueMs === undefined || !Number.isFinite(valueMs)) return '–';
  return formatNumber(language, valueMs, msDigits(valueMs));
}

export function formatMs(language: Language, valueMs: number | null | undefined): string {
  if (valueMs === null || valueMs === undefined || !Number.isFinite(valueMs)) return '–';
  return translate(language, 'unit.ms', { value: formatMsNumber(language, valueMs) });
}

export function formatCount(language: Language, value: number): string {
  return formatNumber(language, value, 0);
}

export function formatPercent(language: Language, fraction: number): string {
  return translate(language, 'unit.percent', { value: formatNumber(language, fraction * 100, 1) });
}

export function formatRateNumber(language: Language, perSecond: number): string {
  return formatNumber(language, perSecond, perSecond >= 100 ? 0 : 1);
}

export function formatRate(language: Language, perSecond: number): string {
  return translate(language, 'unit.perSecond', { value: formatRateNumber(language, perSecond) });
}
