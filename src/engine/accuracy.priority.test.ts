// Accuracy of priorities against the non-preemptive priority M/G/1 (Cobham): two Poisson classes, premium
// (priority 9) and standard (0), served by one exponential handler at ρ = 0.8, through one queue with
// order "priority" and through two fifo queues whose heads the handler compares; per-class mean waits.
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../model/compile';
import { priorityMg1 } from '../model/theoryPriority';
import { simulate } from './index';
import { batchStandardError, check, edge, exponential, handler, mean, printChecks, publisher, queue, scenario, within } from './accuracy.helpers';
import type { Scenario } from '../model/types';

/*
 * Tolerance: successive waits are correlated, so each class's standard error is the batch-means one
 * (30 batches, each thousands of busy periods long) and 4.5 of them are allowed (a false alarm about
 * 1 in 10,000 per check). The standard error itself must stay under 4 % of theory: at these sample
 * sizes a correct engine gives about 0.5 % (premium) and 1.5 % (standard), so a noisy engine cannot widen
 * its own tolerance.
 */
const Z = 4.5;
const MAX_REL_SE = 0.04;
const PREMIUM_PER_MS = 0.3;
const STANDARD_PER_MS = 0.5;
const SERVICE_MS = 1;

afterAll(() => printChecks('priority accuracy'));

/** waits (read − publish) of copies published after warm-up, per publisher, in completion order */
function waitsByClass(source: Scenario): Map<string, number[]> {
  const warmupMs = source.warmup ?? 0;
  const waits = new Map<string, number[]>();
  simulate(compile(source), {
    onMessage(record) {
      if (record.readAt === null || record.publishedAt < warmupMs) return;
      const list = waits.get(record.from) ?? [];
      list.push(record.readAt - record.publishedAt);
      waits.set(record.from, list);
    },
  });
  return waits;
}

const theory = priorityMg1([
  { priority: 9, lambdaPerMs: PREMIUM_PER_MS, meanServiceMs: SERVICE_MS, secondMomentMs2: 2 * SERVICE_MS ** 2 },
  { priority: 0, lambdaPerMs: STANDARD_PER_MS, meanServiceMs: SERVICE_MS, secondMomentMs2: 2 * SERVICE_MS ** 2 },
]);

function expectCobham(label: string, waits: Map<string, number[]>): void {
  for (const [id, figures] of [['premium', theory[0]], ['standard', theory[1]]] as const) {
    const sample = waits.get(id) ?? [];
    expect(sample.length).toBeGreaterThan(100_000);
    const se = batchStandardError(sample, mean);
    expect(se).toBeLessThan(MAX_REL_SE * figures.waitMs);
    expect(within(check(`${label}: ${id} mean wait (Cobham ${figures.waitMs.toFixed(3)} ms)`, mean(sample), figures.waitMs, Z * se))).toBe(true);
  }
}

describe('non-preemptive priority M/M/1 at ρ = 0.8 (premium 0.3/ms at 9, standard 0.5/ms at 0)', () => {
  const messages = 800_000;
  const runMs = messages / (PREMIUM_PER_MS + STANDARD_PER_MS);
  const classes = () => [
    publisher('premium', PREMIUM_PER_MS, Math.round(runMs * PREMIUM_PER_MS), { priority: 9 }),
    publisher('standard', STANDARD_PER_MS, Math.round(runMs * STANDARD_PER_MS)),
  ];

  it('the formula itself: W0 = 0.8, W_premium = W0/0.7, W_standard = W0/(0.7 × 0.2), conserving FIFO\'s mean 4 ms', () => {
    expect(theory[0].waitMs).toBeCloseTo(0.8 / 0.7, 12);
    expect(theory[1].waitMs).toBeCloseTo(0.8 / (0.7 * 0.2), 12);
    expect((PREMIUM_PER_MS * theory[0].waitMs + STANDARD_PER_MS * theory[1].waitMs) / 0.8).toBeCloseTo(4, 12);
  });

  it('one queue with order "priority": per-class mean waits match Cobham', () => {
    const waits = waitsByClass(scenario('priority queue', [...classes(), queue('q', { order: 'priority' }), handler('h', exponential(SERVICE_MS))],
      [edge('premium', 'q'), edge('standard', 'q'), edge('q', 'h')], { warmup: 0.01 * runMs }));
    expectCobham('one priority queue', waits);
  });

  it('two fifo queues feeding one handler: it takes the highest-priority head, so the same waits', () => {
    const waits = waitsByClass(scenario('two queues', [...classes(), queue('vip'), queue('std'), handler('h', exponential(SERVICE_MS))],
      [edge('premium', 'vip'), edge('standard', 'std'), edge('vip', 'h'), edge('std', 'h')], { warmup: 0.01 * runMs }));
    expectCobham('two fifo queues', waits);
  });
});
