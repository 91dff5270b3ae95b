// Runs an experiment's pairs on a pool of workers (worker threads in Node, Web Workers in the browser): each
// worker takes the next pair as soon as it is free; progress after every pair; cancel terminates the workers.
// Pure orchestration on promises: the caller supplies the workers, so this runs anywhere.
import { ExperimentScheduler } from './scheduler';
import type { ExperimentPart, ExperimentPlan, ExperimentProgress, ExperimentReport, PairResult } from './types';
import type { Scenario } from '../model/types';

/** main → worker */
export type PairRequest = { type: 'init'; scenarios: Scenario[] } | { type: 'run'; id: number; point: number; seed: number };
/** worker → main */
export type PairResponse = { type: 'result'; id: number; result: PairResult } | { type: 'error'; id: number; message: string };

/** one worker as the pool sees it: a way to post a request, and a callback for its replies and its death */
export interface PoolWorker {
  post(request: PairRequest): void;
  /** set by the pool */
  onResponse: ((response: PairResponse) => void) | null;
  /** set by the pool: the worker died or could not start */
  onFailure: ((message: string) => void) | null;
  terminate(): void;
}

export class ExperimentCancelledError extends Error {
  constructor() {
    super('the experiment was cancelled');
    this.name = 'ExperimentCancelledError';
  }
}

export interface PoolOptions {
  /** workers to run at once (at least 1; never more than there are pairs) */
  jobs: number;
  createWorker: () => PoolWorker;
  onProgress?: (progress: ExperimentProgress) => void;
  /** a wall clock in ms for perf.wallMs */
  now: () => number;
  shard?: { index: number; count: number };
}

export interface PoolRun<T> {
  result: Promise<T>;
  /** stops at once: terminates the workers; `result` rejects with ExperimentCancelledError */
  cancel(): void;
}

function start(plan: ExperimentPlan, options: PoolOptions): PoolRun<ExperimentScheduler> & { jobs: number; startedMs: number } {
  const scheduler = new ExperimentScheduler(plan, options.shard);
  const jobs = Math.max(1, Math.min(Math.floor(options.jobs), plan.points.length * plan.replications));
  const startedMs = options.now();
  const workers: PoolWorker[] = [];
  let settled = false;
  let rejectRun: (error: Error) => void = () => undefined;
  const stopAll = () => {
    for (const worker of workers) {
      worker.onResponse = null;
      worker.onFailure = null;
      worker.terminate();
    }
  };
  const result = new Promise<ExperimentScheduler>((resolve, reject) => {
    rejectRun = (error) => {
      if (settled) return;
      settled = true;
      stopAll();
      reject(error);
    };
    let nextId = 0;
    let busy = 0;
    const scenarios = plan.points.map((p) => p.scenario);
    const feed = (worker: PoolWorker): void => {
      const task = scheduler.next();
      if (task === undefined) {
        if (busy === 0 && scheduler.done && !settled) {
          settled = true;
          stopAll();
          resolve(scheduler);
        }
        return;
      }
      const id = nextId++;
      busy++;
      worker.onResponse = (response) => {
        if (settled || response.id !== id) return;
        busy--;
        if (response.type === 'error') {
          rejectRun(new Error(`point ${task.point}, replication ${task.replication} (seed ${task.seed}): ${response.message}`));
          return;
        }
        scheduler.accept(task, response.result);
        options.onProgress?.(scheduler.progress);
        feed(worker);
      };
      worker.post({ type: 'run', id, point: task.point, seed: task.seed });
    };
    for (let i = 0; i < jobs; i++) {
      let worker: PoolWorker;
      try {
        worker = options.createWorker();
      } catch (error) {
        rejectRun(new Error(`could not start a worker (${error instanceof Error ? error.message : String(error)})`));
        return;
      }
      workers.push(worker);
      worker.onFailure = (message) => rejectRun(new Error(`a worker failed: ${message}`));
      worker.post({ type: 'init', scenarios });
    }
    options.onProgress?.(scheduler.progress);
    for (const worker of workers) feed(worker);
  });
  return { result, cancel: () => rejectRun(new ExperimentCancelledError()), jobs, startedMs };
}

/** runs a whole experiment on the pool; the report never depends on `jobs` (perf aside) */
export function runOnPool(plan: ExperimentPlan, options: Omit<PoolOptions, 'shard'>): PoolRun<ExperimentReport> {
  const run = start(plan, options);
  return { result: run.result.then((s) => s.report({ wallMs: options.now() - run.startedMs, jobs: run.jobs })), cancel: run.cancel };
}

/** runs one shard on the pool */
export function runShardOnPool(plan: ExperimentPlan, shard: { index: number; count: number }, options: Omit<PoolOptions, 'shard'>): PoolRun<ExperimentPart> {
  const run = start(plan, { ...options, shard });
  return { result: run.result.then((s) => s.part({ wallMs: options.now() - run.startedMs, jobs: run.jobs })), cancel: run.cancel };
}

/** the worker's side: answers init and run requests (wrapped by the Node and the browser worker entries) */
export function createPairHandler(runPair: (scenario: Scenario, seed: number) => PairResult): (request: PairRequest) => PairResponse | undefined {
  let scenarios: Scenario[] = [];
  return (request) => {
    if (request.type === 'init') {
      scenarios = request.scenarios;
      return undefined;
    }
    try {
      const scenario = scenarios[request.point];
      if (scenario === undefined) throw new Error(`no point ${request.point}`);
      return { type: 'result', id: request.id, result: runPair(scenario, request.seed) };
    } catch (error) {
      return { type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) };
    }
  };
}
