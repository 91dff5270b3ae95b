// Round 2 of the finiteness rules (docs/reliability.md): dead-letter links are edges, probabilities
// and durations are judged with the clock's resolution, loops are counted, and nothing recurses.
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';
import { components } from './finiteness';
import { compile } from './compile';
import { simulate } from '../engine/index';

type Doc = Record<string, unknown> & { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };
const service = { kind: 'constant', value: 1 };
const doc = (nodes: Record<string, unknown>[], edges: [string, string, Record<string, unknown>?][], extra: Record<string, unknown> = {}): Doc => ({
  format: 'eventflow-scenario', version: 1, name: 'f', ...extra, nodes,
  edges: edges.map(([source, target, more], i) => ({ id: `e${i + 1}`, source, target, ...more })),
});
const texts = (value: unknown): string[] => {
  const result = parseScenario(value);
  return result.ok ? [] : result.problems.map((p) => p.text);
};
const publisher = { id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 1000 }, limit: 5 };

describe('finiteness: dead-letter links are edges', () => {
  // p → q (ttl 5, no reader, dead letters to dlq) ; dlq → h → q : every copy goes round for ever
  const ring = (extra: Record<string, unknown> = {}, back: [string, string][] = [['h', 'q']]) => doc(
    [publisher, { id: 'q', type: 'queue', ttl: 5, deadLetter: 'dlq' }, { id: 'dlq', type: 'queue' }, { id: 'h', type: 'handler', service }],
    [['p', 'q'], ['dlq', 'h'], ...back], extra);

  it('refuses a queue that dead-letters into a ring through a handler, without stopAt', () => {
    expect(texts(ring())).toEqual(['edges[1] (e2): messages would go round the loop through q, dlq, h for ever; set stopAt, or give an edge a probability below 1']);
  });

  it('runs the same ring with stopAt: bounded by time (and ends)', () => {
    const scenario = ring({ stopAt: 1000 });
    expect(texts(scenario)).toEqual([]);
    const result = parseScenario(scenario);
    if (!result.ok) throw new Error('refused');
    const report = simulate(compile(result.scenario));
    expect(report.endTime).toBe(1000);
    expect(report.totals.sent).toBeGreaterThan(100);
  });

  it('refuses the ring with two edges back (copies double each round), even with stopAt', () => {
    const twice = ring({ stopAt: 1000 }, [['h', 'q'], ['h', 't'], ['t', 'q']]);
    twice.nodes.push({ id: 't', type: 'topic' });
    expect(texts(twice)[0]).toMatch(/copies would multiply without end going round the loop through q, dlq, h, t/);
  });
});

describe('finiteness: probabilities and durations at the clock\'s resolution', () => {
  const loop = (probability: number, serviceMs: number, extra: Record<string, unknown> = {}) => doc(
    [publisher, { id: 'q', type: 'queue' }, { id: 'h', type: 'handler', service: { kind: 'exponential', mean: serviceMs } }],
    [['p', 'q'], ['q', 'h'], ['h', 'q', { probability }]], extra);

  it('refuses a loop probability just below 1 without stopAt (about 9e15 rounds)', () => {
    expect(texts(loop(0.9999999999999999, 1))).toEqual(['nodes[0] (p): would send unboundedly many message copies: a loop on their way could go round without end; set stopAt, or lower the probabilities on the loop']);
    expect(texts(loop(0.9, 1))).toEqual([]); // 10 rounds on average
  });

  it('accepts it with stopAt, where time bounds the rounds', () => {
    expect(texts(loop(0.9999999999999999, 1, { stopAt: 1000 }))).toEqual([]);
  });

  it('refuses a 1e-300 ms service in a certain loop with stopAt 1 ms: no time at the clock\'s resolution', () => {
    expect(texts(loop(1, 1e-300, { stopAt: 1 }))[0]).toMatch(/^edges\[1\] \(e2\): messages would go round the loop through q, h for ever in no time; .*at least 9\.1e-13 ms, the clock's resolution at stopAt/);
  });

  it('counts the rounds of a loop with a tiny but resolvable step: 1e-9 ms a round for 1,000 ms', () => {
    expect(texts(loop(1, 1e-9, { stopAt: 1000 }))[0]).toMatch(/^nodes\[0\] \(p\): would send about .* message copies/);
    expect(texts(loop(1, 1e-2, { stopAt: 1000 }))).toEqual([]);
  });

  it('refuses a gap below the clock\'s resolution late in a run (1e-6 ms at t = 1e11 ms)', () => {
    const late = doc([{ id: 'p', type: 'publisher', arrival: { kind: 'interval', gap: { kind: 'constant', value: 1e-6 } }, start: 1e11, end: 1e11 + 1 }, { id: 'h', type: 'handler', service }], [['p', 'h']]);
    expect(texts(late)).toEqual(['nodes[0] (p): would publish without end at one instant: its gap is below the clock\'s resolution at 1.0e11 ms (0.0909 ms); give it limit, or a longer gap']);
    (late.nodes[0] as Record<string, unknown>).limit = 1000; // a limit ends it even if the clock stands still
    expect(texts(late)).toEqual([]);
    (late.nodes[0] as Record<string, unknown>).start = 0; // early in time the same gap is fine
    delete (late.nodes[0] as Record<string, unknown>).limit;
    late.nodes[0].end = 1;
    expect(texts(late)).toEqual([]);
  });
});

describe('finiteness: no recursion whose depth grows with the diagram', () => {
  it('finds the components of a 50,000-node chain and ring', () => {
    const n = 50_000;
    const chain = components(n, (v) => (v + 1 < n ? [v + 1] : []));
    expect(chain.length).toBe(n);
    expect(chain[0]).toEqual([n - 1]); // sinks first
    const ring = components(n, (v) => [(v + 1) % n]);
    expect(ring.length).toBe(1);
    expect(ring[0].length).toBe(n);
  });

  it('validates, compiles and runs a 2,000-node chain (publisher → 1,999 queue/handler steps)', () => {
    const nodes: Record<string, unknown>[] = [{ ...publisher, limit: 3 }];
    const edges: [string, string][] = [];
    for (let i = 1; i < 2000; i += 1) {
      nodes.push(i % 2 === 1 ? { id: `n${i}`, type: 'queue' } : { id: `n${i}`, type: 'handler', service });
      edges.push([i === 1 ? 'p' : `n${i - 1}`, `n${i}`]);
    }
    const chain = doc(nodes, edges);
    const result = parseScenario(chain);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const report = simulate(compile(result.scenario));
    // each message is one copy per queue (1,000), read and completed by the handler after it (999)
    expect(report.totals.sent).toBe(3 * 1000);
    expect(report.totals.completed).toBe(3 * 999);
    expect(report.totals.inFlight).toBe(3); // stored in the last queue
  });
});
