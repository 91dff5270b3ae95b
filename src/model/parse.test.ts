// Table-driven tests of the scenario validator: each rule refused with its JSON path and message.
import { describe, expect, it } from 'vitest';
import { formatProblems, parseScenario, parseScenarioText } from './parse';
import type { ParseResult } from './types';
import { cpuMs } from '../testing/cpuClock';

type Json = Record<string, unknown>;

/** A small valid scenario: publisher -> topic -> queue -> handler. */
export function base(): Json {
  return {
    format: 'eventflow-scenario',
    version: 1,
    name: 'test',
    stopAt: 1000,
    nodes: [
      { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 10 } },
      { id: 't', type: 'topic' },
      { id: 'q', type: 'queue' },
      { id: 'h', type: 'handler', service: { kind: 'constant', value: 1 } },
      { id: 'spare', type: 'topic' },
    ],
    edges: [
      { id: 'e1', source: 'p', target: 't' },
      { id: 'e2', source: 't', target: 'q' },
      { id: 'e3', source: 'q', target: 'h' },
    ],
  };
}

/** Sets (or with undefined, deletes) the value at a path like `nodes.3.service`. */
function set(doc: Json, path: string, value: unknown): Json {
  const keys = path.split('.');
  let at: Record<string, unknown> = doc;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (value === undefined) delete at[last];
  else at[last] = value;
  return doc;
}

const texts = (result: ParseResult): string[] => (result.ok ? [] : result.problems.map((p) => p.text));

const long = (n: number): string => 'a'.repeat(n);

