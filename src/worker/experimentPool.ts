// The browser's experiment pool: one Web Worker per core less one (at least 1), wrapped as the PoolWorker
// the experiment core drives; runs never touch the main thread beyond gathering results.
import { runOnPool, type PoolRun, type PoolWorker } from '../experiment/pool';
import type { ExperimentPlan, ExperimentProgress, ExperimentReport } from '../experiment/types';

export function browserJobs(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  return Math.max(1, cores - 1);
}

function createWebWorker(): PoolWorker {
  const worker = new Worker(new URL('./experiment.worker.ts', import.meta.url), { type: 'module' });
  const wrapped: PoolWorker = {
    onResponse: null,
    onFailure: null,
    post: (request) => worker.postMessage(request),
    terminate: () => worker.terminate(),
  };
  worker.onmessage = (event) => wrapped.onResponse?.(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    wrapped.onFailure?.(event.message || 'the experiment worker crashed');
  };
  return wrapped;
}

export function runExperimentInBrowser(plan: ExperimentPlan, onProgress: (progress: ExperimentProgress) => void): PoolRun<ExperimentReport> {
  return runOnPool(plan, { jobs: browserJobs(), createWorker: createWebWorker, now: () => performance.now(), onProgress });
}
