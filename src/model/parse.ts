// Reads a scenario file: JSON text or a parsed value -> a valid, migrated Scenario, or every problem
// at once, each with its JSON path. Never throws; used by Import, the share link, autosave and the CLI.
import { MAX_TEXT_CHARS } from './bounds';
import { issuesToProblems } from './issues';
import { isObject, type JsonValue } from './json';
import { CURRENT_VERSION, migrate } from './migrate';
import { isExtensionKey, toPlainJson } from './plain';
import { finishProblems, printable, type RawProblem } from './problems';
import { scenarioSchema } from './schema';
import type { ParseResult, Problem, Scenario } from './types';
import { validateScenario } from './validate';

export { formatProblems } from './problems';

/** At most this many problems are listed; the rest are summed up in one last line. */
export const MAX_LISTED_PROBLEMS = 500;

const FORMAT = 'eventflow-scenario';

function fail(doc: unknown, raws: RawProblem[]): ParseResult {
  const problems = finishProblems(doc, raws);
  if (problems.length <= MAX_LISTED_PROBLEMS) return { ok: false, problems };
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS - 1);
  const message = `and ${problems.length - listed.length} more problems`;
  return { ok: false, problems: [...listed, { path: '$', message, text: `$: ${message}` }] };
}

/** Puts the file's `x-` keys back into the checked data (zod drops what it does not know): each
 *  object of `data` gets the extension keys of the same object in `full`, after its own keys. */
function putBackExtensions(data: unknown, full: JsonValue): void {
  if (Array.isArray(data) && Array.isArray(full)) {
    data.forEach((item, index) => putBackExtensions(item, full[index]));
  } else if (isObject(data) && isObject(full)) {
    for (const key of Object.keys(full)) {
      if (isExtensionKey(key)) data[key] = full[key];
      else if (Object.hasOwn(data, key)) putBackExtensions(data[key], full[key]);
    }
  }
}

function parseChecked(value: unknown): ParseResult {
  const plain = toPlainJson(value);
  if (plain.fatal) return fail(value, plain.problems);
  const full = plain.full;
  if (!isObject(full)) {
    return fail(full, [{ path: [], message: 'not an EventFlow scenario file (expected a JSON object with "format": "eventflow-scenario")' }]);
  }
  if (full.format !== FORMAT) {
    const message = full.format === undefined
      ? `not an EventFlow scenario file (no "format": "${FORMAT}")`
      : full.format === 'eventflow-report'
        ? 'not an EventFlow scenario file: this is a run report (open the scenario it was made from)'
        : `not an EventFlow scenario file (format must be "${FORMAT}")`;
    return fail(full, [{ path: ['format'], message }]);
  }
  const version = full.version === undefined ? 0 : full.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return fail(full, [{ path: ['version'], message: `must be a whole number (this EventFlow reads version ${CURRENT_VERSION})` }]);
  }
  if (version > CURRENT_VERSION) {
    return fail(full, [{ path: ['version'], message: `made by a newer version of EventFlow (version ${version}); this one reads version ${CURRENT_VERSION}` }]);
  }
  let doc = full;
  let bare = plain.bare;
  if (version < CURRENT_VERSION) {
    const migrated = migrate(full, version);
    if (!migrated.ok) return fail(full, [{ path: ['version'], message: migrated.message }]);
    const again = toPlainJson(migrated.doc);
    if (again.fatal || !isObject(again.full)) return fail(full, [...again.problems, { path: ['version'], message: 'could not be migrated' }]);
    doc = again.full;
    bare = again.bare;
  }
  if (!isObject(bare)) return fail(doc, [{ path: [], message: 'not an EventFlow scenario file' }]);
  const raws: RawProblem[] = [...plain.problems];
  const checked = scenarioSchema.safeParse(bare);
  if (!checked.success) raws.push(...issuesToProblems(checked.error.issues, bare));
  raws.push(...validateScenario(bare));
  if (raws.length > 0 || !checked.success) return fail(version < CURRENT_VERSION ? doc : value, raws);
  const scenario: Scenario = checked.data;
  putBackExtensions(scenario, doc);
  return { ok: true, scenario };
}

/** Validates (and migrates) an already parsed value: the share link, autosave and the store use this. */
export function parseScenario(value: unknown): ParseResult {
  try {
    return parseChecked(value);
  } catch (error) {
    // A bug, or an exotic value (a Proxy that throws): still a problem, never an exception.
    return { ok: false, problems: [problem(`could not be read (${error instanceof Error ? error.message : String(error)})`.slice(0, 300))] };
  }
}

/** Where `position N` in a JSON.parse message falls, as `line L, column C`. */
function describeJsonError(text: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof RangeError) return 'not valid JSON (nested too deeply)';
  const match = /position (\d+)/.exec(reason);
  let where = '';
  if (match) {
    const position = Number(match[1]);
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    where = ` at line ${line}, column ${column}`;
  }
  const short = reason.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '').slice(0, 120);
  return `not valid JSON${where} (${short})`;
}

function problem(raw: string): Problem {
  const message = printable(raw);
  return { path: '$', message, text: `$: ${message}` };
}

/** Reads a file's text: size limit, JSON syntax, then parseScenario. */
export function parseScenarioText(text: string): ParseResult {
  if (typeof text !== 'string') return { ok: false, problems: [problem('not text')] };
  if (text.length > MAX_TEXT_CHARS) {
    return { ok: false, problems: [problem(`too large (${(text.length / 1048576).toFixed(1)} MB; at most ${MAX_TEXT_CHARS / 1048576} MB)`)] };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problems: [problem('the file is empty')] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { ok: false, problems: [problem(describeJsonError(body, error))] };
  }
  return parseScenario(value);
}
