// Experiment flags of `npm run sim` (experiments.md), parsed apart from args.ts: splitExperimentArgs() takes
// them out of argv and leaves the single-run flags to parseArgs. Also `merge PART.json… [--json] [--csv OUT]`.
// Flag syntax errors are exit 1; what prepareExperiment refuses (pointer, values, counts) is exit 2 later.

export interface ExperimentFlags {
  /** --experiment: run the experiment saved in the file (flags given override its fields) */
  fromFile: boolean;
  replications?: number;
  jobs?: number;
  confidence?: number;
  sweep?: string;
  /** the --values text; parsed with the pointer so its problems name the pointer */
  values?: string;
  csvPath?: string;
  shard?: { index: number; count: number };
  precision?: number;
  precisionMetric?: string;
}

export type SplitResult = { ok: true; flags: ExperimentFlags | null; rest: string[] } | { ok: false; message: string };

export const EXPERIMENT_USAGE = `experiments (replications, sweeps, shards):
  npm run sim -- FILE --replications N [--jobs J] [--confidence C] [--json] [--csv OUT.csv]
  npm run sim -- FILE --replications N --sweep POINTER --values LIST [...]
  npm run sim -- FILE --experiment          run the experiment saved in the file
  npm run sim -- merge PART.json... [--json] [--csv OUT.csv]

  --replications N     independent runs per point, 2 ... 10000 (replication 0 is the single run)
  --jobs J             runs at once, one worker thread each (default: the number of CPUs)
  --confidence C       two-sided confidence level, 0.5 ... 0.999 (default 0.95)
  --sweep POINTER      the field to vary, e.g. /nodes/h/concurrency (an id after /nodes and /edges)
  --values LIST        1,2,4,8 or FROM:TO:STEP (inclusive, e.g. 0.5:0.95:0.05), at most 1000 values
  --csv OUT            one row per point and figure: value,metric,mean,halfWidth,lower,upper,stdDev,n
  --precision P        stop a point once the half-width is within P (e.g. 2%) of the mean, at least 5
                       and at most N replications
  --precision-metric M the figure --precision watches (default /latency/publishToDone/mean)
  --shard K/M          run the pairs (point, replication) numbered K mod M and print a part to merge

exit codes: 0 done, 2 an invalid file, pointer, value or count (nothing runs), 1 anything else`;

export const DEFAULT_PRECISION_METRIC = '/latency/publishToDone/mean';

const VALUE_FLAGS = new Set(['--replications', '--jobs', '--confidence', '--sweep', '--values', '--csv', '--shard', '--precision', '--precision-metric']);
const MAX_JOBS = 256;

function wholeNumber(name: string, text: string, min: number, max: number): number | string {
  if (!/^\d+$/.test(text.trim())) return `${name} must be a whole number, got "${text}"`;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : `${name} must be from ${min} to ${max}, got "${text}"`;
}

