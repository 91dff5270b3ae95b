// Reads one file's text as YAML (JSON is YAML) into plain JSON with limits: size, aliases (a YAML
// "billion laughs" bomb is refused, never expanded), duplicate keys, nesting. Never throws.
import { parseDocument } from 'yaml';
import { toPlainJson } from '../model/plain';
import { problem } from './findings';
import type { Finding, Json } from './types';

/** Largest AsyncAPI file read (a document describing one application is a few kB). */
export const MAX_ASYNCAPI_BYTES = 5 * 1024 * 1024;
/** Most aliases (`*name`) one file may use: a bomb needs many. */
const MAX_ALIASES = 100;

export type ReadResult = { ok: true; value: Json } | { ok: false; findings: Finding[] };

export function readYaml(document: string, text: string): ReadResult {
  if (typeof text !== 'string') return { ok: false, findings: [problem(document, '$', 'not text')] };
  if (text.length > MAX_ASYNCAPI_BYTES) {
    const mb = (text.length / 1048576).toFixed(1);
    return { ok: false, findings: [problem(document, '$', `too large (${mb} MB; an AsyncAPI file may have at most ${MAX_ASYNCAPI_BYTES / 1048576} MB)`)] };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, findings: [problem(document, '$', 'the file is empty')] };
  try {
    const parsed = parseDocument(body, { uniqueKeys: true, prettyErrors: true, strict: true });
    if (parsed.errors.length > 0) {
      return { ok: false, findings: parsed.errors.slice(0, 20).map((error) => problem(document, '$', `not valid YAML or JSON: ${describe(error.message, error.code)}`)) };
    }
    const value: unknown = parsed.toJS({ maxAliasCount: MAX_ALIASES });
    const plain = toPlainJson(value);
    if (plain.fatal || plain.full === undefined) {
      return { ok: false, findings: plain.problems.map((p) => problem(document, [...p.path], p.message)) };
    }
    return { ok: true, value: plain.full };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const bomb = /alias/i.test(message);
    return { ok: false, findings: [problem(document, '$', bomb ? `refused: too many YAML aliases (more than ${MAX_ALIASES}, as in a "billion laughs" bomb)` : `could not be read (${message.slice(0, 200)})`)] };
  }
}

function describe(message: string, code: string): string {
  const first = message.split('\n')[0];
  if (code === 'DUPLICATE_KEY') return `duplicate key (${first})`;
  return first.slice(0, 200);
}
