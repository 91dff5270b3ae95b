// Replications of a challenge's design, one at a time so a caller can report progress or yield:
// seeds, leaves and Student-t estimates all come from the experiment core (src/experiment).
import type { Scenario } from '../model/types';
import { estimatesOf, replicationSeeds, runPair, type PairResult } from '../experiment';
import type { Estimates } from './grade';

/** Challenges are graded from this seed, whatever seed the design carries: a chosen seed cannot flatter it. */
export const GRADE_SEED = 1;
export const GRADE_CONFIDENCE = 0.95;

export interface Replicator {
  readonly total: number;
  readonly done: number;
  /** runs the next replication; false when all are done */
  next(): boolean;
  estimates(): Estimates;
}

export function createReplicator(scenario: Scenario, replications: number, confidence = GRADE_CONFIDENCE): Replicator {
  const seeds = replicationSeeds(GRADE_SEED, replications);
  const leaves: PairResult['leaves'][] = [];
  return {
    total: replications,
    get done() { return leaves.length; },
    next() {
      if (leaves.length >= seeds.length) return false;
      leaves.push(runPair(scenario, seeds[leaves.length]).leaves);
      return leaves.length < seeds.length;
    },
    estimates: () => estimatesOf(leaves, confidence),
  };
}

/** All replications at once (tests, the CLI). */
export function replicate(scenario: Scenario, replications: number, confidence = GRADE_CONFIDENCE): Estimates {
  const replicator = createReplicator(scenario, replications, confidence);
  while (replicator.next());
  return replicator.estimates();
}
