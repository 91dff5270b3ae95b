// The worker pool with in-process fake workers that answer out of order: the report is the same for any
// number of jobs, progress counts up to the total, cancel and a failing worker reject and stop every worker.
import { describe, expect, it } from 'vitest';
import { prepareExperiment } from './plan';
import { ExperimentCancelledError, createPairHandler, runOnPool, runShardOnPool, type PairRequest, type PoolWorker } from './pool';
import { runPair, runPlan } from './run';
import { mm1Scenario } from './testScenario';
import type { ExperimentPlan, ExperimentProgress } from './types';

const prepared = prepareExperiment(mm1Scenario({ stopAt: 2000, warmup: 200 }), { replications: 5, sweep: { pointer: '/nodes/h/concurrency', values: [1, 2, 3] } });
if (!prepared.ok) throw new Error('bad plan');
const plan: ExperimentPlan = prepared.plan;

/** a fake worker that answers after a pseudo-random number of macrotasks, so answers come back out of order */
function fakeWorkers(log: { terminated: number; created: number }, failOn?: number) {
  let salt = 0;
  return (): PoolWorker => {
    log.created++;
    const handle = createPairHandler(runPair);
    let dead = false;
    const worker: PoolWorker = {
      onResponse: null,
      onFailure: null,
      post(request: PairRequest) {
        const reply = handle(request);
        if (reply === undefined) return;
        if (failOn !== undefined && request.type === 'run' && request.id === failOn) {
          setTimeout(() => worker.onFailure?.('out of memory'), 0);
          return;
        }
        let delay = (salt = (salt * 1103515245 + 12345) % 2147483648) % 4;
        const later = () => (dead ? undefined : delay-- > 0 ? setTimeout(later, 0) : worker.onResponse?.(reply));
        setTimeout(later, 0);
      },
      terminate() {
        dead = true;
        log.terminated++;
      },
    };
    return worker;
  };
}

describe('runOnPool', () => {
  it('gives the same report for 1, 2, 3 and 7 jobs as the single-thread run (perf aside)', async () => {
    const expected = JSON.stringify({ ...runPlan(plan), perf: null });
    for (const jobs of [1, 2, 3, 7]) {
      const log = { terminated: 0, created: 0 };
      const progress: ExperimentProgress[] = [];
      const report = await runOnPool(plan, { jobs, createWorker: fakeWorkers(log), now: () => 0, onProgress: (p) => progress.push(p) }).result;
      expect(JSON.stringify({ ...report, perf: null })).toBe(expected);
      expect(report.perf.jobs).toBe(jobs);
      expect(log.created).toBe(jobs);
      expect(log.terminated).toBe(jobs);
      expect(progress.at(-1)).toEqual({ pairsDone: 15, pairsTotal: 15, pointsDone: 3, pointsTotal: 3 });
    }
  });

  it('cancel rejects with ExperimentCancelledError and terminates every worker', async () => {
    const log = { terminated: 0, created: 0 };
    const run = runOnPool(plan, { jobs: 2, createWorker: fakeWorkers(log), now: () => 0, onProgress: (p) => { if (p.pairsDone === 3) run.cancel(); } });
    await expect(run.result).rejects.toBeInstanceOf(ExperimentCancelledError);
    expect(log.terminated).toBe(2);
  });

  it('a worker that dies fails the experiment with the reason', async () => {
    const log = { terminated: 0, created: 0 };
    await expect(runOnPool(plan, { jobs: 2, createWorker: fakeWorkers(log, 4), now: () => 0 }).result).rejects.toThrow('a worker failed: out of memory');
    expect(log.terminated).toBe(2);
  });

  it('runs a shard to the same part as the single-thread shard', async () => {
    const log = { terminated: 0, created: 0 };
    const part = await runShardOnPool(plan, { index: 1, count: 4 }, { jobs: 3, createWorker: fakeWorkers(log), now: () => 0 }).result;
    expect(part.pairs.map((p) => p.pair)).toEqual([1, 5, 9, 13]);
  });
});
