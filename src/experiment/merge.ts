// Joins shard parts (--shard K/M) into the experiment report one machine would give, byte for byte (perf
// aside). Parts must all be of the same experiment, each shard exactly once, each with exactly its pairs.
import { estimatesOf, type Leaves } from './estimate';
import { buildReport } from './scheduler';
import { replicationSeeds } from './seeds';
import type { ExperimentPart, ExperimentPoint, ExperimentReport } from './types';

export type MergeResult = { ok: true; report: ExperimentReport } | { ok: false; part: string; message: string };

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** checks one part's shape (it comes from a file) */
function checkPart(value: unknown): string | undefined {
  if (!isRecord(value) || value.format !== 'eventflow-experiment-part') return 'not a shard of an experiment (format must be "eventflow-experiment-part")';
  if (value.version !== 1) return `made by another version of EventFlow (version ${String(value.version)})`;
  const shard = value.shard;
  if (!isRecord(shard) || !Number.isInteger(shard.index) || !Number.isInteger(shard.count) || (shard.count as number) < 1
    || (shard.index as number) < 0 || (shard.index as number) >= (shard.count as number)) return 'has no valid "shard" {index, count}';
  if (!Array.isArray(value.pairs)) return 'has no "pairs" list';
  if (!Number.isInteger(value.replications) || (value.replications as number) < 1) return 'has no valid "replications"';
  if (typeof value.confidence !== 'number' || typeof value.seed !== 'number' || typeof value.fileHash !== 'string') return 'is damaged (seed, confidence or file fingerprint missing)';
  for (const pair of value.pairs as unknown[]) {
    if (!isRecord(pair) || !Number.isInteger(pair.pair) || !isRecord(pair.leaves)) return 'has a damaged pair';
  }
  return undefined;
}

const sameExperiment = (a: ExperimentPart, b: ExperimentPart): string | undefined => {
  if (a.fileHash !== b.fileHash || a.scenario !== b.scenario) return 'is from another scenario file';
  if (a.seed !== b.seed) return `has seed ${b.seed}, the others ${a.seed}`;
  if (a.replications !== b.replications) return `has ${b.replications} replications, the others ${a.replications}`;
  if (a.confidence !== b.confidence) return `has confidence ${b.confidence}, the others ${a.confidence}`;
  if (JSON.stringify(a.parameter) !== JSON.stringify(b.parameter)) return 'has another sweep (pointer or values)';
  if (a.shard.count !== b.shard.count) return `is shard ${b.shard.index}/${b.shard.count}, the others are of ${a.shard.count}`;
  return undefined;
};

/** Merges parts; `names` are the part files' names for the messages (same order as `parts`). */
export function mergeParts(parts: readonly unknown[], names: readonly string[]): MergeResult {
  if (parts.length === 0) return { ok: false, part: '', message: 'no parts given' };
  for (let i = 0; i < parts.length; i++) {
    const fault = checkPart(parts[i]);
    if (fault !== undefined) return { ok: false, part: names[i], message: fault };
  }
  const checked = parts as ExperimentPart[];
  const first = checked[0];
  const byShard = new Map<number, number>();
  for (let i = 0; i < checked.length; i++) {
    const fault = sameExperiment(first, checked[i]);
    if (fault !== undefined) return { ok: false, part: names[i], message: fault };
    const earlier = byShard.get(checked[i].shard.index);
    if (earlier !== undefined) return { ok: false, part: names[i], message: `is shard ${checked[i].shard.index}/${first.shard.count} again (also ${names[earlier]})` };
    byShard.set(checked[i].shard.index, i);
  }
  for (let k = 0; k < first.shard.count; k++) {
    if (!byShard.has(k)) return { ok: false, part: `shard ${k}/${first.shard.count}`, message: `is missing (${checked.length} of ${first.shard.count} parts given)` };
  }
  const n = first.replications;
  const pointCount = first.parameter === null ? 1 : first.parameter.values.length;
  const total = pointCount * n;
  const leavesByPair: (Leaves | undefined)[] = new Array<Leaves | undefined>(total);
  let events = 0;
  let wallMs = 0;
  let jobs = 0;
  for (let i = 0; i < checked.length; i++) {
    const part = checked[i];
    for (const pair of part.pairs) {
      if (pair.pair < 0 || pair.pair >= total || pair.pair % part.shard.count !== part.shard.index) {
        return { ok: false, part: names[i], message: `holds pair ${pair.pair}, which is not one of shard ${part.shard.index}/${part.shard.count}` };
      }
      if (leavesByPair[pair.pair] !== undefined) return { ok: false, part: names[i], message: `holds pair ${pair.pair} twice` };
      leavesByPair[pair.pair] = Object.entries(pair.leaves).map(([p, v]) => [p, typeof v === 'number' ? v : null]);
      events += typeof pair.events === 'number' ? pair.events : 0;
    }
    wallMs += part.perf?.wallMs ?? 0;
    jobs += part.perf?.jobs ?? 0;
  }
  for (let pair = 0; pair < total; pair++) {
    if (leavesByPair[pair] === undefined) {
      const k = pair % first.shard.count;
      return { ok: false, part: names[byShard.get(k) as number], message: `lacks pair ${pair} (point ${Math.floor(pair / n)}, replication ${pair % n})` };
    }
  }
  const seeds = replicationSeeds(first.seed, n);
  const points: ExperimentPoint[] = [];
  for (let p = 0; p < pointCount; p++) {
    points.push({
      value: first.parameter === null ? null : first.parameter.values[p],
      seeds: seeds.slice(),
      estimates: estimatesOf(leavesByPair.slice(p * n, (p + 1) * n) as Leaves[], first.confidence),
    });
  }
  const plan = { scenarioName: first.scenario, seed: first.seed, replications: n, confidence: first.confidence, parameter: first.parameter, precision: null };
  return { ok: true, report: buildReport(plan, points, { wallMs, jobs, events }) };
}
