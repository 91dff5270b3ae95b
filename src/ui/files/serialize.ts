// Scenario -> file text: spec field order, x- keys last, integer positions, 2-space indent, so two
// versions of a file diff cleanly in git. Also the compact form the share link carries, and file names.
import { isObject } from '../../model/json';
import type { Field } from '../../model/record/fields';
import { position as positionField } from '../../model/record/nodes';
import { scenario as scenarioRecord } from '../../model/record/scenario';
import type { Scenario } from '../../model/types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isExtension = (key: string) => key.startsWith('x-');

/** Known keys in `order`, then other keys, then x- keys (each group of leftovers sorted). */
function ordered(source: JsonObject, order: readonly string[], child: (key: string, value: Json) => Json = (_k, v) => v): JsonObject {
  const out: JsonObject = {};
  const put = (key: string) => {
    const value = source[key];
    if (value !== undefined) out[key] = isExtension(key) ? value : child(key, value);
  };
  for (const key of order) if (Object.hasOwn(source, key)) put(key);
  const rest = Object.keys(source).filter((key) => !order.includes(key)).sort();
  for (const key of rest.filter((k) => !isExtension(k))) put(key);
  for (const key of rest.filter(isExtension)) put(key);
  return out;
}

function position(value: JsonObject): JsonObject {
  const rounded = ordered(value, ['x', 'y']);
  for (const axis of ['x', 'y']) {
    const coordinate = rounded[axis];
    if (typeof coordinate === 'number' && Number.isFinite(coordinate)) rounded[axis] = Math.round(coordinate) + 0; // + 0 turns -0 into 0
  }
  return rounded;
}

/** Orders `value` as the record's `field` lays it out (the spec's field order), all the way down;
 *  values the record does not know are left as they are. */
function normalize(field: Field, value: Json): Json {
  if (Array.isArray(value)) return field.item ? value.map((item) => normalize(field.item as Field, item)) : value;
  if (!isObject(value) || !field.layout) return value;
  if (field.layout === positionField.layout) return position(value);
  const { order, fields } = field.layout(value);
  return ordered(value, order, (key, inner) => (Object.hasOwn(fields, key) ? normalize(fields[key], inner) : inner));
}

/** A copy of the scenario with keys in the file's stable order and positions rounded to integers. */
export function normalizeScenario(scenario: Scenario): Scenario {
  const plain = JSON.parse(JSON.stringify(scenario)) as JsonObject;
  return normalize(scenarioRecord, plain) as unknown as Scenario;
}

/** Objects and arrays of plain values this short stay on one line (`"position": { "x": 0, "y": 0 }`). */
const INLINE_MAX_CHARS = 72;

/** JSON with a 2-space indent where small leaf objects and arrays (positions, distributions) sit on one line. */
export function prettyJson(value: unknown, indent = ''): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  const entries: [string | null, unknown][] = Array.isArray(value)
    ? value.map((item) => [null, item])
    : Object.entries(value).filter(([, item]) => item !== undefined);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  const key = (name: string | null) => (name === null ? '' : `${JSON.stringify(name)}: `);
  const isLeaf = entries.every(([, item]) => typeof item !== 'object' || item === null);
  if (isLeaf) {
    const inner = entries.map(([name, item]) => `${key(name)}${JSON.stringify(item)}`).join(', ');
    const line = Array.isArray(value) ? `[${inner}]` : `{ ${inner} }`;
    if (line.length <= INLINE_MAX_CHARS) return line;
  }
  const deeper = `${indent}  `;
  const lines = entries.map(([name, item]) => `${deeper}${key(name)}${prettyJson(item, deeper)}`);
  return `${open}\n${lines.join(',\n')}\n${indent}${close}`;
}

/** The text of `NAME.eventflow.json`: stable key order, integer positions, 2-space indent, final newline. */
export function serializeScenario(scenario: Scenario): string {
  return `${prettyJson(normalizeScenario(scenario))}\n`;
}

/** The same content on one line (what the share link compresses). */
export function serializeCompact(scenario: Scenario): string {
  return JSON.stringify(normalizeScenario(scenario));
}

/** Characters no common file system accepts in a name, control characters, and invisible or
 *  direction-changing characters that could disguise a name (e.g. U+202E turning "txt.exe" around). */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+/g;
/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_NAME_CHARS = 100;

/** A filename-safe form of the scenario name (letters of every script kept, e.g. 用户注册). */
export function fileBaseName(name: string): string {
  const safe = name
    .normalize('NFC')
    .replace(UNSAFE, '-')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  const short = Array.from(safe).slice(0, MAX_NAME_CHARS).join('').replace(/[-.]+$/g, '');
  if (RESERVED.test(short)) return `${short}-scenario`;
  return short || 'scenario';
}

export const FILE_SUFFIX = '.eventflow.json';

export function scenarioFileName(scenario: Pick<Scenario, 'name'>): string {
  return `${fileBaseName(scenario.name)}${FILE_SUFFIX}`;
}
