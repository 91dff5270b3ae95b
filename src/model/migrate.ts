// Migrations of older scenario files to the current version: an ordered, append-only list of named
// steps. A released step is never edited; each released version has a fixture in ./fixtures/.
import { isObject, type JsonObject } from './json';

export const CURRENT_VERSION = 1;

export type { JsonObject };

export interface Migration {
  from: number;
  to: number;
  name: string;
  /** Returns a new document; must not throw on a malformed one (leave what it does not know). */
  up(doc: JsonObject): JsonObject;
}

/** Version 0 is the unreleased draft format (a file without `version`): handlers were called
 *  `consumer` nodes, and a consumer's pool size was `workers`. */
const consumersToHandlers: Migration = {
  from: 0,
  to: 1,
  name: 'consumer nodes become handler nodes; workers becomes concurrency',
  up(doc) {
    const nodes = Array.isArray(doc.nodes)
      ? doc.nodes.map((node) => {
          if (!isObject(node) || node.type !== 'consumer') return node;
          const { workers, ...rest } = node;
          const handler: JsonObject = { ...rest, type: 'handler' };
          if (workers !== undefined && rest.concurrency === undefined) handler.concurrency = workers;
          return handler;
        })
      : doc.nodes;
    return { ...doc, version: 1, ...(nodes === undefined ? {} : { nodes }) };
  },
};

/** Append new steps at the end; never edit or remove one that has been released. */
export const MIGRATIONS: readonly Migration[] = [consumersToHandlers];

export type MigrateResult = { ok: true; doc: JsonObject; applied: string[] } | { ok: false; message: string };

/** Brings `doc` from `version` to CURRENT_VERSION, step by step. */
export function migrate(doc: JsonObject, version: number): MigrateResult {
  let current = doc;
  let at = version;
  const applied: string[] = [];
  while (at < CURRENT_VERSION) {
    const step = MIGRATIONS.find((migration) => migration.from === at);
    if (!step) return { ok: false, message: `version ${at} is not one EventFlow ever wrote; this one reads version ${CURRENT_VERSION}` };
    try {
      current = step.up(current);
    } catch (error) {
      return { ok: false, message: `could not be brought from version ${at} to ${step.to} (${error instanceof Error ? error.message : String(error)})` };
    }
    applied.push(step.name);
    at = step.to;
  }
  return { ok: true, doc: { ...current, version: CURRENT_VERSION }, applied };
}
