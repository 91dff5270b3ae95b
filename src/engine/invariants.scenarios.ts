// A fast-check arbitrary of small, valid scenarios for the engine's property tests (invariants.test.ts):
// publishers, topics, queues and handlers wired as a DAG (edges only go to later nodes), every option used.
/* eslint-disable no-restricted-imports -- test support only (imported by *.test.ts, never by the engine) */
import fc from 'fast-check';
import type { Distribution, Arrival } from './types';
import type { HandlerNode, PublisherNode, QueueNode, Scenario, ScenarioEdge, ScenarioNode } from '../model/types';

// durations are 0 or at least 1e-300 ms (MIN_DURATION_MS, validate.ts): a subnormal draw becomes 0
const small = (min: number, max: number): fc.Arbitrary<number> => fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((v) => (v > 0 && v < 1e-300 ? 0 : v));

export const distributionArb: fc.Arbitrary<Distribution> = fc.oneof(
  small(0, 20).map((value) => ({ kind: 'constant' as const, value })),
  small(0.1, 20).map((mean) => ({ kind: 'exponential' as const, mean })),
  fc.tuple(small(0, 10), small(0, 10)).map(([a, b]) => ({ kind: 'uniform' as const, min: Math.min(a, b), max: Math.max(a, b) })),
  fc.tuple(small(0.5, 20), small(0, 5)).map(([mean, sd]) => ({ kind: 'normal' as const, mean, sd })),
  fc.tuple(small(0.5, 20), small(0.1, 10)).map(([mean, sd]) => ({ kind: 'lognormal' as const, mean, sd })),
  fc.tuple(fc.integer({ min: 1, max: 5 }), small(0.1, 20)).map(([k, mean]) => ({ kind: 'erlang' as const, k, mean })),
  fc.array(small(0, 20), { minLength: 1, maxLength: 6 }).map((values) => ({ kind: 'empirical' as const, values })),
);

const arrivalArb: fc.Arbitrary<Arrival> = fc.oneof(
  small(10, 2000).map((ratePerSecond) => ({ kind: 'poisson' as const, ratePerSecond })),
  small(10, 2000).map((ratePerSecond) => ({ kind: 'constant' as const, ratePerSecond })),
  fc.tuple(small(0.5, 5), small(5, 30)).map(([min, max]) => ({ kind: 'interval' as const, gap: { kind: 'uniform' as const, min, max } })),
  fc.tuple(fc.integer({ min: 1, max: 8 }), small(5, 200)).map(([size, every]) => ({ kind: 'burst' as const, size, every })),
  fc.array(small(0, 300), { minLength: 0, maxLength: 30 }).map((times) => ({ kind: 'schedule' as const, times: times.sort((a, b) => a - b) })),
);

type Kind = 'topic' | 'queue' | 'handler';
const TARGETS: Record<ScenarioNode['type'], Kind[]> = { publisher: ['topic', 'queue', 'handler'], topic: ['queue', 'handler'], queue: ['handler'], handler: ['topic', 'queue'] };

function publisherArb(id: string, needsEnd: boolean): fc.Arbitrary<PublisherNode> {
  return fc.record({
    arrival: arrivalArb,
    limit: needsEnd ? fc.integer({ min: 0, max: 60 }) : fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    keys: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    event: fc.option(fc.constantFrom('ev.a', 'ev,"b"', '用户注册'), { nil: undefined }),
  }).map(({ arrival, limit, keys, event }) => ({
    id, type: 'publisher' as const, arrival,
    ...(limit === undefined ? {} : { limit }), ...(keys === undefined ? {} : { keys }), ...(event === undefined ? {} : { event }),
  }));
}

function queueArb(id: string, laterQueues: string[]): fc.Arbitrary<QueueNode> {
  return fc.record({
    capacity: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    overflow: fc.constantFrom<QueueNode['overflow']>(undefined, 'reject', 'drop-oldest', 'block'),
    ttl: fc.option(small(1, 50), { nil: undefined }),
    deadLetter: laterQueues.length > 0 ? fc.option(fc.constantFrom(...laterQueues), { nil: undefined }) : fc.constant(undefined),
    partitions: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  }).map((fields) => {
    const node: QueueNode = { id, type: 'queue' };
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) (node as unknown as Record<string, unknown>)[key] = value;
    return node;
  });
}

