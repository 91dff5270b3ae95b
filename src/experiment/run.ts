// Running an experiment's pieces in the calling thread: one replication (the engine on the scenario with the
// replication's seed), one pair's leaves, and whole experiments synchronously (what a worker or a test calls).
import { simulate } from '../engine/index';
import type { Report } from '../engine/types';
import { compile } from '../model/compile';
import type { Scenario } from '../model/types';
import { leavesOf } from './estimate';
import { prepareExperiment } from './plan';
import { ExperimentScheduler } from './scheduler';
import type { ExperimentPart, ExperimentPlan, ExperimentProgress, ExperimentReport, ExperimentSettings, PairResult } from './types';

/** the run report of one replication: the scenario run with `seed` (replication 0's seed gives the single run) */
export function runReplication(scenario: Scenario, seed: number): Report {
  return simulate(compile({ ...scenario, seed }));
}

/** one pair's result as a worker hands it back */
export function runPair(scenario: Scenario, seed: number): PairResult {
  const report = runReplication(scenario, seed);
  return { leaves: leavesOf(report), events: report.perf.events };
}

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
