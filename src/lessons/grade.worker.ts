// The grading worker: runs a challenge's replications off the main thread, posting progress after each.
import type { Scenario } from '../model/types';
import { createReplicator } from './replicate';
import type { Estimates } from './grade';

export type GradeRequest = { scenario: Scenario; replications: number };
export type GradeResponse =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; estimates: Estimates }
  | { kind: 'error'; message: string };

const scope = self as unknown as { postMessage: (message: GradeResponse) => void; onmessage: ((event: MessageEvent<GradeRequest>) => void) | null };

scope.onmessage = (event) => {
  try {
    const replicator = createReplicator(event.data.scenario, event.data.replications);
    while (replicator.next()) scope.postMessage({ kind: 'progress', done: replicator.done, total: replicator.total });
    scope.postMessage({ kind: 'progress', done: replicator.done, total: replicator.total });
    scope.postMessage({ kind: 'done', estimates: replicator.estimates() });
  } catch (error) {
    scope.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
