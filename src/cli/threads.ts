// The experiment pool's workers in Node: one worker thread each (experimentThread.mjs bootstraps the
// TypeScript worker), wrapped as the PoolWorker the experiment core's pool drives.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PairResponse, PoolWorker } from '../experiment/pool';

/** --jobs default: the number of CPUs */
export const defaultJobs = (): number => Math.max(1, availableParallelism());

export function createThreadWorker(): PoolWorker {
  const thread = new Worker(new URL('./experimentThread.mjs', import.meta.url));
  let ended = false;
  const worker: PoolWorker = {
    onResponse: null,
    onFailure: null,
    post: (request) => thread.postMessage(request),
    terminate: () => {
      ended = true;
      void thread.terminate();
    },
  };
  thread.on('message', (response: PairResponse) => worker.onResponse?.(response));
  thread.on('error', (error) => worker.onFailure?.(error.message));
  thread.on('exit', (code) => {
    if (!ended) worker.onFailure?.(`the worker thread exited (code ${code})`);
  });
  return worker;
}
