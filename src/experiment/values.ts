// The values of a sweep (experiments.md, --values): a list `1,2,4,8` or a range `FROM:TO:STEP` (inclusive),
// each range value rounded to the most decimals written in FROM or STEP, at most MAX_VALUES values.

export const MAX_VALUES = 1000;

/** a plain decimal number: optional minus, digits, optional fraction (no exponent, hex, spaces or Infinity) */
const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/;

export type ValuesResult = { ok: true; values: number[] } | { ok: false; message: string };

const decimalsOf = (text: string): number => {
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
};

function number(text: string, what: string): number | string {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return `${what} must be a decimal number, got "${text}"`;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : `${what} is too large, got "${text}"`;
}

/** FROM:TO:STEP → FROM + i × STEP for i = 0 … floor((TO − FROM) / STEP + 1e-9), each rounded (toFixed is exact) */
function parseRange(text: string): ValuesResult {
  const parts = text.split(':');
  if (parts.length !== 3) return { ok: false, message: `a range is FROM:TO:STEP (e.g. 0.5:0.95:0.05), got "${text}"` };
  const parsed = parts.map((part, i) => number(part, ['FROM', 'TO', 'STEP'][i]));
  for (const p of parsed) if (typeof p === 'string') return { ok: false, message: p };
  const [from, to, step] = parsed as number[];
  if (!(step > 0)) return { ok: false, message: `STEP must be greater than 0, got ${parts[2].trim()}` };
  if (from > to) return { ok: false, message: `FROM (${parts[0].trim()}) must not be greater than TO (${parts[1].trim()})` };
  const last = Math.floor((to - from) / step + 1e-9);
  if (last + 1 > MAX_VALUES) return { ok: false, message: `${text} gives ${last + 1} values; at most ${MAX_VALUES}` };
  const decimals = Math.min(100, Math.max(decimalsOf(parts[0].trim()), decimalsOf(parts[2].trim())));
  const values: number[] = [];
  for (let i = 0; i <= last; i++) values.push(Number((from + i * step).toFixed(decimals)));
  return { ok: true, values };
}

/** Parses --values (or the browser's values field). Duplicates are refused: a sweep has one point per value. */
export function parseValues(text: string): ValuesResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, message: 'give the values: a list such as 1,2,4,8 or a range FROM:TO:STEP such as 0.5:0.95:0.05' };
  let result: ValuesResult;
  if (text.includes(':')) {
    result = parseRange(text.trim());
  } else {
    const parts = text.split(',');
    if (parts.length > MAX_VALUES) return { ok: false, message: `${parts.length} values; at most ${MAX_VALUES}` };
    const values: number[] = [];
    for (const part of parts) {
      const value = number(part, 'each value');
      if (typeof value === 'string') return { ok: false, message: value };
      values.push(value);
    }
    result = { ok: true, values };
  }
  if (!result.ok) return result;
  return checkValues(result.values);
}

/** values from a file or another caller: finite numbers, at least one, at most MAX_VALUES, no value twice */
export function checkValues(values: readonly number[]): ValuesResult {
  if (values.length === 0) return { ok: false, message: 'give at least one value' };
  if (values.length > MAX_VALUES) return { ok: false, message: `${values.length} values; at most ${MAX_VALUES}` };
  const seen = new Set<number>();
  for (const value of values) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, message: `each value must be a finite number, got ${String(value)}` };
    const key = value === 0 ? 0 : value; // -0 and 0 are one value
    if (seen.has(key)) return { ok: false, message: `the value ${value} is given twice` };
    seen.add(key);
  }
  return { ok: true, values: values.map((v) => (v === 0 ? 0 : v)) };
}
