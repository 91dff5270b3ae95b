// One replication and one pair's result, in the calling thread: all a worker (thread or Web Worker) needs.
// Kept apart from run.ts so a worker's bundle holds the engine and compile only (no plan, no zod).
import { simulate } from '../engine/index';
import type { Report } from '../engine/types';
import { compile } from '../model/compile';
import type { Scenario } from '../model/types';
import { leavesOf } from './estimate';
import type { PairResult } from './types';

/** the run report of one replication: the scenario run with `seed` (replication 0's seed gives the single run) */
export function runReplication(scenario: Scenario, seed: number): Report {
  return simulate(compile({ ...scenario, seed }));
}

/** one pair's result as a worker hands it back */
export function runPair(scenario: Scenario, seed: number): PairResult {
  const report = runReplication(scenario, seed);
  return { leaves: leavesOf(report), events: report.perf.events };
}
