// First pass over an untrusted value: is it plain JSON (no cycles, functions, NaN, class
// instances, prototype keys, absurd nesting)? Makes two safe copies: the whole document, and one
// without the `x-` extension keys that the schema checks. Never throws and never pollutes prototypes.
import { MAX_JSON_DEPTH } from './bounds';
import type { JsonValue } from './json';
import type { PathSegment, RawProblem } from './problems';

/** Keys refused everywhere, even inside extensions: they are how prototypes get polluted. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const isExtensionKey = (key: string): boolean => key.startsWith('x-');

export type { JsonValue };

export interface PlainResult {
  /** The document as plain JSON, extensions kept (undefined when the root itself is not JSON). */
  full: JsonValue | undefined;
  /** The same without any `x-` key: what the schema sees. */
  bare: JsonValue | undefined;
  problems: RawProblem[];
  /** True when the value is not JSON at all (cycle, function, class instance, too deep): check no further. */
  fatal: boolean;
}

/** Sets a key as an own data property, even `__proto__`, without touching any prototype. */
function define(target: Record<string, JsonValue>, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Checks and copies `value`; problems name the JSON path of whatever is not plain JSON. */
export function toPlainJson(value: unknown): PlainResult {
  const problems: RawProblem[] = [];
  const ancestors = new Set<object>();
  const path: PathSegment[] = [];
  let tooDeep = false;
  let fatal = false;

  const report = (message: string, isFatal = false): void => {
    problems.push({ path: [...path], message });
    if (isFatal) fatal = true;
  };

  // Returns [full, bare]; bare is undefined inside an extension (nothing there is schema-checked).
  const visit = (input: unknown, depth: number, inExtension: boolean): [JsonValue, JsonValue | undefined] | undefined => {
    switch (typeof input) {
      case 'string':
      case 'boolean':
        return [input, input];
      case 'number':
        if (!Number.isFinite(input)) report('must be a finite number');
        return [input, input];
      case 'object':
        break;
      default:
        report('must be a JSON value', true);
        return undefined;
    }
    if (input === null) return [null, null];
    if (depth > MAX_JSON_DEPTH) {
      if (!tooDeep) report(`nested too deeply (more than ${MAX_JSON_DEPTH} levels)`, true);
      tooDeep = true;
      return undefined;
    }
    if (ancestors.has(input)) {
      report('refers to itself (a circular reference)', true);
      return undefined;
    }
    if (!Array.isArray(input) && !isPlainObject(input)) {
      report('must be a JSON value', true);
      return undefined;
    }
    ancestors.add(input);
    try {
      if (Array.isArray(input)) {
        const full: JsonValue[] = [];
        const bare: JsonValue[] = [];
        for (let index = 0; index < input.length; index += 1) {
          path.push(index);
          const item = visit(input[index], depth + 1, inExtension);
          path.pop();
          full.push(item ? item[0] : null);
          bare.push(item && item[1] !== undefined ? item[1] : null);
        }
        return [full, inExtension ? undefined : bare];
      }
      const full: Record<string, JsonValue> = {};
      const bare: Record<string, JsonValue> = {};
      for (const key of Object.keys(input)) {
        path.push(key);
        const child: unknown = (input as Record<string, unknown>)[key];
        if (child === undefined) {
          path.pop(); // like JSON.stringify: an undefined property is absent
          continue;
        }
        if (FORBIDDEN_KEYS.has(key)) {
          report(`unknown key ${JSON.stringify(key)}`); // refused, dropped, and never looked into
          path.pop();
          continue;
        }
        const extension = inExtension || isExtensionKey(key);
        const item = visit(child, depth + 1, extension);
        path.pop();
        if (!item) continue;
        define(full, key, item[0]);
        if (!extension && item[1] !== undefined) define(bare, key, item[1]);
      }
      return [full, inExtension ? undefined : bare];
    } finally {
      ancestors.delete(input);
    }
  };

  let result: [JsonValue, JsonValue | undefined] | undefined;
  try {
    result = visit(value, 1, false);
  } catch (error) {
    // Getters that throw, proxies, exotic objects: whatever it was, it is not JSON data.
    const reason = error instanceof Error ? error.message : String(error);
    return { full: undefined, bare: undefined, problems: [{ path: [...path], message: `could not be read (${reason.slice(0, 200)})` }], fatal: true };
  }
  return { full: result?.[0], bare: result?.[1], problems, fatal };
}
