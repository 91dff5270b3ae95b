// JSON Pointers of experiments (RFC 6901): into the scenario file, where the segment after /nodes or /edges
// is an element's id (never an index), and into the run report. Parsing, escaping, reading and setting.
import type { Scenario } from '../model/types';

export type PathStep = string | number;

/** a pointer that cannot be used, with the words the user sees */
export interface PointerFault { ok: false; message: string }

export const escapeSegment = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** the pointer of a path of keys, e.g. ['nodes', 'h/1', 'utilization'] → '/nodes/h~11/utilization' */
export const pointerOf = (segments: readonly string[]): string => segments.map((s) => `/${escapeSegment(s)}`).join('');

/** splits a pointer into its unescaped segments; '' (the whole document) and a bad ~ escape are refused */
export function parsePointer(pointer: string): { ok: true; segments: string[] } | PointerFault {
  if (typeof pointer !== 'string' || pointer === '') return { ok: false, message: 'give a JSON Pointer to one field, e.g. /nodes/h/concurrency' };
  if (!pointer.startsWith('/')) return { ok: false, message: `a JSON Pointer starts with "/" (e.g. /nodes/h/concurrency), got "${pointer}"` };
  const segments = pointer.slice(1).split('/');
  for (const segment of segments) {
    if (/~(?![01])/.test(segment)) return { ok: false, message: `"~" in a JSON Pointer must be written ~0 (and "/" as ~1): "${pointer}"` };
  }
  return { ok: true, segments: segments.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isRecord = (value: unknown): value is Record<string, Json> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** where a scenario pointer leads: the path of keys and indices in the file, and the number found there (if any) */
export interface ScenarioTarget {
  ok: true;
  pointer: string;
  path: PathStep[];
  /** the number at the pointer, undefined when the field is left out (an optional field) */
  current: number | undefined;
}

/** fields that are not parameters of a sweep (the seed is set per replication) */
const NOT_PARAMETERS: Record<string, string> = {
  seed: 'the seed cannot be swept: replications already vary it (use --seed for the first replication\'s seed)',
  version: 'the file format version is not a parameter',
  format: 'the file format is not a parameter',
  experiment: 'the experiment settings are not a parameter of the scenario',
};

/** a canonical array index: 0, or digits without a leading zero */
const isIndex = (segment: string): boolean => /^(0|[1-9]\d{0,8})$/.test(segment);

/**
 * Resolves a sweep pointer in a scenario: every segment but the last must exist (an element by id after
 * /nodes and /edges, an index inside other arrays); the last must be a number or left out (an optional field
 * the file omits; the format then decides whether that field exists for the element's type).
 */
export function resolveScenarioPointer(scenario: Scenario, pointer: string): ScenarioTarget | PointerFault {
  const parsed = parsePointer(pointer);
  if (!parsed.ok) return parsed;
  const segments = parsed.segments;
  const refused = NOT_PARAMETERS[segments[0]];
  if (refused !== undefined) return { ok: false, message: `${pointer}: ${refused}` };
  let here: Json = scenario as unknown as Json;
  const path: PathStep[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const last = i === segments.length - 1;
    const where = pointerOf(segments.slice(0, i + 1));
    let next: Json | undefined;
    if (i === 1 && (segments[0] === 'nodes' || segments[0] === 'edges') && Array.isArray(here)) {
      const kind = segments[0] === 'nodes' ? 'node' : 'connection';
      const index = here.findIndex((element) => isRecord(element) && element.id === segment);
      if (index === -1) return { ok: false, message: `${pointer}: no ${kind} with id "${segment}" (after /${segments[0]} comes an id, not an index)` };
      if (last) return { ok: false, message: `${pointer}: points to a whole ${kind}, not to one of its numbers` };
      path.push(index);
      here = here[index];
      continue;
    }
    if (Array.isArray(here)) {
      if (!isIndex(segment) || Number(segment) >= here.length) return { ok: false, message: `${pointer}: ${where} is not an element of the list` };
      path.push(Number(segment));
      next = here[Number(segment)];
    } else if (isRecord(here)) {
      path.push(segment);
      next = Object.prototype.hasOwnProperty.call(here, segment) ? here[segment] : undefined;
    } else {
      return { ok: false, message: `${pointer}: ${pointerOf(segments.slice(0, i))} is a ${describe(here)}, it has no field "${segment}"` };
    }
    if (last) {
      if (next === undefined) return { ok: true, pointer, path, current: undefined };
      if (typeof next !== 'number') return { ok: false, message: `${pointer}: points to a ${describe(next)}, not to a number` };
      return { ok: true, pointer, path, current: next };
    }
    if (next === undefined) return { ok: false, message: `${pointer}: the file has no ${where}` };
    here = next;
  }
  return { ok: false, message: `${pointer}: points to nothing` };
}

function describe(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'group of fields';
  return typeof value === 'string' ? 'text' : typeof value;
}

/** a copy of the scenario with the number at `path` set; only the objects along the path are copied */
export function setAtPath(scenario: Scenario, path: readonly PathStep[], value: number): Scenario {
  const copy = (node: Json, depth: number): Json => {
    if (depth === path.length) return value;
    const step = path[depth];
    if (Array.isArray(node)) {
      const array = node.slice();
      array[step as number] = copy(node[step as number], depth + 1);
      return array;
    }
    const record = isRecord(node) ? node : {};
    const child = Object.prototype.hasOwnProperty.call(record, step) ? record[step as string] : null;
    return { ...record, [step]: copy(child, depth + 1) };
  };
  return copy(scenario as unknown as Json, 0) as unknown as Scenario;
}

/** the validation path (as Problem.path writes it, e.g. `nodes[2].service.mean`) of a file path */
export const problemPathOf = (path: readonly PathStep[]): string =>
  path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
