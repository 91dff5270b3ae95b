// Accuracy of networks and losses: a Jackson tandem (end-to-end = sum of stations), topic fan-out,
// M/M/1/K blocking, retries as Bernoulli feedback, and the dead-letter share fⁿ after n attempts.
import { afterAll, describe, expect, it } from 'vitest';
import { bernoulliRetries, jacksonTandem, mm1, mm1k } from '../model/theory';
import { batchStandardError, check, edge, exponential, handler, mean, printChecks, publisher, queue, run, scenario, within } from './accuracy.helpers';

/*
 * Tolerances: 4.5 batch-means standard errors (see accuracy.mm1.test.ts). Shares decided by independent
 * coin flips per message (retries, dead letters) are exactly binomial, so their standard error is
 * √(p(1−p)/n); blocking in M/M/1/K is correlated in time, so it uses batch means over copies in id order.
 */
const Z = 4.5;
const MESSAGES = 400_000;

afterAll(() => printChecks('network accuracy'));

const handlerNode = (report: ReturnType<typeof run>['report'], id: string) => {
  const node = report.nodes[id];
  if (node?.type !== 'handler') throw new Error(`${id} is not a handler`);
  return node;
};
const queueNode = (report: ReturnType<typeof run>['report'], id: string) => {
  const node = report.nodes[id];
  if (node?.type !== 'queue') throw new Error(`${id} is not a queue`);
  return node;
};

describe('Jackson tandem of two stations', () => {
  it('has end-to-end mean = W1 + W2 and each station its own M/M/1 sojourn', () => {
    const lambdaPerMs = 0.5;
    const warmupMs = (0.01 * MESSAGES) / lambdaPerMs;
    const theory = jacksonTandem(lambdaPerMs, [{ muPerMs: 1 }, { muPerMs: 1.25 }]);
    const { report, publishToDone, endToEnd } = run(
      scenario('tandem', [publisher('p', lambdaPerMs, MESSAGES), queue('q1'), handler('h1', exponential(1)), queue('q2'), handler('h2', exponential(0.8))],
        [edge('p', 'q1'), edge('q1', 'h1'), edge('h1', 'q2'), edge('q2', 'h2')], { warmup: warmupMs }),
      { endToEndNode: 'q2' },
    );
    expect(report.totals.published).toBe(MESSAGES);
    expect(report.totals.emitted).toBe(MESSAGES);
    expect(report.totals.sent).toBe(2 * MESSAGES);
    expect(report.totals.completed).toBe(2 * MESSAGES);
    expect(report.latency.endToEnd.count).toBe(endToEnd.length);
    expect(report.latency.endToEnd.mean!).toBeCloseTo(mean(endToEnd), 6);
    for (const [node, station] of [['q1', 0], ['q2', 1]] as const) {
      const done = publishToDone.get(node)!;
      expect(within(check(`tandem ${node} mean publishToDone`, mean(done), theory.stations[station].sojournMs, Z * batchStandardError(done, mean)))).toBe(true);
    }
    expect(within(check('tandem endToEnd mean (W1 + W2)', report.latency.endToEnd.mean!, theory.sojournMs, Z * batchStandardError(endToEnd, mean)))).toBe(true);
  });
});

describe('topic fan-out to two queue + handler subscriptions', () => {
  it('sends two copies per message, and each subscription behaves as its own M/M/1', () => {
    const lambdaPerMs = 0.5;
    const warmupMs = (0.01 * MESSAGES) / lambdaPerMs;
    const { report, publishToDone } = run(
      scenario('fan-out', [publisher('p', lambdaPerMs, MESSAGES), { id: 't', type: 'topic' }, queue('q1'), handler('h1', exponential(1)), queue('q2'), handler('h2', exponential(1.2))],
        [edge('p', 't'), edge('t', 'q1'), edge('t', 'q2'), edge('q1', 'h1'), edge('q2', 'h2')], { warmup: warmupMs }),
    );
    expect(report.totals.published).toBe(MESSAGES);
    expect(report.totals.sent).toBe(2 * MESSAGES);
    expect(report.totals.completed).toBe(2 * MESSAGES);
    expect(report.nodes.t).toEqual({ type: 'topic', received: MESSAGES });
    for (const [node, serviceMs] of [['q1', 1], ['q2', 1.2]] as const) {
      const done = publishToDone.get(node)!;
      const theory = mm1(lambdaPerMs, 1 / serviceMs);
      expect(queueNode(report, node).received).toBe(MESSAGES);
      expect(within(check(`fan-out ${node} mean publishToDone`, mean(done), theory.sojournMs, Z * batchStandardError(done, mean)))).toBe(true);
    }
  });
});