// [what, changes (path -> value; undefined deletes), the one problem expected]
const cases: [string, Record<string, unknown>, string][] = [
  ['format', { format: 'other' }, 'format: not an EventFlow scenario file (format must be "eventflow-scenario")'],
  ['a report', { format: 'eventflow-report' }, 'format: not an EventFlow scenario file: this is a run report (open the scenario it was made from)'],
  ['format missing', { format: undefined }, 'format: not an EventFlow scenario file (no "format": "eventflow-scenario")'],
  ['newer version', { version: 2 }, 'version: made by a newer version of EventFlow (version 2); this one reads version 1'],
  ['version not a whole number', { version: 1.5 }, 'version: must be a whole number (this EventFlow reads version 1)'],
  ['version text', { version: '1' }, 'version: must be a whole number (this EventFlow reads version 1)'],
  ['name empty', { name: '' }, 'name: must not be empty'],
  ['name missing', { name: undefined }, 'name: required'],
  ['name too long', { name: long(201) }, 'name: must be at most 200 characters'],
  ['name a number', { name: 5 }, 'name: must be text (a string)'],
  ['description too long', { description: long(20_001) }, 'description: must be at most 20000 characters'],
  ['seed negative', { seed: -1 }, 'seed: must be at least 0'],
  ['seed too big', { seed: 2 ** 32 }, 'seed: must be at most 4294967295'],
  ['seed far too big', { seed: 2 ** 60 }, 'seed: must be at most 4294967295'],
  ['capacity beyond safe integers', { 'nodes.2.capacity': 2 ** 60 }, 'nodes[2] (q).capacity: must be at most 9007199254740991'],
  ['seed fraction', { seed: 1.5 }, 'seed: must be an integer'],
  ['seed text', { seed: '1' }, 'seed: must be a number'],
  ['stopAt 0', { stopAt: 0 }, 'stopAt: must be greater than 0'],
  ['stopAt Infinity', { stopAt: Infinity }, 'stopAt: must be a finite number'],
  ['stopAt NaN', { stopAt: NaN }, 'stopAt: must be a finite number'],
  ['warmup negative', { warmup: -1 }, 'warmup: must be at least 0'],
  ['warmup after stopAt', { warmup: 1000 }, 'warmup: must be less than stopAt (1000)'],
  ['unknown root key', { foo: 1 }, 'foo: unknown key "foo"'],
  ['nodes missing', { nodes: undefined, edges: [] }, 'nodes: required'],
  ['nodes not a list', { nodes: {} }, 'nodes: must be a list (an array)'],
  ['node not an object', { 'nodes.4': 5 }, 'nodes[4]: must be an object'],
  ['node type', { 'nodes.4.type': 'consumer' }, 'nodes[4] (spare).type: must be one of "publisher", "topic", "queue", "handler"'],
  ['node type missing', { 'nodes.4.type': undefined }, 'nodes[4] (spare).type: required'],
  ['node unknown key', { 'nodes.1.colour': 'red' }, 'nodes[1] (t).colour: unknown key "colour"'],
  ['id pattern', { 'nodes.4.id': 'a b' }, 'nodes[4] (a b).id: must be 1 to 64 of the characters A-Z a-z 0-9 . _ -'],
  ['id too long', { 'nodes.4.id': long(65) }, `nodes[4] (${long(63)}…).id: must be at most 64 characters`],
  ['id empty', { 'nodes.4.id': '' }, 'nodes[4].id: must not be empty'],
  ['id missing', { 'nodes.4.id': undefined }, 'nodes[4].id: required'],
  ['duplicate node id', { 'nodes.4.id': 't' }, 'nodes[4] (t).id: duplicate id "t"'],
  ['node and edge may share an id', { 'nodes.4.id': 'e1' }, ''],
  ['duplicate edge id', { 'edges.2.id': 'e1' }, 'edges[2] (e1).id: duplicate id "e1"'],
  ['label empty', { 'nodes.1.label': '' }, 'nodes[1] (t).label: must not be empty'],
  ['label too long', { 'nodes.1.label': long(201) }, 'nodes[1] (t).label: must be at most 200 characters'],
  ['position type', { 'nodes.1.position': { x: 'a', y: 0 } }, 'nodes[1] (t).position.x: must be a number'],
  ['position key', { 'nodes.1.position': { x: 0, y: 0, z: 0 } }, 'nodes[1] (t).position.z: unknown key "z"'],
  ['constant value', { 'nodes.3.service': { kind: 'constant', value: -1 } }, 'nodes[3] (h).service.value: must be at least 0'],
  ['exponential mean', { 'nodes.3.service': { kind: 'exponential', mean: 0 } }, 'nodes[3] (h).service.mean: must be greater than 0'],
  ['uniform min', { 'nodes.3.service': { kind: 'uniform', min: -1, max: 2 } }, 'nodes[3] (h).service.min: must be at least 0'],
  ['uniform max < min', { 'nodes.3.service': { kind: 'uniform', min: 3, max: 2 } }, 'nodes[3] (h).service.max: must be at least min (3)'],
  ['normal mean', { 'nodes.3.service': { kind: 'normal', mean: -1, sd: 1 } }, 'nodes[3] (h).service.mean: must be at least 0'],
  ['normal sd', { 'nodes.3.service': { kind: 'normal', mean: 1, sd: -1 } }, 'nodes[3] (h).service.sd: must be at least 0'],
  ['lognormal mean', { 'nodes.3.service': { kind: 'lognormal', mean: 0, sd: 1 } }, 'nodes[3] (h).service.mean: must be greater than 0'],
  ['lognormal sd', { 'nodes.3.service': { kind: 'lognormal', mean: 1, sd: -1 } }, 'nodes[3] (h).service.sd: must be at least 0'],
  ['erlang k 0', { 'nodes.3.service': { kind: 'erlang', k: 0, mean: 1 } }, 'nodes[3] (h).service.k: must be at least 1'],
  ['erlang k fraction', { 'nodes.3.service': { kind: 'erlang', k: 1.5, mean: 1 } }, 'nodes[3] (h).service.k: must be an integer'],
  ['erlang k huge', { 'nodes.3.service': { kind: 'erlang', k: 10_001, mean: 1 } }, 'nodes[3] (h).service.k: must be at most 10000'],
  ['erlang mean', { 'nodes.3.service': { kind: 'erlang', k: 2, mean: 0 } }, 'nodes[3] (h).service.mean: must be greater than 0'],
  ['empirical empty', { 'nodes.3.service': { kind: 'empirical', values: [] } }, 'nodes[3] (h).service.values: must not be empty'],
  ['empirical negative', { 'nodes.3.service': { kind: 'empirical', values: [1, -2] } }, 'nodes[3] (h).service.values[1]: must be at least 0'],
  ['empirical too many', { 'nodes.3.service': { kind: 'empirical', values: new Array(100_001).fill(1) } }, 'nodes[3] (h).service.values: must have at most 100000 items'],
  ['distribution kind', { 'nodes.3.service': { kind: 'weibull', mean: 1 } }, 'nodes[3] (h).service.kind: must be one of "constant", "exponential", "uniform", "normal", "lognormal", "erlang", "empirical"'],
  ['distribution missing', { 'nodes.3.service': undefined }, 'nodes[3] (h).service: required'],
  ['distribution extra key', { 'nodes.3.service': { kind: 'constant', value: 1, mean: 2 } }, 'nodes[3] (h).service.mean: unknown key "mean"'],
  ['duration beyond the bounds', { 'nodes.3.service': { kind: 'constant', value: 1e308 } }, 'nodes[3] (h).service.value: must be at most 1000000000000'],
  ['time beyond the bounds', { 'nodes.2.ttl': 1e13 }, 'nodes[2] (q).ttl: must be at most 1000000000000'],
  ['schedule time beyond the bounds', { 'nodes.0.arrival': { kind: 'schedule', times: [2e12] } }, 'nodes[0] (p).arrival.times[0]: must be at most 1000000000000'],
  ['lognormal sd far above its mean', { 'nodes.3.service': { kind: 'lognormal', mean: 1e-6, sd: 2 } }, 'nodes[3] (h).service.sd: must be at most 1000000 × mean (1)'],
  ['rate too high', { 'nodes.0.limit': 5, 'nodes.0.arrival': { kind: 'poisson', ratePerSecond: 1e308 } }, 'nodes[0] (p).arrival.ratePerSecond: must be at most 1000000000000'],
  ['rate too low', { 'nodes.0.arrival': { kind: 'poisson', ratePerSecond: 1e-12 } }, 'nodes[0] (p).arrival.ratePerSecond: must be at least 1e-9'],
  ['position far away', { 'nodes.1.position': { x: 1e10, y: 0 } }, 'nodes[1] (t).position.x: must be at most 1000000000'],
  ['control characters in a name', { name: 'a\u001b]0;x\u0007' }, 'name: must not contain control characters'],
  ['C1 control in a label', { 'nodes.1.label': 'a\u009b31m' }, 'nodes[1] (t).label: must not contain control characters'],
  ['line breaks are fine in a description', { description: 'one\ntwo\tthree\r\n' }, ''],
  ['escapes in a description', { description: 'a\u001b[2J' }, 'description: must not contain control characters'],
  ['poisson rate', { 'nodes.0.arrival': { kind: 'poisson', ratePerSecond: 0 } }, 'nodes[0] (p).arrival.ratePerSecond: must be greater than 0'],
  ['constant rate', { 'nodes.0.arrival': { kind: 'constant', ratePerSecond: -1 } }, 'nodes[0] (p).arrival.ratePerSecond: must be greater than 0'],
  ['interval gap', { 'nodes.0.arrival': { kind: 'interval', gap: { kind: 'exponential', mean: -1 } } }, 'nodes[0] (p).arrival.gap.mean: must be greater than 0'],
  ['burst size 0', { 'nodes.0.arrival': { kind: 'burst', size: 0, every: 10 } }, 'nodes[0] (p).arrival.size: must be at least 1'],
  ['burst size fraction', { 'nodes.0.arrival': { kind: 'burst', size: 1.5, every: 10 } }, 'nodes[0] (p).arrival.size: must be an integer'],
  ['burst size huge', { 'nodes.0.arrival': { kind: 'burst', size: 10_001, every: 10 } }, 'nodes[0] (p).arrival.size: must be at most 10000'],
  ['burst every', { 'nodes.0.arrival': { kind: 'burst', size: 1, every: 0 } }, 'nodes[0] (p).arrival.every: must be greater than 0'],
  ['schedule time', { 'nodes.0.arrival': { kind: 'schedule', times: [0, -1] } }, 'nodes[0] (p).arrival.times[1]: must be at least 0'],
  ['arrival kind', { 'nodes.0.arrival': { kind: 'weekly' } }, 'nodes[0] (p).arrival.kind: must be one of "poisson", "constant", "interval", "burst", "schedule", "profile"'],
  ['arrival missing', { 'nodes.0.arrival': undefined }, 'nodes[0] (p).arrival: required'],
  ['limit negative', { 'nodes.0.limit': -1 }, 'nodes[0] (p).limit: must be at least 0'],
  ['limit fraction', { 'nodes.0.limit': 2.5 }, 'nodes[0] (p).limit: must be an integer'],
  ['limit huge', { 'nodes.0.limit': 100_000_001 }, 'nodes[0] (p).limit: must be at most 100000000'],
  ['start negative', { 'nodes.0.start': -1 }, 'nodes[0] (p).start: must be at least 0'],
  ['end before start', { 'nodes.0.start': 10, 'nodes.0.end': 10 }, 'nodes[0] (p).end: must be greater than start (10)'],
  ['event empty', { 'nodes.0.event': '' }, 'nodes[0] (p).event: must not be empty'],
  ['keys 0', { 'nodes.0.keys': 0 }, 'nodes[0] (p).keys: must be at least 1'],
  ['capacity negative', { 'nodes.2.capacity': -1 }, 'nodes[2] (q).capacity: must be at least 0'],
  ['capacity fraction', { 'nodes.2.capacity': 0.5 }, 'nodes[2] (q).capacity: must be an integer'],
  ['overflow', { 'nodes.2.overflow': 'spill' }, 'nodes[2] (q).overflow: must be one of "reject", "drop-oldest", "block"'],
  ['ttl', { 'nodes.2.ttl': 0 }, 'nodes[2] (q).ttl: must be greater than 0'],
  ['deadLetter missing node', { 'nodes.2.deadLetter': 'nowhere' }, 'nodes[2] (q).deadLetter: no node "nowhere"'],
  ['deadLetter not a queue', { 'nodes.2.deadLetter': 'h' }, 'nodes[2] (q).deadLetter: node "h" is a handler, not a queue'],
  ['deadLetter itself', { 'nodes.2.deadLetter': 'q' }, 'nodes[2] (q).deadLetter: must name another queue, not this one'],
  ['partitions 0', { 'nodes.2.partitions': 0 }, 'nodes[2] (q).partitions: must be at least 1'],
  ['partitions huge', { 'nodes.2.partitions': 10_001 }, 'nodes[2] (q).partitions: must be at most 10000'],
  ['concurrency 0', { 'nodes.3.concurrency': 0 }, 'nodes[3] (h).concurrency: must be at least 1'],
  ['concurrency huge', { 'nodes.3.concurrency': 10_001 }, 'nodes[3] (h).concurrency: must be at most 10000'],
  ['failureRate 1', { 'nodes.3.failureRate': 1 }, 'nodes[3] (h).failureRate: must be less than 1'],
  ['failureRate negative', { 'nodes.3.failureRate': -0.1 }, 'nodes[3] (h).failureRate: must be at least 0'],
  ['retry attempts', { 'nodes.3.retry': { maxAttempts: 0, backoff: { kind: 'constant', value: 1 } } }, 'nodes[3] (h).retry.maxAttempts: must be at least 1'],
  ['retry backoff missing', { 'nodes.3.retry': { maxAttempts: 2 } }, 'nodes[3] (h).retry.backoff: required'],
  ['outage window', { 'nodes.3.outages': [{ start: 5, end: 1 }] }, 'nodes[3] (h).outages[0].end: must be greater than start (5)'],
  ['outage negative', { 'nodes.3.outages': [{ start: -5, end: 1 }] }, 'nodes[3] (h).outages[0].start: must be at least 0'],
  ['too many outages', { 'nodes.3.outages': new Array(1001).fill({ start: 1, end: 2 }) }, 'nodes[3] (h).outages: must have at most 1000 items'],
  ['edge target', { 'edges.2.target': 'nowhere' }, 'edges[2] (e3).target: no node "nowhere"'],
  ['edge source', { 'edges.2.source': 'nowhere' }, 'edges[2] (e3).source: no node "nowhere"'],
  ['edge source missing', { 'edges.2.source': undefined }, 'edges[2] (e3).source: required'],
  ['edge self-loop', { 'edges.2.source': 'h' }, 'edges[2] (e3): connects node "h" to itself'],
  ['edge pair', { 'edges.2.source': 'q', 'edges.2.target': 't' }, 'edges[2] (e3): a queue cannot send to a topic'],
  ['edge pair handler->handler', { 'nodes.5': { id: 'h2', type: 'handler', service: { kind: 'constant', value: 1 } }, 'edges.3': { id: 'e4', source: 'h', target: 'h2' } }, 'edges[3] (e4): a handler cannot send to a handler'],
  ['probability not from a handler', { 'edges.2.probability': 0.5 }, 'edges[2] (e3).probability: only edges leaving a handler may have a probability (this one leaves a queue)'],
  ['probability 0', { 'nodes.5': { id: 'q2', type: 'queue' }, 'edges.3': { id: 'e4', source: 'h', target: 'q2', probability: 0 } }, 'edges[3] (e4).probability: must be greater than 0'],
  ['probability > 1', { 'nodes.5': { id: 'q2', type: 'queue' }, 'edges.3': { id: 'e4', source: 'h', target: 'q2', probability: 1.5 } }, 'edges[3] (e4).probability: must be at most 1'],
  ['latency', { 'edges.0.latency': { kind: 'constant', value: -2 } }, 'edges[0] (e1).latency.value: must be at least 0'],
  ['edge unknown key', { 'edges.0.priority': 2 }, 'edges[0] (e1).priority: unknown key "priority"'],
  ['never stops', { stopAt: undefined }, 'nodes[0] (p): never stops; give it limit or end, or set stopAt'],
  ['too many messages', { stopAt: 1e9, 'nodes.0.arrival': { kind: 'poisson', ratePerSecond: 1000 } }, 'nodes[0] (p): would publish about 1,000,000,000 messages; lower the rate or the stop time (at most 100,000,000)'],
  ['zero gap', { stopAt: undefined, 'nodes.0.end': 10, 'nodes.0.arrival': { kind: 'interval', gap: { kind: 'constant', value: 0 } } }, 'nodes[0] (p): would publish without end at one instant (its gap is always 0); give it limit'],
];

