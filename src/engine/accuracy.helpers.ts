// Support for the accuracy tests (accuracy.*.test.ts): scenario building blocks, a runner that keeps
// per-copy samples from onMessage, and batch-means standard errors for correlated queue samples.
/* eslint-disable no-restricted-imports -- test support only (imported by *.test.ts, never by the engine): builds Scenario objects and compiles them */
import { compile } from '../model/compile';
import type { HandlerNode, PublisherNode, QueueNode, Scenario, ScenarioEdge, ScenarioNode } from '../model/types';
import { simulate } from './index';
import type { Distribution, MessageRecord, Report } from './types';

export const publisher = (id: string, lambdaPerMs: number, limit: number, extra: Partial<PublisherNode> = {}): PublisherNode =>
  ({ id, type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: lambdaPerMs * 1000 }, limit, ...extra });
export const queue = (id: string, extra: Partial<QueueNode> = {}): QueueNode => ({ id, type: 'queue', ...extra });
export const handler = (id: string, service: Distribution, extra: Partial<HandlerNode> = {}): HandlerNode => ({ id, type: 'handler', service, ...extra });
export const exponential = (meanMs: number): Distribution => ({ kind: 'exponential', mean: meanMs });

let edgeCounter = 0;
export const edge = (source: string, target: string, extra: Partial<ScenarioEdge> = {}): ScenarioEdge => ({ id: `e${++edgeCounter}`, source, target, ...extra });

/** A seed per scenario name (FNV-1a), so cases do not share random streams and their errors are independent. */
export function seedFor(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

export function scenario(name: string, nodes: ScenarioNode[], edges: ScenarioEdge[], extra: Partial<Scenario> = {}): Scenario {
  return { format: 'eventflow-scenario', version: 1, name, seed: seedFor(name), nodes, edges, ...extra };
}

/** Samples of one run, each list in the order the engine reported the copies (completion order). */
export interface Samples {
  report: Report;
  records: number;
  /** doneAt − publishedAt of completed copies published at or after warm-up, by node */
  publishToDone: Map<string, number[]>;
  /** readAt − publishedAt of read copies published at or after warm-up, by node */
  publishToRead: Map<string, number[]>;
  /** attempts of completed copies, by node */
  attempts: Map<string, number[]>;
  /** [id, outcome] of every copy, for shares ordered by creation */
  outcomes: { id: number; node: string; outcome: MessageRecord['outcome'] }[];
  /** doneAt − root's publishedAt of copies completed at `endToEndNode` whose root was published at or after warm-up */
  endToEnd: number[];
}

const push = (map: Map<string, number[]>, key: string, value: number): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Compiles and runs a scenario, keeping per-copy samples (filtered by warm-up like the report). */
export function run(source: Scenario, options: { keepOutcomes?: boolean; endToEndNode?: string } = {}): Samples {
  const warmupMs = source.warmup ?? 0;
  const samples: Omit<Samples, 'report'> = { records: 0, publishToDone: new Map(), publishToRead: new Map(), attempts: new Map(), outcomes: [], endToEnd: [] };
  const rootPublishedAt = new Map<number, number>();
  const report = simulate(compile(source), {
    onMessage(record) {
      samples.records++;
      if (options.keepOutcomes) samples.outcomes.push({ id: record.id, node: record.node, outcome: record.outcome });
      if (record.outcome === 'completed') push(samples.attempts, record.node, record.attempts);
      if (options.endToEndNode !== undefined) {
        if (record.parent === -1) rootPublishedAt.set(record.root, record.publishedAt);
        if (record.node === options.endToEndNode && record.outcome === 'completed' && record.doneAt !== null) {
          const rootAt = rootPublishedAt.get(record.root);
          rootPublishedAt.delete(record.root);
          if (rootAt !== undefined && rootAt >= warmupMs) samples.endToEnd.push(record.doneAt - rootAt);
        }
      }
      if (record.publishedAt < warmupMs) return;
      if (record.readAt !== null) push(samples.publishToRead, record.node, record.readAt - record.publishedAt);
      if (record.outcome === 'completed' && record.doneAt !== null) push(samples.publishToDone, record.node, record.doneAt - record.publishedAt);
    },
  });
  return { ...samples, report };
}

export const mean = (values: ArrayLike<number>): number => {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
};

/** Nearest-rank p-quantile of the values (sorts a copy). */
export function quantile(values: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

/**
 * Batch means: split the series into `batches` consecutive batches, compute the statistic per batch;
 * the standard error of the overall estimate is sd(batch values)/√batches. Batches far longer than the
 * queue's correlation time are nearly independent, so this is honest for autocorrelated queue samples
 * where the i.i.d. formula σ/√n would be far too optimistic (about 27× too small at ρ = 0.9).
 */
export function batchStandardError(values: ArrayLike<number>, statistic: (batch: ArrayLike<number>) => number, batches = 30): number {
  const size = Math.floor(values.length / batches);
  const results: number[] = [];
  for (let b = 0; b < batches; b++) {
    const batch = Array.prototype.slice.call(values, b * size, (b + 1) * size) as number[];
    results.push(statistic(batch));
  }
  const m = mean(results);
  const variance = results.reduce((sum, x) => sum + (x - m) ** 2, 0) / (batches - 1);
  return Math.sqrt(variance / batches);
}

export interface Check {
  label: string;
  observed: number;
  expected: number;
  tolerance: number;
}

const lines: string[] = [];

/** Records a comparison for the closing table (printed by printChecks) and returns it for an expect. */
export function check(label: string, observed: number, expected: number, tolerance: number): Check {
  const relative = expected === 0 ? observed : (observed - expected) / expected;
  lines.push(`${label.padEnd(52)} observed ${observed.toPrecision(6).padStart(10)}  theory ${expected.toPrecision(6).padStart(10)}  error ${(relative * 100).toFixed(2).padStart(6)}%  tolerance ±${tolerance.toPrecision(3)}`);
  return { label, observed, expected, tolerance };
}

/** |observed − expected| <= tolerance, with the numbers in the message. */
export function within(c: Check): boolean {
  return Math.abs(c.observed - c.expected) <= c.tolerance;
}

export function printChecks(title: string): void {
  if (lines.length > 0) console.log(`\n${title}\n${lines.join('\n')}`);
  lines.length = 0;
}
