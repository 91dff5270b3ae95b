// Scenario -> file text: spec field order, x- keys last, integer positions, 2-space indent, so two
// versions of a file diff cleanly in git. Also the compact form the share link carries, and file names.
import type { Scenario } from '../../model/types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Field order of each object kind, as scenario-format.md lists the fields. */
const TOP_ORDER = ['format', 'version', 'name', 'description', 'seed', 'stopAt', 'warmup', 'nodes', 'edges', 'experiment'];
const NODE_COMMON = ['id', 'type', 'label', 'position'];
const NODE_ORDER: Record<string, string[]> = {
  publisher: [...NODE_COMMON, 'arrival', 'limit', 'start', 'end', 'event', 'keys'],
  topic: NODE_COMMON,
  queue: [...NODE_COMMON, 'capacity', 'overflow', 'ttl', 'deadLetter', 'partitions'],
  handler: [...NODE_COMMON, 'concurrency', 'service', 'failureRate', 'retry', 'outages', 'event'],
};
const EDGE_ORDER = ['id', 'source', 'target', 'latency', 'probability'];
/** Distributions and arrivals: `kind` first, then their parameters in the spec's order. */
const TAGGED_ORDER = ['kind', 'value', 'ratePerSecond', 'gap', 'size', 'every', 'times', 'k', 'mean', 'sd', 'min', 'max', 'values'];
const POSITION_ORDER = ['x', 'y'];
const RETRY_ORDER = ['maxAttempts', 'backoff'];
const OUTAGE_ORDER = ['start', 'end'];

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
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

const tagged = (value: Json): Json => (isObject(value) ? ordered(value, TAGGED_ORDER, (key, inner) => (key === 'gap' ? tagged(inner) : inner)) : value);

function position(value: Json): Json {
  if (!isObject(value)) return value;
  const rounded = ordered(value, POSITION_ORDER);
  for (const axis of POSITION_ORDER) {
    const coordinate = rounded[axis];
    if (typeof coordinate === 'number' && Number.isFinite(coordinate)) rounded[axis] = Math.round(coordinate) + 0; // + 0 turns -0 into 0
  }
  return rounded;
}

function node(value: Json): Json {
  if (!isObject(value)) return value;
  const order = NODE_ORDER[String(value.type)] ?? NODE_COMMON;
  return ordered(value, order, (key, inner) => {
    if (key === 'position') return position(inner);
    if (key === 'arrival' || key === 'service') return tagged(inner);
    if (key === 'retry' && isObject(inner)) return ordered(inner, RETRY_ORDER, (k, v) => (k === 'backoff' ? tagged(v) : v));
    if (key === 'outages' && Array.isArray(inner)) return inner.map((o) => (isObject(o) ? ordered(o, OUTAGE_ORDER) : o));
    return inner;
  });
}

const edge = (value: Json): Json => (isObject(value) ? ordered(value, EDGE_ORDER, (key, inner) => (key === 'latency' ? tagged(inner) : inner)) : value);

/** A copy of the scenario with keys in the file's stable order and positions rounded to integers. */
export function normalizeScenario(scenario: Scenario): Scenario {
  const plain = JSON.parse(JSON.stringify(scenario)) as JsonObject;
  const result = ordered(plain, TOP_ORDER, (key, value) => {
    if (key === 'nodes' && Array.isArray(value)) return value.map(node);
    if (key === 'edges' && Array.isArray(value)) return value.map(edge);
    return value;
  });
  return result as unknown as Scenario;
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
