// Running whole experiments and shards synchronously in the calling thread (what a test or a lesson calls);
// one replication and one pair's leaves live in pair.ts (what a worker runs) and are re-exported here.
import type { Scenario } from '../model/types';
import { runPair } from './pair';
import { prepareExperiment } from './plan';
import { ExperimentScheduler } from './scheduler';
import type { ExperimentPart, ExperimentPlan, ExperimentProgress, ExperimentReport, ExperimentSettings } from './types';

export { runPair, runReplication } from './pair';

/** thrown by the synchronous helpers when the settings are refused; `problems` say which and why */
export class ExperimentSettingsError extends Error {
  constructor(readonly problems: { field: string; message: string }[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'ExperimentSettingsError';
  }
}

/** Runs a whole plan in this thread (every pair in order); perf.wallMs is 0 here, perf.jobs 1. */
export function runPlan(plan: ExperimentPlan, onProgress?: (progress: ExperimentProgress) => void): ExperimentReport {
  const scheduler = new ExperimentScheduler(plan);
  for (let task = scheduler.next(); task !== undefined; task = scheduler.next()) {
    scheduler.accept(task, runPair(plan.points[task.point].scenario, task.seed));
    onProgress?.(scheduler.progress);
  }
  return scheduler.report({ wallMs: 0, jobs: 1 });
}

/** Runs one shard of a plan in this thread. */
export function runShard(plan: ExperimentPlan, shard: { index: number; count: number }): ExperimentPart {
  const scheduler = new ExperimentScheduler(plan, shard);
  for (let task = scheduler.next(); task !== undefined; task = scheduler.next()) {
    scheduler.accept(task, runPair(plan.points[task.point].scenario, task.seed));
  }
  return scheduler.part({ wallMs: 0, jobs: 1 });
}

/** Checks the settings and runs the experiment synchronously; throws ExperimentSettingsError on bad settings. */
export function runExperiment(scenario: Scenario, settings: ExperimentSettings): ExperimentReport {
  const prepared = prepareExperiment(scenario, settings);
  if (!prepared.ok) throw new ExperimentSettingsError(prepared.problems);
  return runPlan(prepared.plan);
}

/**
 * Replications of one scenario, synchronously: `runReplications(scenario, { replications: 20, confidence: 0.95 })`.
 * The report's single point holds every figure as an estimate (e.g. points[0].estimates['/latency/publishToDone/mean']).
 */
export function runReplications(scenario: Scenario, options: { replications: number; confidence?: number }): ExperimentReport {
  return runExperiment(scenario, { replications: options.replications, confidence: options.confidence });
}
