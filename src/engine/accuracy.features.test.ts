// Accuracy of the scenario features against theory: G/M/1 for constant and interval arrivals, drop-oldest and
// block overflow, queue ttl, Kafka-style partitions, edge latency, edge probability, a handler's own buffer, two handlers on one queue, a handler on two queues.
import { afterAll, describe, expect, it } from 'vitest';
import { gm1, mm1, mm1k, mm1Ttl, mmc } from '../model/theory';
import { batchStandardError, check, edge, exponential, handler, mean, printChecks, publisher, queue, run, scenario, within } from './accuracy.helpers';
import type { Arrival, Report } from './types';

/*
 * Tolerances: 4.5 batch-means standard errors (30 batches; see accuracy.mm1.test.ts) where the test has the
 * per-copy samples; for time averages the report gives only one number, so those use a relative tolerance
 * sized from the Lindley replication study (relative SD ≈ 1–1.5% at these loads and sizes; 5% ≈ 4 SD).
 */
const Z = 4.5;
const MESSAGES = 300_000;

afterAll(() => printChecks('feature accuracy'));

function nodeOf<T extends Report['nodes'][string]['type']>(report: Report, id: string, type: T): Extract<Report['nodes'][string], { type: T }> {
  const node = report.nodes[id];
  if (node?.type !== type) throw new Error(`${id} is not a ${type}`);
  return node as Extract<Report['nodes'][string], { type: T }>;
}

const expectMean = (label: string, values: number[], expected: number): void => {
  expect(within(check(label, mean(values), expected, Z * batchStandardError(values, mean)))).toBe(true);
};

const RENEWAL_CASES: { name: string; arrival: Arrival; gap: Parameters<typeof gm1>[0] }[] = [
  { name: 'D/M/1 (constant 500/s)', arrival: { kind: 'constant', ratePerSecond: 500 }, gap: { kind: 'constant', value: 2 } },
  { name: 'E2/M/1 (erlang-2 gaps, mean 2 ms)', arrival: { kind: 'interval', gap: { kind: 'erlang', k: 2, mean: 2 } }, gap: { kind: 'erlang', k: 2, mean: 2 } },
  { name: 'U/M/1 (uniform gaps 0.5–2.5 ms)', arrival: { kind: 'interval', gap: { kind: 'uniform', min: 0.5, max: 2.5 } }, gap: { kind: 'uniform', min: 0.5, max: 2.5 } },
];

describe.each(RENEWAL_CASES)('$name as G/M/1', ({ name, arrival, gap }) => {
  it('waits with probability σ and stays W = 1/(μ(1 − σ))', () => {
    const theory = gm1(gap, 1)!;
    const { publishToDone, publishToRead } = run(scenario(name, [publisher('p', 1, MESSAGES, { arrival }), queue('q'), handler('h', exponential(1))], [edge('p', 'q'), edge('q', 'h')], { warmup: 100 }));
    const waited = publishToRead.get('q')!.map((w) => (w > 0 ? 1 : 0));
    expect(within(check(`${name} P(wait > 0) (σ)`, mean(waited), theory.probabilityOfWaiting, Z * batchStandardError(waited, mean)))).toBe(true);
    expectMean(`${name} mean publishToDone (W)`, publishToDone.get('q')!, theory.sojournMs);
  });
});

describe('overflow', () => {
  it('drop-oldest loses the same share P_K as reject (the number stored evolves the same way)', () => {
    const { report, outcomes } = run(scenario('drop-oldest', [publisher('p', 0.8, MESSAGES), queue('q', { capacity: 4, overflow: 'drop-oldest' }), handler('h', exponential(1))], [edge('p', 'q'), edge('q', 'h')]), { keepOutcomes: true });
    const q = nodeOf(report, 'q', 'queue');
    const dropped = outcomes.sort((a, b) => a.id - b.id).map((o) => (o.outcome === 'dropped' ? 1 : 0));
    expect(within(check('drop-oldest dropped/received (P_K, K = 5)', q.dropped / q.received, mm1k(0.8, 1, 5).blocking, Z * batchStandardError(dropped, mean)))).toBe(true);
    expect(q.maxDepth).toBe(4);
  });

  it('block holds the publisher back for the share P_{K+1} of the time (its held copy is one more place)', () => {
    const { report } = run(scenario('block', [publisher('p', 0.8, MESSAGES), queue('q', { capacity: 3, overflow: 'block' }), handler('h', exponential(1))], [edge('p', 'q'), edge('q', 'h')]));
    const p = nodeOf(report, 'p', 'publisher');
    expect(report.totals.dropped).toBe(0);
    expect(report.totals.completed).toBe(MESSAGES);
    const expected = mm1k(0.8, 1, 5).blocking; // 3 stored + 1 in service + 1 held by the publisher
    expect(within(check('block publisher blockedMs / endTime (P_{K+1})', p.blockedMs / report.endTime, expected, 0.05 * expected))).toBe(true);
  });
});

