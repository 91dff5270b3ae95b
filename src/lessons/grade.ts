// Grading a challenge: the diagram's constraints, then each target judged on its replication
// interval's bound (the side a lucky seed would flatter), and the cost of the design.
import type { Scenario } from '../model/types';
import { compare, evaluateCheck, nodesOfType, sumField, type Verdict } from './checks';
import type { Challenge, Op, ResultCheck } from './types';

/** One figure over replications, as experiments.md reports it (keyed by its report JSON Pointer). */
export interface Estimate {
  mean: number;
  lower: number | null;
  upper: number | null;
  n: number;
}
export type Estimates = Record<string, Estimate | undefined>;

export interface TargetVerdict extends Verdict {
  /** the mean over replications (percent-scaled like actual) */
  mean?: number;
  /** which side of the interval was judged */
  bound?: 'upper' | 'lower' | 'mean';
}

export interface Grade {
  passed: boolean;
  constraints: Verdict[];
  targets: TargetVerdict[];
  cost: number;
  replications: number;
}

/** For "at most" goals the upper bound must meet them, for "at least" goals the lower one. */
export function boundFor(op: Op): 'upper' | 'lower' | 'mean' {
  if (op === '<' || op === '<=') return 'upper';
  if (op === '>' || op === '>=') return 'lower';
  return 'mean';
}

/** The figure a target is judged on: the interval's bound (its mean when there is no interval). */
export function judgeTarget(check: ResultCheck, estimates: Estimates): TargetVerdict {
  const scale = (v: number) => (check.percent ? v * 100 : v);
  const shown = { name: check.name, unit: check.unit, op: check.op, value: scale(check.value) };
  const estimate = estimates[check.pointer];
  const base = check.per === undefined ? undefined : estimates[check.per];
  if (!estimate || (check.per !== undefined && !base)) return { passed: false, reason: 'missing', ...shown };
  const bound = boundFor(check.op);
  const side = bound === 'mean' ? estimate.mean : (estimate[bound] ?? estimate.mean);
  const divide = (v: number) => (base === undefined ? v : base.mean === 0 ? 0 : v / base.mean);
  const actual = divide(side);
  const passed = compare(actual, check.op, check.value);
  return { passed, reason: passed ? 'ok' : 'value', actual: scale(actual), mean: scale(divide(estimate.mean)), bound, ...shown };
}

/** The design's cost: the weighted sum of the cost terms (handler slots, partitions, queues, …). */
export function costOf(challenge: Challenge, scenario: Scenario): number {
  return challenge.cost.terms.reduce((total, term) => {
    const weight = term.weight ?? 1;
    const amount = term.field === 'count'
      ? nodesOfType(scenario, term.nodeType).length
      : sumField(scenario, term.nodeType, term.field, term.default ?? (term.field === 'concurrency' || term.field === 'maxAttempts' ? 1 : 0));
    return total + weight * amount;
  }, 0);
}

/** The constraints alone (they need no run): checked before any replication is spent. */
export function checkConstraints(challenge: Challenge, scenario: Scenario): Verdict[] {
  return challenge.constraints.map((task) => evaluateCheck(task.check, { scenario, report: null, steps: [] }));
}

export function gradeChallenge(challenge: Challenge, scenario: Scenario, estimates: Estimates, replications: number): Grade {
  const constraints = checkConstraints(challenge, scenario);
  const targets = challenge.targets.map((task) => judgeTarget(task.check, estimates));
  const passed = constraints.every((v) => v.passed) && targets.every((v) => v.passed);
  return { passed, constraints, targets, cost: costOf(challenge, scenario), replications };
}
