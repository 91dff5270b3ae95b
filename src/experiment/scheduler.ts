// Hands out an experiment's (point, replication) pairs in point-major order and gathers their results in any
// order; the report depends only on the results, never on the order they came in (so never on --jobs).
// With a precision stop a point ends at the first n ≥ MIN_PRECISION_REPLICATIONS, checked in replication order.
import { estimate, estimatesOf, type Leaves } from './estimate';
import type { ExperimentPart, ExperimentPerf, ExperimentPlan, ExperimentPoint, ExperimentProgress, ExperimentReport, PairResult } from './types';

/** a precision stop never stops before this many replications (fewer give too rough an interval to trust) */
export const MIN_PRECISION_REPLICATIONS = 5;

export interface PairTask { pair: number; point: number; replication: number; seed: number }

interface PointState {
  results: (PairResult | undefined)[];
  /** replications 0 … checked − 1 are in and were looked at */
  checked: number;
  /** how many replications this point uses, once known */
  decided: number | undefined;
  finished: ExperimentPoint | undefined;
}

export class ExperimentScheduler {
  private readonly states: PointState[];
  private nextPair = 0;
  private pairsDone = 0;
  private skipped = 0;
  private events = 0;
  private readonly shard: { index: number; count: number } | undefined;
  private readonly partPairs: ExperimentPart['pairs'] = [];
  private readonly totalPairs: number;
  private shardDone = 0;

  constructor(readonly plan: ExperimentPlan, shard?: { index: number; count: number }) {
    this.states = plan.points.map(() => ({ results: [], checked: 0, decided: undefined, finished: undefined }));
    this.shard = shard;
    if (shard !== undefined) {
      if (plan.precision !== null) throw new Error('a precision stop cannot be split into shards');
      this.nextPair = shard.index;
    }
    this.totalPairs = plan.points.length * plan.replications;
  }

  /** the next pair to run, or undefined when every pair is handed out */
  next(): PairTask | undefined {
    const n = this.plan.replications;
    while (this.nextPair < this.totalPairs) {
      const pair = this.nextPair;
      this.nextPair += this.shard?.count ?? 1;
      const point = Math.floor(pair / n);
      const replication = pair - point * n;
      const decided = this.states[point].decided;
      if (decided !== undefined && replication >= decided) {
        this.skipped++;
        continue;
      }
      return { pair, point, replication, seed: this.plan.seeds[replication] };
    }
    return undefined;
  }

  /** takes a pair's result (any order) */
  accept(task: PairTask, result: PairResult): void {
    this.pairsDone++;
    this.events += result.events;
    if (this.shard !== undefined) {
      this.partPairs.push({ pair: task.pair, events: result.events, leaves: Object.fromEntries(result.leaves) });
      this.shardDone++;
      return;
    }
    const state = this.states[task.point];
    if (state.finished !== undefined) return; // a replication past a precision stop, run while the stop was decided
    state.results[task.replication] = result;
    this.advance(state);
  }

  private advance(state: PointState): void {
    const { replications, precision, confidence } = this.plan;
    while (state.decided === undefined && state.results[state.checked] !== undefined) {
      state.checked++;
      if (state.checked === replications) state.decided = replications;
      else if (precision !== null && state.checked >= MIN_PRECISION_REPLICATIONS) {
        const column = state.results.slice(0, state.checked).map((r) => valueOf((r as PairResult).leaves, precision.metric));
        const found = estimate(column, confidence);
        if (found !== undefined && found.halfWidth !== null && found.halfWidth <= precision.relative * Math.abs(found.mean)) state.decided = state.checked;
      }
    }
    if (state.decided !== undefined && state.finished === undefined) {
      const used = state.results.slice(0, state.decided) as PairResult[];
      const index = this.states.indexOf(state);
      state.finished = {
        value: this.plan.points[index].value,
        seeds: this.plan.seeds.slice(0, state.decided),
        estimates: estimatesOf(used.map((r) => r.leaves), confidence),
      };
      state.results = []; // the raw leaves are no longer needed
    }
  }

  get done(): boolean {
    if (this.shard !== undefined) return this.nextPair >= this.totalPairs && this.shardDone === this.shardPairCount();
    return this.states.every((s) => s.finished !== undefined);
  }

  private shardPairCount(): number {
    const shard = this.shard as { index: number; count: number };
    return this.totalPairs > shard.index ? Math.floor((this.totalPairs - 1 - shard.index) / shard.count) + 1 : 0;
  }

  get progress(): ExperimentProgress {
    const total = this.shard !== undefined ? this.shardPairCount() : this.totalPairs - this.skipped - this.pendingSkips();
    return {
      pairsDone: this.pairsDone,
      pairsTotal: total,
      pointsDone: this.states.filter((s) => s.finished !== undefined).length,
      pointsTotal: this.states.length,
    };
  }

  /** pairs not yet handed out that a precision stop already rules out */
  private pendingSkips(): number {
    let count = 0;
    const n = this.plan.replications;
    this.states.forEach((state, point) => {
      if (state.decided === undefined) return;
      const firstUnhanded = Math.max(this.nextPair - point * n, state.decided);
      count += Math.max(0, n - Math.max(firstUnhanded, 0));
    });
    return count;
  }

  /** the experiment report, once done */
  report(perf: Omit<ExperimentPerf, 'events'>): ExperimentReport {
    if (!this.done || this.shard !== undefined) throw new Error('the experiment is not finished');
    return buildReport(this.plan, this.states.map((s) => s.finished as ExperimentPoint), { ...perf, events: this.events });
  }

  /** a shard's partial report, once done */
  part(perf: Omit<ExperimentPerf, 'events'>): ExperimentPart {
    if (this.shard === undefined || !this.done) throw new Error('the shard is not finished');
    const plan = this.plan;
    return {
      format: 'eventflow-experiment-part', version: 1, scenario: plan.scenarioName, fileHash: plan.fileHash, seed: plan.seed,
      replications: plan.replications, confidence: plan.confidence, parameter: plan.parameter, shard: { ...this.shard },
      pairs: [...this.partPairs].sort((a, b) => a.pair - b.pair), perf: { ...perf, events: this.events },
    };
  }
}

function valueOf(leaves: Leaves, pointer: string): number | null {
  for (const [p, v] of leaves) if (p === pointer) return v;
  return null;
}

/** the report's key order is the spec's: format, version, scenario, seed, replications, confidence, parameter, points, perf */
export function buildReport(plan: Pick<ExperimentPlan, 'scenarioName' | 'seed' | 'replications' | 'confidence' | 'parameter' | 'precision'>, points: ExperimentPoint[], perf: ExperimentPerf): ExperimentReport {
  return {
    format: 'eventflow-experiment', version: 1, scenario: plan.scenarioName, seed: plan.seed, replications: plan.replications,
    confidence: plan.confidence, ...(plan.precision === null ? {} : { precision: plan.precision }), parameter: plan.parameter, points, perf,
  };
}