function decimal(name: string, text: string): number | string {
  const trimmed = text.trim();
  return /^(\d+(\.\d*)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : `${name} must be a decimal number, got "${text}"`;
}

function apply(flags: ExperimentFlags, name: string, value: string): string | undefined {
  switch (name) {
    case '--replications': {
      // the range (2 … 10,000) is checked with the rest of the experiment (exit 2); here only the syntax
      const parsed = wholeNumber(name, value, 0, Number.MAX_SAFE_INTEGER);
      if (typeof parsed === 'string') return parsed;
      flags.replications = parsed;
      return undefined;
    }
    case '--jobs': {
      const parsed = wholeNumber(name, value, 1, MAX_JOBS);
      if (typeof parsed === 'string') return parsed;
      flags.jobs = parsed;
      return undefined;
    }
    case '--confidence': {
      const parsed = decimal(name, value);
      if (typeof parsed === 'string') return parsed;
      if (!(parsed >= 0.5 && parsed <= 0.999)) return `--confidence must be from 0.5 to 0.999, got "${value}"`;
      flags.confidence = parsed;
      return undefined;
    }
    case '--precision': {
      const percent = value.trim().endsWith('%');
      const parsed = decimal(name, percent ? value.trim().slice(0, -1) : value);
      if (typeof parsed === 'string') return `--precision must be a percentage such as 2% (or a fraction such as 0.02), got "${value}"`;
      const relative = percent ? parsed / 100 : parsed;
      if (!(relative > 0 && relative <= 1)) return `--precision must be more than 0% and at most 100%, got "${value}"`;
      flags.precision = relative;
      return undefined;
    }
    case '--shard': {
      const match = /^(\d+)\/(\d+)$/.exec(value.trim());
      if (match === null) return `--shard must be K/M (K from 0 to M − 1), got "${value}"`;
      const index = Number(match[1]);
      const count = Number(match[2]);
      if (!(count >= 1 && count <= 1_000_000 && index < count)) return `--shard must be K/M with 0 ≤ K < M ≤ 1000000, got "${value}"`;
      flags.shard = { index, count };
      return undefined;
    }
    case '--sweep':
      flags.sweep = value;
      return undefined;
    case '--values':
      flags.values = value;
      return undefined;
    case '--csv':
      if (value === '') return '--csv needs a file name';
      flags.csvPath = value;
      return undefined;
    case '--precision-metric':
      flags.precisionMetric = value;
      return undefined;
    default:
      return `unknown option ${name}`;
  }
}

/** Takes the experiment flags out of argv (after `--` nothing is a flag); null flags when there are none. */
export function splitExperimentArgs(argv: readonly string[]): SplitResult {
  const rest: string[] = [];
  const flags: ExperimentFlags = { fromFile: false };
  let any = false;
  let ended = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (ended || !arg.startsWith('--')) {
      rest.push(arg);
      if (arg === '--') ended = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (name === '--experiment') {
      if (equals !== -1) return { ok: false, message: '--experiment takes no value' };
      flags.fromFile = true;
      any = true;
      continue;
    }
    if (!VALUE_FLAGS.has(name)) {
      rest.push(arg);
      continue;
    }
    let value: string;
    if (equals !== -1) value = arg.slice(equals + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    else return { ok: false, message: `${name} needs a value` };
    const fault = apply(flags, name, value);
    if (fault !== undefined) return { ok: false, message: fault };
    any = true;
  }
  if (!any) return { ok: true, flags: null, rest };
  if (!flags.fromFile && flags.replications === undefined) return { ok: false, message: 'experiment options need --replications N (or --experiment to use the file\'s)' };
  if ((flags.sweep === undefined) !== (flags.values === undefined) && !flags.fromFile) return { ok: false, message: '--sweep and --values go together' };
  if (flags.precisionMetric !== undefined && flags.precision === undefined) return { ok: false, message: '--precision-metric needs --precision' };
  if (flags.shard !== undefined && flags.precision !== undefined) return { ok: false, message: '--shard and --precision cannot go together (a shard runs a fixed set of replications)' };
  if (flags.shard !== undefined && flags.csvPath !== undefined) return { ok: false, message: '--csv cannot go with --shard (a part has no estimates yet: merge the parts, then write the CSV)' };
  if (rest.some((arg) => arg === '--messages' || arg.startsWith('--messages='))) return { ok: false, message: '--messages and --replications cannot go together (an experiment runs many times; export messages from a single run)' };
  return { ok: true, flags, rest };
}

export interface MergeOptions { parts: string[]; json: boolean; csvPath?: string }

/** `merge PART.json… [--json] [--csv OUT]` (argv after "merge") */
export function parseMergeArgs(argv: readonly string[]): { ok: true; options: MergeOptions } | { ok: false; message: string } {
  const parts: string[] = [];
  let json = false;
  let csvPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--csv' || arg.startsWith('--csv=')) {
      const value = arg === '--csv' ? argv[++i] : arg.slice(6);
      if (value === undefined || value === '') return { ok: false, message: '--csv needs a file name' };
      csvPath = value;
    } else if (arg.startsWith('--')) return { ok: false, message: `unknown option for merge: ${arg}` };
    else parts.push(arg);
  }
  if (parts.length === 0) return { ok: false, message: 'merge needs the part files: npm run sim -- merge PART.json...' };
  return { ok: true, options: { parts, json, ...(csvPath === undefined ? {} : { csvPath }) } };
}
