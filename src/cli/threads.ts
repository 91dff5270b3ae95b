// The experiment pool's workers in Node: one worker thread each, wrapped as the PoolWorker the experiment
// core's pool drives. The thread's code is bundled at most ONCE per process (threadBundle.ts: plain JS, cached
// on disk) and every thread starts from that string: no TypeScript loader, no compiling, per thread.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PairRequest, PairResponse, PoolWorker } from '../experiment/pool';
import { bundleThread, defaultCacheFile } from './threadBundle';

/** --jobs default: the number of CPUs */
export const defaultJobs = (): number => Math.max(1, availableParallelism());

const ENTRY = fileURLToPath(new URL('./experimentWorker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let bundled: Promise<string> | undefined;

/** the worker thread's code as one CommonJS script, made on first use and shared by every thread of the process */
export function threadSource(): Promise<string> {
  bundled ??= bundleThread({ entry: ENTRY, root: ROOT, cacheFile: defaultCacheFile(ROOT) }).then((bundle) => bundle.code);
  return bundled;
}

/** the parent's Node flags minus the TypeScript loader's (`--import tsx`, tsx's --require/--import): the bundle is plain JS */
export function threadExecArgv(parent: readonly string[] = process.execArgv): string[] {
  const kept: string[] = [];
  for (let i = 0; i < parent.length; i++) {
    const arg = parent[i];
    const [flag, inline] = arg.split('=', 2);
    const takesValue = ['--import', '--require', '-r', '--loader', '--experimental-loader'].includes(flag);
    if (!takesValue) {
      kept.push(arg);
      continue;
    }
    const value = inline ?? parent[i + 1] ?? '';
    if (inline === undefined) i++;
    if (!/(^|[/\\])tsx([/\\]|$)/.test(value)) kept.push(...(inline === undefined ? [arg, value] : [arg]));
  }
  return kept;
}

/** a PoolWorker at once; its thread starts when the bundle is ready (requests posted before are queued) */
export function createThreadWorker(): PoolWorker {
  let thread: Worker | undefined;
  let ended = false;
  const queued: PairRequest[] = [];
  const worker: PoolWorker = {
    onResponse: null,
    onFailure: null,
    post: (request) => {
      if (thread === undefined) queued.push(request);
      else thread.postMessage(request);
    },
    terminate: () => {
      ended = true;
      if (thread !== undefined) void thread.terminate();
    },
  };
  threadSource().then(
    (source) => {
      if (ended) return;
      const started = new Worker(source, { eval: true, execArgv: threadExecArgv() });
      started.on('message', (response: PairResponse) => worker.onResponse?.(response));
      started.on('error', (error) => worker.onFailure?.(error.message));
      started.on('exit', (code) => {
        if (!ended) worker.onFailure?.(`the worker thread exited (code ${code})`);
      });
      thread = started;
      for (const request of queued.splice(0)) started.postMessage(request);
    },
    (error: unknown) => worker.onFailure?.(`could not bundle the worker thread (${error instanceof Error ? error.message : String(error)})`),
  );
  return worker;
}
