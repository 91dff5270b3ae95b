// Test support: a fast-check arbitrary of valid scenarios that are small and always finish quickly
// (stopAt set, every publisher limited to ≤ 200 messages, edges only point forward so there is no loop).
import fc from 'fast-check';
import type { Arrival, Distribution, HandlerNode, PublisherNode, QueueNode, Scenario, ScenarioEdge, ScenarioNode, TopicNode } from './types';
import { canSend } from './readers';

/** Tenths in [min, max]: plain decimals that survive JSON exactly, never -0. */
const tenths = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min: Math.round(min * 10), max: Math.round(max * 10) }).map((n) => n / 10);

const LABELS = ['用户注册', '用户登录', 'user.registered', 'orders', 'mailer', 'GreenPool', 'test_topic', 'a b c'];

export const distributionArbitrary = (maxMeanMs = 30): fc.Arbitrary<Distribution> =>
  fc.oneof(
    tenths(0, maxMeanMs).map((value): Distribution => ({ kind: 'constant', value })),
    tenths(0.1, maxMeanMs).map((mean): Distribution => ({ kind: 'exponential', mean })),
    fc.tuple(tenths(0, maxMeanMs), tenths(0, maxMeanMs)).map(([min, extra]): Distribution => ({ kind: 'uniform', min, max: min + extra })),
    fc.tuple(tenths(0, maxMeanMs), tenths(0, maxMeanMs / 3)).map(([mean, sd]): Distribution => ({ kind: 'normal', mean, sd })),
    fc.tuple(tenths(0.1, maxMeanMs), tenths(0, maxMeanMs / 3)).map(([mean, sd]): Distribution => ({ kind: 'lognormal', mean, sd })),
    fc.tuple(fc.integer({ min: 1, max: 5 }), tenths(0.1, maxMeanMs)).map(([k, mean]): Distribution => ({ kind: 'erlang', k, mean })),
    fc.array(tenths(0, maxMeanMs), { minLength: 1, maxLength: 6 }).map((values): Distribution => ({ kind: 'empirical', values })),
  );

export const arrivalArbitrary: fc.Arbitrary<Arrival> = fc.oneof(
  tenths(0.1, 500).map((ratePerSecond): Arrival => ({ kind: 'poisson', ratePerSecond })),
  tenths(0.1, 500).map((ratePerSecond): Arrival => ({ kind: 'constant', ratePerSecond })),
  distributionArbitrary(50).map((gap): Arrival => ({ kind: 'interval', gap })),
  fc.tuple(fc.integer({ min: 1, max: 20 }), tenths(1, 1000)).map(([size, every]): Arrival => ({ kind: 'burst', size, every })),
  fc.array(tenths(0, 5000), { maxLength: 20 }).map((times): Arrival => ({ kind: 'schedule', times })),
);

const extension = fc.option(fc.record({ 'x-note': fc.string({ maxLength: 8 }) }), { nil: undefined });
const label = fc.option(fc.constantFrom(...LABELS), { nil: undefined });
const position = fc.option(fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) }), { nil: undefined });

/** Drops undefined fields so the scenario looks like a parsed file (and round-trips equal). */
function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const common = fc.record({ label, position, ext: extension });

const publisherSpec = (maxLimit: number) => fc.record({
  common,
  arrival: arrivalArbitrary,
  limit: fc.integer({ min: 0, max: maxLimit }),
  window: fc.option(fc.tuple(tenths(0, 1000), tenths(0.1, 5000)), { nil: undefined }),
  event: fc.option(fc.constantFrom(...LABELS), { nil: undefined }),
  keys: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
});

const topicSpec = fc.record({ kind: fc.constant('topic' as const), common });
const queueSpec = fc.record({
  kind: fc.constant('queue' as const),
  common,
  capacity: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
  overflow: fc.option(fc.constantFrom('reject' as const, 'drop-oldest' as const, 'block' as const), { nil: undefined }),
  ttl: fc.option(tenths(1, 1000), { nil: undefined }),
  partitions: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  deadLetterPick: fc.option(fc.nat(), { nil: undefined }),
});
const handlerSpec = fc.record({
  kind: fc.constant('handler' as const),
  common,
  concurrency: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  service: distributionArbitrary(),
  failureRate: fc.option(fc.integer({ min: 0, max: 50 }).map((n) => n / 100), { nil: undefined }),
  retry: fc.option(fc.record({ maxAttempts: fc.integer({ min: 1, max: 3 }), backoff: distributionArbitrary(20) }), { nil: undefined }),
  outages: fc.option(fc.array(fc.tuple(tenths(0, 5000), tenths(0.1, 500)), { maxLength: 2 }), { nil: undefined }),
  event: fc.option(fc.constantFrom(...LABELS), { nil: undefined }),
});

