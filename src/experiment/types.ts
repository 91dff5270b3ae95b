// The experiment's public types: what a caller asks for (settings), the checked plan it becomes, one
// replication's result, the experiment report (--json) and a shard's partial report (experiments.md).
import type { SloVerdict } from '../engine/types';
import type { Scenario } from '../model/types';
import type { Estimate, Leaves } from './estimate';

export type { Estimate, Leaves };

/** a sweep: the field (scenario JSON Pointer, ids after /nodes and /edges) and its values in order */
export interface SweepSettings { pointer: string; values: readonly number[] }

/** precision stop: add replications until the half-width of `metric` is at most `relative` × |mean| */
export interface PrecisionSettings { metric: string; relative: number }

export interface ExperimentSettings {
  /** 2 … 10,000 replications per point (the most, with a precision stop) */
  replications: number;
  /** two-sided confidence level, 0.5 … 0.999; default 0.95 */
  confidence?: number;
  sweep?: SweepSettings | null;
  precision?: PrecisionSettings | null;
}

export interface Parameter { pointer: string; values: number[] }

/** a checked experiment, ready to run: nothing in it can fail validation any more */
export interface ExperimentPlan {
  scenarioName: string;
  /** seed_0, the file's seed (1 when it has none) */
  seed: number;
  /** the seeds of replications 0 … replications − 1, the same for every point */
  seeds: number[];
  replications: number;
  confidence: number;
  parameter: Parameter | null;
  precision: PrecisionSettings | null;
  /** one validated scenario per point (the file itself when there is no sweep) */
  points: { value: number | null; scenario: Scenario }[];
  /** identifies the file (after overrides) so shards of different files are not merged */
  fileHash: string;
}

/** a problem with the experiment's settings; `field` says which input to mark */
export interface ExperimentProblem {
  field: 'replications' | 'confidence' | 'sweep' | 'values' | 'precision';
  pointer?: string;
  value?: number;
  message: string;
}

export type PlanResult = { ok: true; plan: ExperimentPlan } | { ok: false; problems: ExperimentProblem[] };

/** one (point, replication) pair run: its report's leaves and how many events it took */
export interface PairResult { leaves: Leaves; events: number }

export interface ExperimentPoint {
  value: number | null;
  seeds: number[];
  estimates: Record<string, Estimate>;
  /** only when there are goals (architect.md): judged on the interval's unfavourable bound */
  slo?: Array<SloVerdict & { lower: number | null; upper: number | null }>;
}

export interface ExperimentPerf { wallMs: number; jobs: number; events: number }

export interface ExperimentReport {
  format: 'eventflow-experiment';
  version: 1;
  scenario: string;
  seed: number;
  replications: number;
  confidence: number;
  /** only with a precision stop */
  precision?: PrecisionSettings;
  parameter: Parameter | null;
  points: ExperimentPoint[];
  perf: ExperimentPerf;
}

/** a shard's output: the leaves of each of its pairs, numbered point-major from 0 */
export interface ExperimentPart {
  format: 'eventflow-experiment-part';
  version: 1;
  scenario: string;
  fileHash: string;
  seed: number;
  replications: number;
  confidence: number;
  parameter: Parameter | null;
  shard: { index: number; count: number };
  pairs: { pair: number; events: number; leaves: Record<string, number | null> }[];
  perf: ExperimentPerf;
}

/** progress of a running experiment */
export interface ExperimentProgress {
  pairsDone: number;
  /** pairs still to run plus those done (shrinks when a precision stop skips replications) */
  pairsTotal: number;
  pointsDone: number;
  pointsTotal: number;
}