describe('parseScenario: every rule', () => {
  it('accepts the base scenario', () => {
    expect(texts(parseScenario(base()))).toEqual([]);
  });

  it.each(cases)('%s', (_what, changes, expected) => {
    const doc = base();
    for (const [path, value] of Object.entries(changes)) set(doc, path, value);
    expect(texts(parseScenario(doc))).toEqual(expected === '' ? [] : [expected]);
  });
});

describe('parseScenario: lists and orders problems', () => {
  it('lists every problem at once, in document order', () => {
    const doc = base();
    set(doc, 'edges.2.target', 'nowhere');
    set(doc, 'nodes.3.service', { kind: 'exponential', mean: 0 });
    set(doc, 'name', '');
    set(doc, 'nodes.0.limit', -1);
    set(doc, 'zzz', true);
    const result = parseScenario(doc);
    expect(texts(result)).toEqual([
      'name: must not be empty',
      'nodes[0] (p).limit: must be at least 0',
      'nodes[3] (h).service.mean: must be greater than 0',
      'edges[2] (e3).target: no node "nowhere"',
      'zzz: unknown key "zzz"',
    ]);
    expect(result.ok ? [] : result.problems[2]).toEqual({ path: 'nodes[3].service.mean', id: 'h', message: 'must be greater than 0', text: 'nodes[3] (h).service.mean: must be greater than 0' });
  });

  it('formatProblems prints one line each', () => {
    const result = parseScenario({ ...base(), name: '', seed: -1 });
    expect(result.ok ? '' : formatProblems(result.problems)).toBe('name: must not be empty\nseed: must be at least 0');
  });

  it('caps a flood of problems with a last summary line', () => {
    const doc = base();
    doc.nodes = Array.from({ length: 600 }, (_, i) => ({ id: `n${i}`, type: 'topic', label: '' }));
    doc.edges = [];
    const result = parseScenario(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(500);
    expect(result.problems[499].text).toBe('$: and 101 more problems');
  });

  it('refuses more nodes and edges than the bounds', () => {
    const doc = base();
    doc.nodes = Array.from({ length: 2001 }, (_, i) => ({ id: `n${i}`, type: 'topic' }));
    doc.edges = [];
    expect(texts(parseScenario(doc))).toEqual(['nodes: must have at most 2000 items']);
    const edges = base();
    edges.edges = Array.from({ length: 5001 }, (_, i) => ({ id: `e${i}`, source: 'p', target: 't' }));
    expect(texts(parseScenario(edges))).toEqual(['edges: must have at most 5000 items']);
  });

  it('refuses a loop that never ends without stopAt, and one that takes no time with it', () => {
    const doc = base();
    set(doc, 'nodes.0.limit', 5);
    set(doc, 'stopAt', undefined);
    (doc.edges as unknown[]).push({ id: 'back', source: 'h', target: 'q' });
    expect(texts(parseScenario(doc))).toEqual(['edges[2] (e3): messages would go round the loop through q, h for ever; set stopAt, or give an edge a probability below 1']);
    set(doc, 'stopAt', 100);
    expect(texts(parseScenario(doc))).toEqual([]); // service 1 ms: finite within stopAt
    set(doc, 'nodes.3.service', { kind: 'constant', value: 0 });
    expect(texts(parseScenario(doc))[0]).toMatch(/^edges\[2\] \(e3\): messages would go round the loop through q, h for ever in no time/);
    set(doc, 'edges.3.probability', 0.5);
    expect(texts(parseScenario(doc))).toEqual([]);
  });

  it('refuses too many messages in all, and too many copies after fan-out', () => {
    const two = base();
    set(two, 'nodes.0.limit', 60_000_000);
    set(two, 'stopAt', 1e12);
    (two.nodes as unknown[]).push({ id: 'p2', type: 'publisher', limit: 60_000_000, arrival: { kind: 'constant', ratePerSecond: 1000 } });
    expect(texts(parseScenario(two))).toEqual(['nodes: the publishers would publish about 120,000,000 messages in all; lower the rates or the stop time (at most 100,000,000)']);
    const wide = base();
    set(wide, 'nodes.0.limit', 100_000_000);
    set(wide, 'stopAt', 1e12);
    for (let i = 0; i < 20; i += 1) {
      (wide.nodes as unknown[]).push({ id: `w${i}`, type: 'handler', service: { kind: 'constant', value: 1 } });
      (wide.edges as unknown[]).push({ id: `f${i}`, source: 't', target: `w${i}` });
    }
    expect(texts(parseScenario(wide))).toEqual(['nodes[0] (p): would send about 2,100,000,000 message copies (100,000,000 messages, each fanned out about 21 times); lower the rate, the stop time or the fan-out (at most 1,000,000,000)']);
  });

  it('finds a long dead-letter loop quickly and names it briefly', () => {
    const doc = base();
    for (let i = 0; i < 1990; i += 1) (doc.nodes as unknown[]).push({ id: `d${i}`, type: 'queue', deadLetter: `d${(i + 1) % 1990}` });
    const started = cpuMs();
    expect(texts(parseScenario(doc))).toEqual(['nodes[5] (d0).deadLetter: dead letters would go round a loop: d0 → d1 → d2 → d3 → d4 → … → d0']);
    expect(cpuMs() - started).toBeLessThan(2000);
  });

  it('refuses a loop where copies multiply each round, even with stopAt', () => {
    const doc = base();
    (doc.edges as unknown[]).push({ id: 'back', source: 'h', target: 't' });
    expect(texts(parseScenario(doc))).toEqual([]); // one copy a round: bounded by stopAt
    (doc.edges as unknown[]).push({ id: 'twice', source: 't', target: 'q' });
    expect(texts(parseScenario(doc))).toEqual(['edges[1] (e2): copies would multiply without end going round the loop through t, q, h; lower the probabilities or the fan-out on it']);
    set(doc, 'edges.3.probability', 0.5);
    expect(texts(parseScenario(doc))).toEqual([]); // 2 × 0.5: one copy a round again
    set(doc, 'edges.3.probability', undefined);
    set(doc, 'nodes.3.failureRate', 0.5);
    set(doc, 'nodes.3.retry', { maxAttempts: 2, backoff: { kind: 'constant', value: 1 } });
    expect(texts(parseScenario(doc))[0]).toMatch(/copies would multiply without end/); // 2 × (1 − 0.5²) = 1.5 a round
  });

  it('lets a loop through a queue with a second reader end on its own', () => {
    const doc = base();
    set(doc, 'stopAt', undefined);
    set(doc, 'nodes.0.limit', 10);
    (doc.nodes as unknown[]).push({ id: 'h2', type: 'handler', service: { kind: 'constant', value: 1 } });
    (doc.edges as unknown[]).push({ id: 'back', source: 'h', target: 'q' }, { id: 'out', source: 'q', target: 'h2' });
    expect(texts(parseScenario(doc))).toEqual([]);
  });

  it('refuses a dead-letter loop', () => {
    const doc = base();
    (doc.nodes as unknown[]).push({ id: 'a', type: 'queue', deadLetter: 'b' }, { id: 'b', type: 'queue', deadLetter: 'a' });
    expect(texts(parseScenario(doc))).toEqual(['nodes[5] (a).deadLetter: dead letters would go round a loop: a → b → a']);
  });
});

describe('parseScenario: extensions and hostile input', () => {
  it('keeps x- keys anywhere and ignores them', () => {
    const doc = base();
    doc['x-app'] = { zoom: 2 };
    set(doc, 'nodes.3.service', { kind: 'constant', value: 1, 'x-why': 'measured' });
    set(doc, 'edges.0.x-colour', 'red');
    const result = parseScenario(doc);
    expect(result.ok && result.scenario).toEqual(doc);
  });

  it('refuses prototype keys as unknown keys and never pollutes prototypes', () => {
    const text = JSON.stringify(base()).replace('"name":"test"', '"name":"test","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}}')
      .replace('"type":"topic"', '"type":"topic","prototype":3,"x-ext":{"__proto__":{"polluted":4}}');
    const result = parseScenarioText(text);
    expect(texts(result)).toEqual([
      '__proto__: unknown key "__proto__"',
      'constructor: unknown key "constructor"',
      'nodes[1] (t).prototype: unknown key "prototype"',
      'nodes[1] (t).x-ext.__proto__: unknown key "__proto__"',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses values that are not JSON: cycles, functions, class instances', () => {
    const doc = base();
    doc['x-self'] = doc;
    expect(texts(parseScenario(doc))).toEqual(['x-self: refers to itself (a circular reference)']);
    expect(texts(parseScenario({ ...base(), name: () => 1 }))).toEqual(['name: must be a JSON value']);
    expect(texts(parseScenario({ ...base(), description: new Date(0) }))).toEqual(['description: must be a JSON value']);
    expect(texts(parseScenario(undefined))).toEqual(['$: must be a JSON value']);
    expect(texts(parseScenario([1]))).toEqual(['$: not an EventFlow scenario file (expected a JSON object with "format": "eventflow-scenario")']);
    expect(texts(parseScenario('text'))).toHaveLength(1);
  });

  it('never lets control characters from the file into a problem line', () => {
    const doc = base();
    set(doc, 'nodes.1.id', 't\u001b[2J\u009b');
    set(doc, 'edges.0.target', 'x\u202e');
    doc['k\u0007'] = 1;
    const lines = texts(parseScenario(doc));
    expect(lines).toContain('nodes[1] (t\\u001b[2J\\u009b).id: must be 1 to 64 of the characters A-Z a-z 0-9 . _ -');
    expect(lines).toContain('$["k\\u0007"]: unknown key "k\\u0007"');
    // eslint-disable-next-line no-control-regex -- looking for control characters
    const controls = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/;
    for (const line of lines) expect(line).not.toMatch(controls);
    const [syntax] = texts(parseScenarioText('{"a":\u001b}'));
    expect(syntax).not.toMatch(controls);
  });

  it('never throws on a value whose getters throw', () => {
    const doc = base();
    Object.defineProperty(doc, 'name', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(texts(parseScenario(doc))).toEqual(['name: could not be read (boom)']);
  });

  it('treats undefined properties as absent', () => {
    expect(parseScenario({ ...base(), seed: undefined, description: undefined }).ok).toBe(true);
  });
});

describe('parseScenarioText', () => {
  it('reads a valid file, with or without a byte-order mark', () => {
    expect(parseScenarioText(JSON.stringify(base())).ok).toBe(true);
    expect(parseScenarioText(`\uFEFF${JSON.stringify(base(), null, 2)}`).ok).toBe(true);
  });

  it('refuses empty text and text that is not JSON, saying where', () => {
    expect(texts(parseScenarioText(''))).toEqual(['$: the file is empty']);
    expect(texts(parseScenarioText('  \n '))).toEqual(['$: the file is empty']);
    const [line] = texts(parseScenarioText('{\n  "format": "eventflow-scenario",\n  oops\n}'));
    expect(line).toMatch(/^\$: not valid JSON at line 3, column 3 \(/);
    expect(texts(parseScenarioText('{"a":'))[0]).toMatch(/^\$: not valid JSON/);
  });

  it('refuses very deep nesting cleanly', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const [line] = texts(parseScenarioText(deep));
    expect(line).toMatch(/nested too deeply|not valid JSON/);
    const deepInside = JSON.stringify(base()).replace('"name":"test"', `"name":"test","x-deep":${'{"a":'.repeat(100)}1${'}'.repeat(100)}`);
    expect(texts(parseScenarioText(deepInside))).toHaveLength(1);
    expect(texts(parseScenarioText(deepInside))[0]).toMatch(/^x-deep(\.a)+: nested too deeply \(more than 64 levels\)$/);
  });

  it('refuses huge numbers that JSON turns into Infinity', () => {
    const text = JSON.stringify(base()).replace('"stopAt":1000', '"stopAt":1e400');
    expect(texts(parseScenarioText(text))).toEqual(['stopAt: must be a finite number']);
  });

  it('refuses text over 5 MB before parsing it', () => {
    const big = `{"x-pad":"${'a'.repeat(5 * 1024 * 1024)}"}`;
    expect(texts(parseScenarioText(big))).toEqual(['$: too large (5.0 MB; at most 5 MB)']);
  });

  it('never throws on text that is not a string', () => {
    expect(parseScenarioText(42 as unknown as string).ok).toBe(false);
  });
});
