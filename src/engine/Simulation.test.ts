// The Simulation API the browser and CLI drive: step, runUntil, runEvents, snapshot, report shape
// and key order, determinism, records once per copy, the invariant, perf without a wall clock.
import { describe, expect, it } from 'vitest';
import { compile } from '../model/compile';
import { Simulation, simulate } from './Simulation';
import { InvariantError } from './report';
import { TimeOverflowError } from './EventQueue';
import type { Kernel } from './kernel';
import { constant, makeScenario, schedule } from './testScenario';
import type { MessageRecord } from './types';

const chain = makeScenario([
  { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 800 }, limit: 2000 },
  { id: 't', type: 'topic' },
  { id: 'q', type: 'queue', capacity: 5, ttl: 8, deadLetter: 'dlq' },
  { id: 'h', type: 'handler', service: { kind: 'exponential', mean: 1 }, failureRate: 0.1, retry: { maxAttempts: 2, backoff: constant(1) } },
  { id: 'q2', type: 'queue', partitions: 2, capacity: 3, overflow: 'drop-oldest' },
  { id: 'h2', type: 'handler', service: { kind: 'lognormal', mean: 1, sd: 0.5 }, concurrency: 2 },
  { id: 'dlq', type: 'queue' },
], [['p', 't'], ['t', 'q', { latency: { kind: 'uniform', min: 0, max: 2 } }], ['t', 'h'], ['q', 'h'], ['h', 'q2', { probability: 0.7 }], ['q2', 'h2']]);

