// Careful readers of a document that may still be invalid: each returns undefined rather than
// trusting a field's type. The cross-field rules (validate.ts, termination.ts) read the file through these.
import { isObject } from './json';
import { SENDS_TO, type NodeKind } from './record/nodes';
import type { Distribution } from './types';

export type Obj = Record<string, unknown>;

export const isObj = (value: unknown): value is Obj => isObject(value);
export const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The nodes or edges array, each item as an object (or undefined when it is not one). */
export const items = (doc: Obj, key: 'nodes' | 'edges'): (Obj | undefined)[] => list(doc[key]).map((item) => (isObj(item) ? item : undefined));

/** The mean of a distribution whose fields are valid, else undefined. A normal's negative draws are
 *  drawn again, so its mean is at least max(mean, sd·√(2/π)); that lower bound is what we return. */
export function distributionMeanMs(value: unknown): number | undefined {
  if (!isObj(value)) return undefined;
  const d = value as Partial<Record<string, unknown>> & { kind?: unknown };
  switch (d.kind as Distribution['kind'] | undefined) {
    case 'constant':
      return num(d.value);
    case 'exponential':
    case 'lognormal':
    case 'erlang':
      return num(d.mean);
    case 'uniform': {
      const min = num(d.min);
      const max = num(d.max);
      return min === undefined || max === undefined ? undefined : (min + max) / 2;
    }
    case 'normal': {
      const mean = num(d.mean);
      const sd = num(d.sd);
      return mean === undefined || sd === undefined ? undefined : Math.max(mean, sd * Math.sqrt(2 / Math.PI));
    }
    case 'empirical': {
      const values = list(d.values).map(num);
      if (values.length === 0 || values.some((v) => v === undefined)) return undefined;
      return (values as number[]).reduce((sum, v) => sum + v, 0) / values.length;
    }
    default:
      return undefined;
  }
}

/** True when every draw of the distribution is 0 (an absent distribution counts: latency defaults to 0). */
export function alwaysZero(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isObj(value)) return false;
  switch (value.kind) {
    case 'constant':
      return value.value === 0;
    case 'uniform':
      return value.max === 0;
    case 'normal':
      return value.mean === 0 && value.sd === 0;
    case 'empirical':
      return list(value.values).length > 0 && list(value.values).every((v) => v === 0);
    default:
      return false;
  }
}

export const isNodeType = (type: string): type is NodeKind => Object.hasOwn(SENDS_TO, type);

/** May a `source` node send to a `target` node (the node record's SENDS_TO)? */
export const canSend = (source: string, target: string): boolean => isNodeType(source) && (SENDS_TO[source] as readonly string[]).includes(target);

export interface NodeEntry { index: number; node: Obj; type: string }

/** Node id -> its first occurrence (a later duplicate is reported, not indexed). */
export function indexNodes(doc: Obj): Map<string, NodeEntry> {
  const byId = new Map<string, NodeEntry>();
  items(doc, 'nodes').forEach((node, index) => {
    const id = str(node?.id);
    if (node && id !== undefined && !byId.has(id)) byId.set(id, { index, node, type: str(node.type) ?? '' });
  });
  return byId;
}
