// Pure helpers of the Goals panel: the scenario's goals edited as a list (no `slo` key once the last goal
// goes, so files without goals stay as they were), each goal's inline problem, and its verdict of the run.
import type { SloVerdict } from '../../engine/types';
import type { Scenario } from '../../model/types';
import type { MessageKey } from '../i18n';

export type GoalEntry = NonNullable<Scenario['slo']>[number];

/** a new goal: the figure most goals are about, with a limit to edit */
export const NEW_GOAL: GoalEntry = { metric: '/latency/publishToDone/p99', max: 1000 };

export function withGoals(scenario: Scenario, goals: readonly GoalEntry[]): Scenario {
  const next: Scenario = { ...scenario };
  if (goals.length === 0) delete next.slo;
  else next.slo = [...goals];
  return next;
}

/** the goal with one bound set (a number) or cleared (undefined) */
export function withBound(goal: GoalEntry, bound: 'min' | 'max', value: number | undefined): GoalEntry {
  const next: GoalEntry = { ...goal };
  if (value === undefined) delete next[bound];
  else next[bound] = value;
  return next;
}

/** what is wrong with a goal, for the inline error; null when it can be judged. `figures`: the report's pointers
 *  (null when the scenario cannot be compiled, so pointers are not checked) */
export function goalProblem(goal: GoalEntry, figures: ReadonlySet<string> | null): MessageKey | null {
  if (figures !== null && !figures.has(goal.metric)) return 'goals.error.unknown';
  if (goal.min === undefined && goal.max === undefined) return 'goals.error.bounds';
  if (goal.min !== undefined && goal.max !== undefined && goal.min > goal.max) return 'goals.error.order';
  return null;
}

/** the run's verdict on this goal, when the run judged this very goal (same place, figure and limits) */
export function verdictFor(goal: GoalEntry, index: number, verdicts: readonly SloVerdict[] | null): SloVerdict | null {
  const verdict = verdicts?.[index];
  if (verdict === undefined || verdict.metric !== goal.metric || verdict.min !== goal.min || verdict.max !== goal.max) return null;
  return verdict;
}
