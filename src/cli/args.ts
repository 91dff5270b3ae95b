// Command-line arguments of `npm run sim`: FILE [--seed N] [--stop-at MS] [--json] [--messages OUT.csv] [--help].
// Pure parsing: returns the options or a message for the user; never exits or prints.

export interface CliOptions {
  file: string;
  seed?: number;
  stopAtMs?: number;
  json: boolean;
  messagesPath?: string;
}

export type ArgsResult = { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'error'; message: string };

export const USAGE = `usage: npm run sim -- FILE.eventflow.json [--seed N] [--stop-at MS] [--json] [--messages OUT.csv]

  FILE              the scenario file to run
  --seed N          the random seed (integer 0 ... 4294967295); overrides the file's seed
  --stop-at MS      stop the run at this virtual time in ms (> 0); overrides the file's stopAt
  --json            print the run report as JSON on stdout and nothing else
  --messages OUT    stream one CSV row per message copy to OUT:
                    id,event,root,node,publishedAt,readAt,doneAt,outcome,attempts
  --help            show this help

exit codes: 0 done, 2 the file is unreadable or invalid, 1 anything else`;

const MAX_SEED = 2 ** 32 - 1;
const VALUE_FLAGS = new Set(['--seed', '--stop-at', '--messages']);

function parseSeed(text: string): number | string {
  if (!/^\d+$/.test(text)) return `--seed must be an integer from 0 to ${MAX_SEED}, got "${text}"`;
  const seed = Number(text);
  return seed <= MAX_SEED ? seed : `--seed must be an integer from 0 to ${MAX_SEED}, got "${text}"`;
}

function parseStopAt(text: string): number | string {
  const trimmed = text.trim();
  const value = trimmed === '' ? NaN : Number(trimmed);
  return Number.isFinite(value) && value > 0 ? value : `--stop-at must be a number of ms greater than 0, got "${text}"`;
}

/** Parses argv (without node and script). Accepts `--flag value` and `--flag=value`; `--` ends the flags. */
export function parseArgs(argv: readonly string[]): ArgsResult {
  const files: string[] = [];
  let json = false;
  let seed: number | undefined;
  let stopAtMs: number | undefined;
  let messagesPath: string | undefined;
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
      const parsed = parseSeed(value);
      if (typeof parsed === 'string') return { kind: 'error', message: parsed };
      seed = parsed;
    } else if (name === '--stop-at') {
      const parsed = parseStopAt(value);
      if (typeof parsed === 'string') return { kind: 'error', message: parsed };
      stopAtMs = parsed;
    } else {
      if (value === '') return { kind: 'error', message: '--messages needs a file name' };
      messagesPath = value;
    }
  }
  if (files.length === 0) return { kind: 'error', message: 'no scenario file given' };
  if (files.length > 1) return { kind: 'error', message: `one scenario file at a time, got ${files.length}: ${files.join(', ')}` };
  return { kind: 'run', options: { file: files[0], json, ...(seed === undefined ? {} : { seed }), ...(stopAtMs === undefined ? {} : { stopAtMs }), ...(messagesPath === undefined ? {} : { messagesPath }) } };
}
