// Command-line arguments of `npm run sim`: FILE [--seed N] [--stop-at MS] [--json] [--messages OUT.csv] [--help].
// Pure parsing: returns the options or a message for the user; never exits or prints.
import { parseSloFlag, type Goal } from '../slo/slo';

export interface CliOptions {
  file: string;
  seed?: number;
  stopAtMs?: number;
  json: boolean;
  messagesPath?: string;
  /** --series OUT.csv|OUT.json and --bucket MS (architect.md "Time series") */
  seriesPath?: string;
  bucketMs?: number;
  /** --slo goals, in the order given (architect.md) */
  slo?: Goal[];
}

export type ArgsResult = { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'error'; message: string };

export const USAGE = `usage: npm run sim -- FILE.eventflow.json [--seed N] [--stop-at MS] [--json] [--messages OUT.csv]

  FILE              the scenario file to run
  --seed N          the random seed (integer 0 ... 4294967295); overrides the file's seed
  --stop-at MS      stop the run at this virtual time in ms (decimal, > 0, at most 1e12); overrides the file's stopAt
  --json            print the run report as JSON on stdout and nothing else
  --messages OUT    stream one CSV row per message copy to OUT:
                    id,event,root,node,publishedAt,readAt,doneAt,outcome,attempts,priority,key,partition,handler
                    (never the scenario file itself)
  --series OUT      write the run's time series to OUT: CSV rows t,node,metric,value, or JSON when
                    OUT ends in .json (depths, utilisation, counts, p50/p99 per bucket)
  --bucket MS       the series' bucket width (default: the smallest 1, 2 or 5 × 10^n ms ≥ end time / 200)
  --slo GOAL        a service-level objective, "POINTER<=VALUE" or "POINTER>=VALUE" (repeatable;
                    after the file's "slo"); the run exits 3 when any goal fails
  --help            show this help

exit codes: 0 done (every goal passes), 2 the file is unreadable or invalid, 3 a goal failed, 1 anything else`;

const MAX_SEED = 2 ** 32 - 1;
/** Largest --stop-at: the largest time a scenario file may hold (bounds.ts MAX_TIME_MS). */
const MAX_STOP_AT_MS = 1e12;
const VALUE_FLAGS = new Set(['--seed', '--stop-at', '--messages', '--slo', '--series', '--bucket']);

export interface DecimalRange {
  min: number;
  max: number;
  /** refuse fractions and exponents */
  integer?: boolean;
  /** min itself is not allowed (e.g. a stop time above 0) */
  minExclusive?: boolean;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DIGITS = /^\d+$/;

/** Parses a flag's number strictly: decimal only (no hex, binary, spaces, Infinity or NaN), within
 *  the range. Returns the number, or an error naming the flag. Reusable by every numeric flag. */
export function parseDecimalFlag(name: string, text: string, range: DecimalRange): number | { error: string } {
  const low = range.minExclusive ? `greater than ${range.min}` : `${range.min}`;
  const wanted = range.integer ? `an integer from ${range.min} to ${range.max}` : `a decimal number ${range.minExclusive ? low : `from ${low}`} up to ${range.max}`;
  const fail = { error: `${name} must be ${wanted}, got "${text}"` };
  if (!(range.integer ? DIGITS : DECIMAL).test(text)) return fail;
  const value = Number(text);
  if (!Number.isFinite(value) || value > range.max || value < range.min || (range.minExclusive && value === range.min)) return fail;
  return value;
}

/** Parses argv (without node and script). Accepts `--flag value` and `--flag=value`; `--` ends the flags. */
export function parseArgs(argv: readonly string[]): ArgsResult {
  const files: string[] = [];
  let json = false;
  let seed: number | undefined;
  let stopAtMs: number | undefined;
  let messagesPath: string | undefined;
  const slo: Goal[] = [];
  let seriesPath: string | undefined;
  let bucketMs: number | undefined;
  let flagsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (flagsEnded || !arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    if (arg === '--') {
      flagsEnded = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (name === '--json') {
      if (equals !== -1) return { kind: 'error', message: '--json takes no value' };
      json = true;
      continue;
    }
    if (!VALUE_FLAGS.has(name)) return { kind: 'error', message: `unknown option ${name}` };
    let value: string;
    if (equals !== -1) value = arg.slice(equals + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    else return { kind: 'error', message: `${name} needs a value` };
    if (name === '--seed') {
      const parsed = parseDecimalFlag(name, value, { min: 0, max: MAX_SEED, integer: true });
      if (typeof parsed !== 'number') return { kind: 'error', message: parsed.error };
      seed = parsed;
    } else if (name === '--stop-at') {
      const parsed = parseDecimalFlag(name, value, { min: 0, max: MAX_STOP_AT_MS, minExclusive: true });
      if (typeof parsed !== 'number') return { kind: 'error', message: parsed.error };
      stopAtMs = parsed;
    } else if (name === '--series') {
      if (value === '') return { kind: 'error', message: '--series needs a file name' };
      seriesPath = value;
    } else if (name === '--bucket') {
      const parsed = parseDecimalFlag(name, value, { min: 0, max: MAX_STOP_AT_MS, minExclusive: true });
      if (typeof parsed !== 'number') return { kind: 'error', message: parsed.error };
      bucketMs = parsed;
    } else if (name === '--slo') {
      const goal = parseSloFlag(value);
      if ('error' in goal) return { kind: 'error', message: goal.error };
      slo.push(goal);
    } else {
      if (value === '') return { kind: 'error', message: '--messages needs a file name' };
      messagesPath = value;
    }
  }
  if (files.length === 0) return { kind: 'error', message: 'no scenario file given' };
  if (bucketMs !== undefined && seriesPath === undefined) return { kind: 'error', message: '--bucket sets the width of --series buckets: give --series OUT too' };
  if (files.length > 1) return { kind: 'error', message: `one scenario file at a time, got ${files.length}: ${files.join(', ')}` };
  return { kind: 'run', options: { file: files[0], json, ...(seed === undefined ? {} : { seed }), ...(stopAtMs === undefined ? {} : { stopAtMs }), ...(messagesPath === undefined ? {} : { messagesPath }), ...(slo.length === 0 ? {} : { slo }), ...(seriesPath === undefined ? {} : { seriesPath }), ...(bucketMs === undefined ? {} : { bucketMs }) } };
}