describe('Simulation', () => {
  it('gives the same report for the same scenario and seed, and another for another seed', () => {
    const a = simulate(compile(chain));
    const b = simulate(compile(chain));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(simulate(compile({ ...chain, seed: 2 })).totals)).not.toBe(JSON.stringify(a.totals));
    expect(a.perf).toEqual({ wallMs: 0, events: a.perf.events, eventsPerSecond: 0 });
  });

  it('writes the report keys in the spec order, with no NaN', () => {
    const report = simulate(compile(chain));
    expect(Object.keys(report)).toEqual(['format', 'version', 'scenario', 'seed', 'endTime', 'totals', 'latency', 'nodes', 'sets', 'perf']);
    expect(Object.keys(report.totals)).toEqual(['published', 'emitted', 'sent', 'completed', 'retried', 'dropped', 'expired', 'deadLettered', 'failed', 'inFlight']);
    expect(Object.keys(report.latency.publishToRead)).toEqual(['count', 'mean', 'min', 'p50', 'p90', 'p95', 'p99', 'max']);
    expect(Object.keys(report.nodes)).toEqual(['p', 't', 'q', 'h', 'q2', 'h2', 'dlq']);
    // v1 keys first; architect.md's additions after them (deadLetteredBy only with a dead-letter queue)
    expect(Object.keys(report.nodes.q)).toEqual(['type', 'received', 'dropped', 'expired', 'deadLettered', 'maxDepth', 'meanDepth', 'wait', 'peakAt', 'drainMs', 'deadLetteredBy']);
    expect(Object.keys(report.nodes.q2)).toEqual(['type', 'received', 'dropped', 'expired', 'deadLettered', 'maxDepth', 'meanDepth', 'wait', 'peakAt', 'drainMs', 'partitionStats']);
    expect(Object.keys(report.latency)).toEqual(['publishToRead', 'publishToDone', 'endToEnd', 'endToEndBySink']);
    expect(Object.keys(report.nodes.h)).toEqual(['type', 'attempts', 'completed', 'failed', 'retried', 'utilization', 'service', 'publishToRead']);
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
    const t = report.totals;
    expect(t.sent).toBe(t.completed + t.dropped + t.expired + t.deadLettered + t.failed + t.inFlight);
  });

  it('hands every sent copy to onMessage exactly once', () => {
    const records: MessageRecord[] = [];
    const report = simulate(compile({ ...chain, stopAt: 1500 }), { onMessage: (r) => records.push(r) });
    expect(records).toHaveLength(report.totals.sent);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    for (const outcome of ['completed', 'dropped', 'expired', 'deadLettered', 'failed', 'inFlight'] as const) {
      expect(records.filter((r) => r.outcome === outcome)).toHaveLength(report.totals[outcome]);
    }
  });

  it('steps one event at a time and lands on the same report as a full run', () => {
    const input = compile(chain);
    const stepped = new Simulation(input);
    let steps = 0;
    let last = -1;
    for (let d = stepped.step(); d !== null; d = stepped.step()) {
      steps++;
      expect(d.timeMs).toBeGreaterThanOrEqual(last);
      last = d.timeMs;
      expect(typeof d.kind).toBe('string');
    }
    expect(stepped.done).toBe(true);
    const full = simulate(input);
    expect(steps).toBe(full.perf.events);
    expect({ ...stepped.report(), perf: null }).toEqual({ ...full, perf: null });
  });

  it('describes a step in words the UI can translate', () => {
    const sim = new Simulation(compile(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 0) },
      { id: 'q', type: 'queue' },
      { id: 'h', type: 'handler', service: constant(2) },
    ], [['p', 'q'], ['q', 'h']])));
    expect(sim.step()).toMatchObject({ timeMs: 0, kind: 'publish', nodeId: 'p', messageId: 0 });
    expect(sim.step()).toMatchObject({ timeMs: 0, kind: 'publish', nodeId: 'p', messageId: 1 });
    expect(sim.step()).toMatchObject({ timeMs: 2, kind: 'complete', nodeId: 'h', messageId: 0 });
    expect(sim.step()).toMatchObject({ timeMs: 4, kind: 'complete', nodeId: 'h', messageId: 1 });
    expect(sim.step()).toBeNull();
  });

  it('describes blocks, and a cancelled publication as a timer', () => {
    const sim = new Simulation(compile(makeScenario([
      { id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 1000 }, limit: 10 },
      { id: 'q', type: 'queue', capacity: 1, overflow: 'block' },
      { id: 'h', type: 'handler', service: constant(10) },
    ], [['p', 'q', { latency: constant(5) }], ['q', 'h']])));
    const kinds: string[] = [];
    for (let d = sim.step(); d !== null; d = sim.step()) kinds.push(`${d.kind}@${d.timeMs}:${d.nodeId}`);
    expect(kinds).toContain('block@8:q');
    expect(kinds).toContain('timer@8:p'); // the publication due at 8 was cancelled by the block
    expect(kinds.filter((k) => k.startsWith('publish'))).toHaveLength(10);
  });

  it('runUntil runs events up to t and leaves the clock at min(t, end); runEvents chunks', () => {
    const input = compile(chain);
    const sim = new Simulation(input);
    sim.runUntil(100);
    expect(sim.timeMs).toBe(100);
    expect(sim.done).toBe(false);
    const snap = sim.snapshot();
    expect(snap.timeMs).toBe(100);
    expect(snap.depth).toHaveLength(input.nodes.length);
    while (!sim.runEvents(500)) { /* chunked */ }
    expect(sim.done).toBe(true);
    const end = sim.report().endTime;
    expect(sim.timeMs).toBe(end);
    sim.runUntil(end + 1000);
    expect(sim.timeMs).toBe(end);
  });

  it('snapshots copies in transit with their progress, busy slots and losses since the last one', () => {
    const sim = new Simulation(compile(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 0, 0) },
      { id: 'q', type: 'queue', capacity: 1 },
      { id: 'h', type: 'handler', service: constant(10) },
    ], [['p', 'q', { latency: constant(4) }], ['q', 'h']])));
    sim.runUntil(1);
    const first = sim.snapshot();
    expect(first.transit).toEqual([0, 1, 2].map(() => ({ edge: 0, progress: 0.25, event: 'p' })));
    sim.runUntil(5);
    const second = sim.snapshot();
    expect(second.transit).toEqual([]);
    expect(second.busy).toEqual([0, 0, 1]);
    expect(second.depth).toEqual([0, 1, 0]);
    expect(second.losses).toEqual([{ node: 1, kind: 'dropped' }]);
    expect(second.count).toEqual([3, 3, 0]);
    expect(sim.snapshot().losses).toEqual([]);
    expect(new Simulation(compile(chain), { maxTransit: 2 }).snapshot().transit.length).toBeLessThanOrEqual(2);
  });

  it('measures wall time only through the clock it is given', () => {
    let now = 0;
    const report = simulate(compile(chain), { clock: () => (now += 5) });
    expect(report.perf.wallMs).toBeGreaterThan(0);
    expect(report.perf.eventsPerSecond).toBeGreaterThan(0);
  });

  it('keeps queue waits and read latencies exact whether a copy waited since publication or not', () => {
    const all: MessageRecord[] = [];
    const report = simulate(compile(makeScenario([
      { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 1500 }, limit: 3000 },
      { id: 'late', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 300 }, limit: 600 },
      { id: 'q', type: 'queue' },
      { id: 'q2', type: 'queue' },
      { id: 'h1', type: 'handler', service: { kind: 'exponential', mean: 1 } },
      { id: 'h2', type: 'handler', service: { kind: 'exponential', mean: 1 } },
    ], [['p', 'q'], ['late', 'q2', { latency: constant(2) }], ['q', 'h1'], ['q', 'h2'], ['q2', 'h1']])), { onMessage: (m) => all.push(m) });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const at = (node: string) => all.filter((m) => m.node === node);
    const { q, q2, h1, h2 } = report.nodes;
    if (q.type !== 'queue' || q2.type !== 'queue' || h1.type !== 'handler' || h2.type !== 'handler') throw new Error('unexpected node types');
    expect(q.wait.count).toBe(3000);
    expect(q.wait.mean).toBeCloseTo(mean(at('q').map((m) => (m.readAt as number) - m.publishedAt)), 9);
    expect(q2.wait.count).toBe(600);
    expect(q2.wait.mean).toBeCloseTo(mean(at('q2').map((m) => (m.readAt as number) - m.publishedAt - 2)), 9);
    expect(report.latency.publishToRead.count).toBe(3600);
    expect(report.latency.publishToRead.mean).toBeCloseTo(mean(all.map((m) => (m.readAt as number) - m.publishedAt)), 9);
    expect(h1.publishToRead.count + h2.publishToRead.count).toBe(3600);
    expect(h1.publishToRead.count).toBe(h1.attempts);
    expect(h2.publishToRead.count).toBe(h2.attempts);
  });

  it('throws a named error instead of reporting broken bookkeeping', () => {
    const sim = new Simulation(compile(chain));
    sim.runToEnd();
    (sim as unknown as { k: Kernel }).k.completed++;
    expect(() => sim.report()).toThrow(InvariantError);
    expect(() => sim.report()).toThrow(/sent \d+ != completed/);
  });

  it('reports mid-run as of the current clock, without handing in-flight records over', () => {
    const records: MessageRecord[] = [];
    const sim = new Simulation(compile(chain), { onMessage: (r) => records.push(r) });
    sim.runUntil(300);
    const report = sim.report();
    expect(report.endTime).toBe(300);
    expect(records.filter((r) => r.outcome === 'inFlight')).toHaveLength(0);
    expect(records).toHaveLength(report.totals.sent - report.totals.inFlight);
  });

  it('fails loudly when virtual time would overflow', () => {
    const input = compile(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(0, 1) },
      { id: 'q', type: 'queue' },
      { id: 'h', type: 'handler', service: constant(1e308) },
    ], [['p', 'q'], ['q', 'h']]));
    expect(() => simulate(input)).toThrow(TimeOverflowError);
  });

  it('ends without stopAt at the last event that changed something', () => {
    const report = simulate(compile(makeScenario([
      { id: 'p', type: 'publisher', arrival: schedule(3) },
      { id: 'h', type: 'handler', service: constant(4), outages: [{ start: 100, end: 200 }] },
    ], [['p', 'h']])));
    expect(report.endTime).toBe(7);
  });
});