const edgeSpec = fc.record({
  pick: fc.nat(),
  latency: fc.option(distributionArbitrary(10), { nil: undefined }),
  probability: fc.option(fc.integer({ min: 1, max: 10 }).map((n) => n / 10), { nil: undefined }),
});

type Common = { label?: string; position?: { x: number; y: number }; ext?: { 'x-note': string } };
const commonFields = (id: string, c: Common) => clean({ id, label: c.label, position: c.position, ...(c.ext ?? {}) });

export interface ScenarioArbitraryOptions {
  /** most messages per publisher (default 200) */
  maxLimit?: number;
  /** most publishers (default 3) */
  maxPublishers?: number;
  /** most topics, queues and handlers (default 6) */
  maxOthers?: number;
  /** most edges (default 12) */
  maxEdges?: number;
}

/** Valid, small, always-finishing scenarios: publishers (each with a limit) first, then topics,
 *  queues and handlers; edges and dead letters point only forward, so nothing loops; stopAt is set. */
export function makeScenarioArbitrary(options: ScenarioArbitraryOptions = {}): fc.Arbitrary<Scenario> {
  const { maxLimit = 200, maxPublishers = 3, maxOthers = 6, maxEdges = 12 } = options;
  return fc
    .record({
      name: fc.string({ minLength: 1, maxLength: 20 }),
      description: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      stopAt: tenths(100, 10_000),
      warmupShare: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
      publishers: fc.array(publisherSpec(maxLimit), { minLength: 1, maxLength: maxPublishers }),
      others: fc.array(fc.oneof({ arbitrary: topicSpec, weight: 1 }, { arbitrary: queueSpec, weight: 2 }, { arbitrary: handlerSpec, weight: 3 }), { minLength: 1, maxLength: maxOthers }),
      edges: fc.array(edgeSpec, { maxLength: maxEdges }),
      ext: extension,
    })
    .map((plan): Scenario => {
      const nodes: ScenarioNode[] = [];
      plan.publishers.forEach((p, i) => {
        const node: PublisherNode = clean({
          ...commonFields(`p${i + 1}`, p.common),
          type: 'publisher' as const,
          arrival: p.arrival,
          limit: p.limit,
          start: p.window?.[0],
          end: p.window ? p.window[0] + p.window[1] : undefined,
          event: p.event,
          keys: p.keys,
        });
        nodes.push(node);
      });
      plan.others.forEach((o, i) => {
        const id = `${o.kind[0]}${nodes.length + 1}`;
        if (o.kind === 'topic') nodes.push(clean({ ...commonFields(id, o.common), type: 'topic' }) as TopicNode);
        else if (o.kind === 'queue') {
          const later = plan.others.map((other, j) => ({ other, j })).filter(({ other, j }) => j > i && other.kind === 'queue');
          const pick = o.deadLetterPick === undefined || later.length === 0 ? undefined : later[o.deadLetterPick % later.length];
          const deadLetter = pick ? `q${plan.publishers.length + pick.j + 1}` : undefined;
          const queue: QueueNode = clean({ ...commonFields(id, o.common), type: 'queue' as const, capacity: o.capacity, overflow: o.overflow, ttl: o.ttl, deadLetter, partitions: o.partitions });
          nodes.push(queue);
        } else {
          const outages = o.outages?.map(([start, length]) => ({ start, end: start + length }));
          const handler: HandlerNode = clean({ ...commonFields(id, o.common), type: 'handler' as const, concurrency: o.concurrency, service: o.service, failureRate: o.failureRate, retry: o.retry, outages, event: o.event });
          nodes.push(handler);
        }
      });
      const pairs: [number, number][] = [];
      nodes.forEach((from, i) => nodes.forEach((to, j) => {
        if (j > i && canSend(from.type, to.type)) pairs.push([i, j]);
      }));
      const edges: ScenarioEdge[] = pairs.length === 0 ? [] : plan.edges.map((e, k) => {
        const [from, to] = pairs[e.pick % pairs.length];
        const probability = nodes[from].type === 'handler' ? e.probability : undefined;
        return clean({ id: `e${k + 1}`, source: nodes[from].id, target: nodes[to].id, latency: e.latency, probability });
      });
      const warmup = plan.warmupShare === undefined ? undefined : Math.floor((plan.stopAt * plan.warmupShare) / 10);
      return clean({ format: 'eventflow-scenario' as const, version: 1 as const, name: plan.name, description: plan.description, seed: plan.seed, stopAt: plan.stopAt, warmup, nodes, edges, ...(plan.ext ?? {}) });
    });
}

/** The default: at most 3 publishers of at most 200 messages each, 6 other nodes, 12 edges. */
export const scenarioArbitrary: fc.Arbitrary<Scenario> = makeScenarioArbitrary();