describe('queue ttl', () => {
  it('expires the share given by M/M/1 with deterministic patience', () => {
    const { report, outcomes } = run(scenario('ttl', [publisher('p', 0.9, MESSAGES), queue('q', { ttl: 5 }), handler('h', exponential(1))], [edge('p', 'q'), edge('q', 'h')]), { keepOutcomes: true });
    const q = nodeOf(report, 'q', 'queue');
    expect(q.expired).toBe(report.totals.expired);
    const expired = outcomes.sort((a, b) => a.id - b.id).map((o) => (o.outcome === 'expired' ? 1 : 0));
    expect(within(check('ttl expired/received (Barrer)', q.expired / q.received, mm1Ttl(0.9, 1, 5).expireShare, Z * batchStandardError(expired, mean)))).toBe(true);
  });
});

describe('partitions with keys', () => {
  it('splits a Poisson stream into independent M/M/1 queues, one per partition', () => {
    const lambdaPerMs = 1.2;
    const { publishToDone } = run(scenario('partitions', [publisher('p', lambdaPerMs, MESSAGES, { keys: 1000 }), queue('q', { partitions: 2 }), handler('h', exponential(1), { concurrency: 2 })], [edge('p', 'q'), edge('q', 'h')], { warmup: 100 }));
    // keys 0..999 uniform, key mod 2: each partition gets λ/2 = 0.6 (competing consumers would be M/M/2, W = 1.5625)
    expectMean('partitions mean publishToDone (M/M/1 at λ/2)', publishToDone.get('q')!, mm1(lambdaPerMs / 2, 1).sojournMs);
  });
});

describe('edges', () => {
  it('adds an exponential edge latency to publishToRead and publishToDone (delayed Poisson is Poisson)', () => {
    const { report, publishToDone, publishToRead } = run(scenario('latency', [publisher('p', 0.5, MESSAGES), queue('q'), handler('h', exponential(1))], [edge('p', 'q', { latency: exponential(5) }), edge('q', 'h')], { warmup: 100 }));
    const theory = mm1(0.5, 1);
    expectMean('edge latency mean publishToDone (5 + W)', publishToDone.get('q')!, 5 + theory.sojournMs);
    expectMean('edge latency mean publishToRead (5 + Wq)', publishToRead.get('q')!, 5 + theory.waitMs);
    expect(nodeOf(report, 'q', 'queue').wait.mean!).toBeLessThan(theory.waitMs * 1.1); // the queue's own wait excludes transit
  });

  it('emits along an edge with its probability; the thinned stream is Poisson', () => {
    const { report, publishToDone, endToEnd } = run(
      scenario('probability', [publisher('p', 0.5, MESSAGES), queue('q1'), handler('h1', exponential(1)), queue('q2'), handler('h2', exponential(2))],
        [edge('p', 'q1'), edge('q1', 'h1'), edge('h1', 'q2', { probability: 0.3 }), edge('q2', 'h2')], { warmup: 100 }),
      { endToEndNode: 'q2' },
    );
    const se = Math.sqrt((0.3 * 0.7) / MESSAGES);
    expect(within(check('probability emitted/completed at h1', report.totals.emitted / nodeOf(report, 'h1', 'handler').completed, 0.3, Z * se))).toBe(true);
    expectMean('probability q2 mean publishToDone (M/M/1 at 0.15)', publishToDone.get('q2')!, mm1(0.15, 0.5).sojournMs);
    expectMean('probability endToEnd mean (W1 + W2)', endToEnd, mm1(0.5, 1).sojournMs + mm1(0.15, 0.5).sojournMs);
  });
});

describe('handlers and queues', () => {
  it("a handler fed straight by a publisher buffers in arrival order: M/M/1", () => {
    const { publishToDone } = run(scenario('direct', [publisher('p', 0.7, MESSAGES), handler('h', exponential(1))], [edge('p', 'h')], { warmup: 100 }));
    expectMean('direct handler mean publishToDone (M/M/1)', publishToDone.get('h')!, mm1(0.7, 1).sojournMs);
  });

  it('two handlers on one queue are M/M/2 and share the work evenly', () => {
    const { report, publishToDone } = run(scenario('two handlers', [publisher('p', 1.4, MESSAGES), queue('q'), handler('a', exponential(1)), handler('b', exponential(1))], [edge('p', 'q'), edge('q', 'a'), edge('q', 'b')], { warmup: 100 }));
    expectMean('two handlers mean publishToDone (M/M/2)', publishToDone.get('q')!, mmc(1.4, 1, 2).sojournMs);
    for (const id of ['a', 'b']) expect(within(check(`two handlers utilization ${id}`, nodeOf(report, id, 'handler').utilization, 0.7, 0.02 * 0.7))).toBe(true);
  });

  it('a handler on two queues takes the oldest head: one FIFO M/M/1 for both streams', () => {
    const { publishToDone } = run(scenario('two queues', [publisher('p1', 0.3, MESSAGES), publisher('p2', 0.4, MESSAGES), queue('q1'), queue('q2'), handler('h', exponential(1))],
      [edge('p1', 'q1'), edge('p2', 'q2'), edge('q1', 'h'), edge('q2', 'h')], { warmup: 100, stopAt: MESSAGES / 0.4 }));
    const w = mm1(0.7, 1).sojournMs;
    expectMean('two queues q1 mean publishToDone (M/M/1 at 0.7)', publishToDone.get('q1')!, w);
    expectMean('two queues q2 mean publishToDone (M/M/1 at 0.7)', publishToDone.get('q2')!, w);
  });
});
