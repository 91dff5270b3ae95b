// `$ref`s among the given files, in memory only: virtual paths, JSON pointers, and resolving a
// reference to the file and value it names. Nothing is ever fetched: http(s) refs are "offline".
import type { Json, JsonObject } from './types';

export const isObject = (value: Json | undefined): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/** `a/./b/../c.yaml` -> `a/c.yaml`; keeps a leading `/`. */
export function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(part);
  }
  return `${absolute ? '/' : ''}${out.join('/')}`;
}

const dirname = (path: string): string => {
  const at = path.lastIndexOf('/');
  return at === -1 ? '' : path.slice(0, at + 1);
};
export const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Decodes a JSON pointer (`/channels/user~1signedup`) into keys. */
export function pointerKeys(pointer: string): string[] | undefined {
  if (pointer === '' || pointer === '/') return [];
  if (!pointer.startsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pointer);
  } catch {
    decoded = pointer;
  }
  return decoded.slice(1).split('/').map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function valueAtPointer(root: Json, keys: readonly string[]): Json | undefined {
  let value: Json | undefined = root;
  for (const key of keys) {
    if (Array.isArray(value)) value = /^\d+$/.test(key) ? value[Number(key)] : undefined;
    else if (isObject(value)) value = Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
    else return undefined;
  }
  return value;
}

export interface FileSet {
  /** normalized path -> parsed value */
  byPath: Map<string, Json>;
}

export type RefTarget =
  | { ok: true; file: string; keys: string[]; value: Json }
  | { ok: false; reason: string; offline?: boolean };

/** Which given file a relative reference names: the exact path, else the only given file of that name
 *  (a dropped file carries no folder). */
export function findFile(files: FileSet, from: string, relative: string): string | undefined {
  const exact = normalizePath(`${dirname(from)}${relative}`);
  if (files.byPath.has(exact)) return exact;
  const name = basename(relative);
  const same = [...files.byPath.keys()].filter((path) => basename(path) === name);
  return same.length === 1 ? same[0] : undefined;
}

/** Resolves `ref` written in file `from`. */
export function resolveRef(files: FileSet, from: string, ref: string): RefTarget {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
    return { ok: false, offline: true, reason: `${JSON.stringify(ref)} is not fetched (EventFlow never reads the network); give the file it names instead` };
  }
  const hash = ref.indexOf('#');
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? '' : ref.slice(hash + 1);
  const file = filePart === '' ? from : findFile(files, from, filePart);
  if (file === undefined) return { ok: false, reason: `$ref ${JSON.stringify(ref)}: the file ${JSON.stringify(filePart)} was not given` };
  const keys = pointerKeys(pointer);
  if (keys === undefined) return { ok: false, reason: `$ref ${JSON.stringify(ref)}: not a JSON pointer after #` };
  const value = valueAtPointer(files.byPath.get(file) ?? null, keys);
  if (value === undefined) return { ok: false, reason: `$ref ${JSON.stringify(ref)}: nothing at ${JSON.stringify(pointer)} in ${basename(file)}` };
  return { ok: true, file, keys, value };
}

const MAX_REF_HOPS = 32;

/** Follows `{ $ref }` objects (a chain of them) from `value` in `file`; returns the final value and its file. */
export function deref(files: FileSet, file: string, value: Json | undefined): { ok: true; file: string; keys?: string[]; value: Json | undefined } | { ok: false; reason: string; offline?: boolean } {
  let current = value;
  let at = file;
  let keys: string[] | undefined;
  for (let hop = 0; hop < MAX_REF_HOPS; hop += 1) {
    if (!isObject(current) || typeof current.$ref !== 'string') return { ok: true, file: at, keys, value: current };
    const target = resolveRef(files, at, current.$ref);
    if (!target.ok) return target;
    at = target.file;
    keys = target.keys;
    current = target.value;
  }
  return { ok: false, reason: 'a $ref chain that loops or is longer than 32 hops' };
}
