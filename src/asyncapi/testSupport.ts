// Test support: reads fixture folders as InputFiles, loads the Node parser once, canonical JSON.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ParserClass } from './officialParser';
import type { InputFile } from './types';

export const FIXTURES = join(__dirname, 'fixtures');

/** Every .yaml/.yml/.json file under `folder` (a fixtures sub-folder), paths relative to it. */
export function fixtureFiles(folder: string): InputFile[] {
  const root = join(FIXTURES, folder);
  const out: InputFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ya?ml|json)$/.test(name)) out.push({ path: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') });
    }
  };
  walk(root);
  return out;
}

let parser: Promise<ParserClass> | undefined;
export const loadNodeParser = (): Promise<ParserClass> => (parser ??= import('@asyncapi/parser').then((m) => m.Parser as unknown as ParserClass));

/** JSON with object keys sorted at every level, arrays in order (asyncapi.md's "canonical JSON"). */
export function canonical(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
    return v;
  };
  return JSON.stringify(sort(value));
}
