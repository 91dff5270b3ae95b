// Field-level validation for inspector inputs: parse the typed text, check the rule, and say what is wrong
// (as a locale key + values). Only values that pass ever reach the model.
import type { MessageKey, MessageVars } from '../i18n';

export interface NumberRule {
  min?: number;
  /** min is excluded (value must be greater) */
  minExclusive?: boolean;
  max?: number;
  maxExclusive?: boolean;
  integer?: boolean;
  /** empty text means "not set" (undefined) */
  optional?: boolean;
}

export type FieldError = { key: MessageKey; vars?: MessageVars };
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: FieldError };

/** Reads a number as typed: digits with an optional decimal point; thousands separators and spaces are ignored. */
export function parseNumberText(text: string): number | null {
  const cleaned = text.replace(/[\s,_]/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

export function checkNumber(text: string, rule: NumberRule): Parsed<number | undefined> {
  if (text.trim() === '') return rule.optional ? { ok: true, value: undefined } : { ok: false, error: { key: 'editor.field.required' } };
  const value = parseNumberText(text);
  if (value === null) return { ok: false, error: { key: 'editor.field.notNumber' } };
  if (rule.integer && !Number.isInteger(value)) return { ok: false, error: { key: 'editor.field.integer' } };
  if (rule.min !== undefined) {
    if (rule.minExclusive ? value <= rule.min : value < rule.min) {
      return { ok: false, error: { key: rule.minExclusive ? 'editor.field.greaterThan' : 'editor.field.atLeast', vars: { min: rule.min } } };
    }
  }
  if (rule.max !== undefined) {
    if (rule.maxExclusive ? value >= rule.max : value > rule.max) {
      return { ok: false, error: { key: rule.maxExclusive ? 'editor.field.lessThan' : 'editor.field.atMost', vars: { max: rule.max } } };
    }
  }
  return { ok: true, value };
}

/** A list of numbers typed as `1, 2, 2, 10` (spaces or commas or semicolons between). */
export function checkNumberList(text: string, rule: NumberRule & { minCount?: number }): Parsed<number[]> {
  const parts = text.split(/[\s,;，；]+/).filter((p) => p.length > 0);
  if (parts.length < (rule.minCount ?? 1)) return { ok: false, error: { key: 'editor.field.listEmpty' } };
  const values: number[] = [];
  for (const part of parts) {
    const checked = checkNumber(part, { ...rule, optional: false });
    if (!checked.ok) return { ok: false, error: { key: 'editor.field.listItem', vars: { item: part } } };
    values.push(checked.value as number);
  }
  return { ok: true, value: values };
}

export function formatNumberText(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}