describe('M/M/1/K blocking', () => {
  it('drops the share P_K of arrivals (queue capacity K − 1 plus one handler slot, reject)', () => {
    const lambdaPerMs = 0.8;
    const systemCapacity = 5;
    const theory = mm1k(lambdaPerMs, 1, systemCapacity);
    const { report, outcomes } = run(
      scenario('M/M/1/K', [publisher('p', lambdaPerMs, MESSAGES), queue('q', { capacity: systemCapacity - 1, overflow: 'reject' }), handler('h', exponential(1))], [edge('p', 'q'), edge('q', 'h')]),
      { keepOutcomes: true },
    );
    const q = queueNode(report, 'q');
    expect(q.received).toBe(MESSAGES);
    expect(q.dropped).toBe(report.totals.dropped);
    expect(report.totals.completed + report.totals.dropped).toBe(MESSAGES);
    expect(q.maxDepth).toBe(systemCapacity - 1);
    const dropped = outcomes.sort((a, b) => a.id - b.id).map((o) => (o.outcome === 'dropped' ? 1 : 0));
    expect(within(check('M/M/1/K dropped/received (P_K)', q.dropped / q.received, theory.blocking, Z * batchStandardError(dropped, mean)))).toBe(true);
    const h = handlerNode(report, 'h');
    expect(within(check('M/M/1/K utilization (throughput/μ)', h.utilization, theory.throughputPerMs, 0.015 * theory.throughputPerMs))).toBe(true);
  });
});

describe('retries as Bernoulli feedback', () => {
  it('makes 1/(1−f) attempts per message and loads the handler with λ E[attempts] E[S]', () => {
    const lambdaPerMs = 0.5;
    const failureRate = 0.3;
    const retries = bernoulliRetries(failureRate, 50);
    const rhoEffective = lambdaPerMs * retries.expectedAttempts;
    const { report, attempts } = run(
      scenario('retries', [publisher('p', lambdaPerMs, MESSAGES), queue('q'), handler('h', exponential(1), { failureRate, retry: { maxAttempts: 50, backoff: { kind: 'constant', value: 0 } } })], [edge('p', 'q'), edge('q', 'h')]),
    );
    expect(report.totals.completed).toBe(MESSAGES); // f^50 ≈ 1e-26: nothing runs out of attempts
    const perMessage = attempts.get('q')!;
    const h = handlerNode(report, 'h');
    expect(h.attempts).toBe(perMessage.reduce((a, b) => a + b, 0));
    expect(h.retried).toBe(h.attempts - MESSAGES);
    expect(h.failed).toBe(h.retried);
    expect(report.totals.retried).toBe(h.retried);
    // attempts are geometric and independent per message: SD √f/(1−f)
    const attemptsSe = Math.sqrt(failureRate) / (1 - failureRate) / Math.sqrt(MESSAGES);
    expect(within(check('retries attempts per message (1/(1−f))', mean(perMessage), retries.expectedAttempts, Z * attemptsSe))).toBe(true);
    expect(within(check('retries utilization (λ E[attempts] E[S])', h.utilization, rhoEffective, 0.015 * rhoEffective))).toBe(true);
    // Bernoulli feedback to the tail of an M/M/1 queue is M/M/1 at ρ_eff: stored copies Lq = ρ²/(1−ρ).
    // A Lindley study of M/M/1 at ρ = 0.714 with 430k passes gave a relative SD of 1.2% (1.05% at the 570k passes here) for the mean
    // wait; the time-average depth is as noisy, so 5% is about 4.5 SD.
    const lq = rhoEffective ** 2 / (1 - rhoEffective);
    expect(within(check('retries queue meanDepth (Lq at ρ_eff)', queueNode(report, 'q').meanDepth, lq, 0.05 * lq))).toBe(true);
  });
});

