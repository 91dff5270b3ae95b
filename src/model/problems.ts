// Problems with a scenario file: JSON paths as text, the node or edge id they name, and the order
// they are listed in (the order their paths appear in the document). Used by parse.ts and validate.ts.
import type { Problem } from './types';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** A problem before it is given its text: the path is still a list of segments. */
export interface RawProblem {
  path: Path;
  message: string;
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `["nodes", 2, "service", "mean"]` -> `nodes[2].service.mean`; the root is `$`. */
export function pathToString(path: Path): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `${text === '' ? '$' : ''}[${segment}]`;
    else if (PLAIN_KEY.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `${text === '' ? '$' : ''}[${JSON.stringify(segment)}]`;
  }
  return text === '' ? '$' : text;
}

/** An own property, or undefined; never throws (a getter that throws reads as absent). */
function own(value: unknown, key: PathSegment): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  try {
    return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<PathSegment, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}

function keysOf(value: object): string[] {
  try {
    return Object.keys(value);
  } catch {
    return [];
  }
}

/** The value at `path` inside `doc`, or undefined when it is absent. Reads own properties only. */
export function valueAt(doc: unknown, path: Path): unknown {
  let value = doc;
  for (const segment of path) value = own(value, segment);
  return value;
}

/** The id shown after `nodes[i]` / `edges[i]`: the element's string id, shortened when long. */
function elementId(doc: unknown, path: Path): string | undefined {
  if (path.length < 2 || (path[0] !== 'nodes' && path[0] !== 'edges') || typeof path[1] !== 'number') return undefined;
  const id = own(valueAt(doc, path.slice(0, 2)), 'id');
  if (typeof id !== 'string' || id === '') return undefined;
  return id.length > 64 ? `${id.slice(0, 63)}…` : id;
}

/** Control characters (C0, DEL, C1) and bidirectional overrides, which a terminal or a text
 *  view could act on, written as `\uXXXX` so a problem line is always plain text. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
export const printable = (text: string): string => text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Gives a raw problem its path text, id and printable line, e.g. `nodes[2] (h).service.mean: must be greater than 0`. */
export function finishProblem(doc: unknown, raw: RawProblem): Problem {
  const path = printable(pathToString(raw.path));
  const message = printable(raw.message);
  const id = elementId(doc, raw.path);
  if (id === undefined) return { path, message, text: `${path}: ${message}` };
  const head = pathToString(raw.path.slice(0, 2));
  return { path, id, message, text: `${head} (${printable(id)})${path.slice(head.length)}: ${message}` };
}

/** Sort keys of one path: array indices as they are, object keys by their place in the object
 *  (keys missing from the object, e.g. a required field, come after the ones present). */
function rankPath(doc: unknown, path: Path): number[] {
  const ranks: number[] = [];
  let value = doc;
  for (const segment of path) {
    if (typeof segment === 'number') ranks.push(segment);
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const keys = keysOf(value);
      const at = keys.indexOf(segment);
      ranks.push(at === -1 ? keys.length : at);
    } else ranks.push(0);
    value = own(value, segment);
  }
  return ranks;
}

function compareRanks(a: number[], b: number[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** Orders problems by where their paths appear in `doc` (a parent before its children), keeps the
 *  first problem of each path and message pair, and gives each its text. */
export function finishProblems(doc: unknown, raws: readonly RawProblem[]): Problem[] {
  const ranked = raws.map((raw, order) => ({ raw, order, ranks: rankPath(doc, raw.path) }));
  ranked.sort((a, b) => compareRanks(a.ranks, b.ranks) || a.order - b.order);
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const { raw } of ranked) {
    const problem = finishProblem(doc, raw);
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

/** One line per problem, as the command line prints them and the UI lists them. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((problem) => problem.text).join('\n');
}
