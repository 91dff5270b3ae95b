// From replications to estimates: the numeric leaves of a run report (keyed by JSON Pointer, in report order)
// and, per leaf, mean, sample standard deviation and the Student-t confidence interval (experiments.md).
import type { Report } from '../engine/types';
import { escapeSegment } from './pointer';
import { studentTQuantile } from './studentT';

/** one replication's leaves: pointer → number, or null where the report has null (e.g. a p99 of no messages) */
export type Leaves = Array<[pointer: string, value: number | null]>;

export interface Estimate {
  mean: number;
  halfWidth: number | null;
  lower: number | null;
  upper: number | null;
  stdDev: number | null;
  n: number;
}

/** t quantiles are the slow part of estimates (about 0.1 ms each): one per (confidence, ν) is enough */
const quantiles = new Map<string, number>();
function tQuantile(confidence: number, degreesOfFreedom: number): number {
  const key = `${confidence}/${degreesOfFreedom}`;
  let t = quantiles.get(key);
  if (t === undefined) {
    if (quantiles.size > 10_000) quantiles.clear();
    t = studentTQuantile(1 - (1 - confidence) / 2, degreesOfFreedom);
    quantiles.set(key, t);
  }
  return t;
}

/** top-level report keys that are not figures of the run */
const SKIPPED = new Set(['perf', 'version', 'seed', 'slo']);

/** Every numeric (or null) leaf of a run report except perf, version, seed and slo, in the report's own order. */
export function leavesOf(report: Report): Leaves {
  const leaves: Leaves = [];
  const walk = (value: unknown, pointer: string): void => {
    if (typeof value === 'number') {
      leaves.push([pointer, value]);
    } else if (value === null) {
      leaves.push([pointer, null]);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${pointer}/${i}`));
    } else if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) walk(item, `${pointer}/${escapeSegment(key)}`);
    }
  };
  for (const [key, value] of Object.entries(report)) {
    if (!SKIPPED.has(key)) walk(value, `/${escapeSegment(key)}`);
  }
  return leaves;
}

/**
 * The estimate of one figure over its replications, in replication order (null = missing). The sum runs in
 * replication order and the variance in a second pass, so the result has the same bits everywhere.
 * Undefined when no replication has a number.
 */
export function estimate(values: readonly (number | null)[], confidence: number): Estimate | undefined {
  let n = 0;
  let sum = 0;
  for (const value of values) {
    if (value !== null) {
      sum += value;
      n++;
    }
  }
  if (n === 0) return undefined;
  const mean = sum / n;
  if (n < 2) return { mean, halfWidth: null, lower: null, upper: null, stdDev: null, n };
  let squares = 0;
  for (const value of values) {
    if (value !== null) squares += (value - mean) * (value - mean);
  }
  const stdDev = Math.sqrt(squares / (n - 1));
  const halfWidth = (tQuantile(confidence, n - 1) * stdDev) / Math.sqrt(n);
  return { mean, halfWidth, lower: mean - halfWidth, upper: mean + halfWidth, stdDev, n };
}

/**
 * The estimates of one point: every leaf over the replications' leaves (in replication order), keyed by pointer
 * in the order the leaves first appear in replication 0, 1, 2, …; a leaf with no number in any replication is left out.
 */
export function estimatesOf(replications: readonly Leaves[], confidence: number): Record<string, Estimate> {
  const columns = new Map<string, (number | null)[]>();
  replications.forEach((leaves, r) => {
    for (const [pointer, value] of leaves) {
      let column = columns.get(pointer);
      if (column === undefined) {
        column = new Array<number | null>(replications.length).fill(null);
        columns.set(pointer, column);
      }
      column[r] = value;
    }
  });
  const estimates: Record<string, Estimate> = {};
  for (const [pointer, column] of columns) {
    const found = estimate(column, confidence);
    if (found !== undefined) estimates[pointer] = found;
  }
  return estimates;
}