describe('retries with a backoff', () => {
  it('keeps the station M/M/1 at ρ_eff and adds the backoffs to the time in system (Jackson with a delay node)', () => {
    const lambdaPerMs = 0.5;
    const failureRate = 0.3;
    const backoffMs = 5;
    const retries = bernoulliRetries(failureRate, 50);
    const rho = lambdaPerMs * retries.expectedAttempts;
    const { report, publishToDone } = run(
      scenario('retries with backoff', [publisher('p', lambdaPerMs, MESSAGES), queue('q'), handler('h', exponential(1), { failureRate, retry: { maxAttempts: 50, backoff: exponential(backoffMs) } })], [edge('p', 'q'), edge('q', 'h')], { warmup: 100 }),
    );
    // The backoff is an infinite-server delay node, so the network has product form: the queue's
    // marginal is M/M/1 at ρ_eff and, by Little, W = (ρ/(1−ρ) + λ(E[attempts] − 1)E[backoff]) / λ.
    const expectedW = (rho / (1 - rho) + lambdaPerMs * (retries.expectedAttempts - 1) * backoffMs) / lambdaPerMs;
    const done = publishToDone.get('q')!;
    expect(within(check('retries+backoff mean publishToDone (Little on the network)', mean(done), expectedW, Z * batchStandardError(done, mean)))).toBe(true);
    const lq = rho ** 2 / (1 - rho);
    expect(within(check('retries+backoff queue meanDepth (Lq at ρ_eff)', queueNode(report, 'q').meanDepth, lq, 0.05 * lq))).toBe(true);
    expect(within(check('retries+backoff utilization', handlerNode(report, 'h').utilization, rho, 0.015 * rho))).toBe(true);
  });
});

describe('dead letters after n attempts', () => {
  it('dead-letters the share fⁿ and sends each to the dead-letter queue as a new copy', () => {
    const lambdaPerMs = 0.3;
    const failureRate = 0.5;
    const maxAttempts = 3;
    const theory = bernoulliRetries(failureRate, maxAttempts);
    const { report, attempts } = run(
      scenario('dead letters', [
        publisher('p', lambdaPerMs, MESSAGES), queue('q', { deadLetter: 'dlq' }), queue('dlq'),
        handler('h', exponential(1), { failureRate, retry: { maxAttempts, backoff: { kind: 'constant', value: 0 } } }),
      ], [edge('p', 'q'), edge('q', 'h')]),
    );
    const t = report.totals;
    expect(t.deadLettered).toBe(queueNode(report, 'q').deadLettered);
    expect(t.completed + t.deadLettered).toBe(MESSAGES);
    expect(t.sent).toBe(MESSAGES + t.deadLettered);
    expect(queueNode(report, 'dlq').received).toBe(t.deadLettered);
    expect(t.inFlight).toBe(t.deadLettered); // they stay stored in the handler-less dead-letter queue
    expect(t.failed).toBe(0);
    const binomialSe = Math.sqrt((theory.deadLetterShare * (1 - theory.deadLetterShare)) / MESSAGES);
    expect(within(check('dead-letter share (fⁿ)', t.deadLettered / MESSAGES, theory.deadLetterShare, Z * binomialSe))).toBe(true);
    const h = handlerNode(report, 'h');
    // attempts per message: values 1, 2, 3 with P 1/2, 1/4, 1/4 -> SD = √(E[A²] − E[A]²)
    const sd = Math.sqrt(0.5 + 4 * 0.25 + 9 * 0.25 - theory.expectedAttempts ** 2);
    expect(within(check('dead letters attempts per message ((1−fⁿ)/(1−f))', h.attempts / MESSAGES, theory.expectedAttempts, (Z * sd) / Math.sqrt(MESSAGES)))).toBe(true);
    const completedAttempts = attempts.get('q')!;
    expect(completedAttempts.every((a) => a >= 1 && a <= maxAttempts)).toBe(true);
  });

  it('counts them as failed without a dead-letter queue', () => {
    const messages = 20_000;
    const { report } = run(scenario('failures', [publisher('p', 0.3, messages), queue('q'), handler('h', exponential(1), { failureRate: 0.5, retry: { maxAttempts: 2, backoff: { kind: 'constant', value: 0 } } })], [edge('p', 'q'), edge('q', 'h')]));
    const se = Math.sqrt((0.25 * 0.75) / messages);
    expect(report.totals.completed + report.totals.failed).toBe(messages);
    expect(report.totals.deadLettered).toBe(0);
    expect(within(check('failed share without dead-letter queue (f²)', report.totals.failed / messages, 0.25, Z * se))).toBe(true);
  });
});