function handlerArb(id: string): fc.Arbitrary<HandlerNode> {
  return fc.record({
    service: distributionArb,
    concurrency: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    failureRate: fc.option(fc.constantFrom(0, 0.2, 0.5, 0.9), { nil: undefined }),
    retry: fc.option(fc.record({ maxAttempts: fc.integer({ min: 1, max: 4 }), backoff: distributionArb }), { nil: undefined }),
    outages: fc.option(fc.array(fc.tuple(small(0, 200), small(1, 100)).map(([start, length]) => ({ start, end: start + length })), { maxLength: 1 }), { nil: undefined }),
  }).map((fields) => {
    const node: HandlerNode = { id, type: 'handler', service: fields.service };
    for (const [key, value] of Object.entries(fields)) if (value !== undefined && key !== 'service') (node as unknown as Record<string, unknown>)[key] = value;
    return node;
  });
}

/**
 * Small valid scenarios. Nodes are laid out in order (publishers first) and every edge goes from a node to
 * a later one, so the graph has no cycle; dead-letter queues are later queues. Without stopAt every
 * publisher has a limit, so the run ends by itself.
 */
export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    publishers: fc.integer({ min: 1, max: 2 }),
    kinds: fc.array(fc.constantFrom<Kind>('topic', 'queue', 'queue', 'handler', 'handler'), { minLength: 1, maxLength: 6 }),
    stopAt: fc.option(small(50, 400), { nil: undefined }),
    warmup: fc.option(small(0, 50), { nil: undefined }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  })
  .chain(({ publishers, kinds, stopAt, warmup, seed }) => {
    const ids = [...Array.from({ length: publishers }, (_, i) => `p${i}`), ...kinds.map((kind, i) => `${kind[0]}${i}`)];
    const types: ScenarioNode['type'][] = [...Array.from({ length: publishers }, () => 'publisher' as const), ...kinds];
    const nodeArbs = ids.map((id, i): fc.Arbitrary<ScenarioNode> => {
      if (types[i] === 'publisher') return publisherArb(id, stopAt === undefined);
      if (types[i] === 'topic') return fc.constant({ id, type: 'topic' as const });
      if (types[i] === 'queue') return queueArb(id, ids.filter((_other, j) => j > i && types[j] === 'queue'));
      return handlerArb(id);
    });
    // candidate edges: every allowed (source, later target) pair, each kept or not
    const pairs: [number, number][] = [];
    ids.forEach((_, s) => ids.forEach((__, t) => {
      if (t > s && (TARGETS[types[s]] as string[]).includes(types[t])) pairs.push([s, t]);
    }));
    const edgeArbs = pairs.map(([s, t]) => fc.option(fc.record({
      latency: fc.option(distributionArb, { nil: undefined }),
      probability: types[s] === 'handler' ? fc.option(fc.constantFrom(0.3, 0.7, 1), { nil: undefined }) : fc.constant(undefined),
    }), { nil: undefined, freq: 2 }).map((extra): ScenarioEdge | undefined => (extra === undefined ? undefined : {
      id: `e${s}-${t}`, source: ids[s], target: ids[t],
      ...(extra.latency === undefined ? {} : { latency: extra.latency }), ...(extra.probability === undefined ? {} : { probability: extra.probability }),
    })));
    return fc.tuple(fc.tuple(...nodeArbs), fc.tuple(...edgeArbs)).map(([nodes, edges]): Scenario => ({
      format: 'eventflow-scenario', version: 1, name: 'property scenario', seed,
      ...(stopAt === undefined ? {} : { stopAt }),
      // the validator wants warmup < stopAt
      ...(warmup === undefined ? {} : { warmup: stopAt === undefined ? warmup : Math.min(warmup, stopAt / 2) }),
      nodes, edges: edges.filter((e): e is ScenarioEdge => e !== undefined),
    }));
  });
