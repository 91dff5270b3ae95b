// Arrival processes: first message one gap after start (poisson, constant, interval), bursts at
// start and every `every`, schedules inside [start, end), limits, keys, independent node streams.
import { describe, expect, it } from 'vitest';
import { constant, makeScenario, run, schedule } from './testScenario';
import type { Arrival } from './types';
import type { ScenarioNode } from '../model/types';

function publishTimes(arrival: Arrival, extra: object = {}, stopAt?: number): number[] {
  const r = run(makeScenario([
    { id: 'p', type: 'publisher', arrival, ...extra } as ScenarioNode,
    { id: 'q', type: 'queue' },
  ], [['p', 'q']], stopAt === undefined ? {} : { stopAt }));
  return r.records.map((m) => m.publishedAt);
}

describe('arrivals', () => {
  it('constant: first one gap after start, then every gap, inside [start, end)', () => {
    expect(publishTimes({ kind: 'constant', ratePerSecond: 100 }, { limit: 3 })).toEqual([10, 20, 30]);
    expect(publishTimes({ kind: 'constant', ratePerSecond: 100 }, { start: 5, end: 45 })).toEqual([15, 25, 35]);
  });

  it('interval draws each gap from its distribution', () => {
    expect(publishTimes({ kind: 'interval', gap: constant(7) }, { limit: 3 })).toEqual([7, 14, 21]);
  });

  it('burst publishes at start and every `every` after', () => {
    expect(publishTimes({ kind: 'burst', size: 2, every: 100 }, { start: 50, limit: 5 })).toEqual([50, 50, 150, 150, 250]);
  });

  it('schedule uses only the times inside [start, end), in order', () => {
    expect(publishTimes(schedule(30, 0, 10, 10, 250), { start: 5, end: 250 })).toEqual([10, 10, 30]);
  });

  it('poisson has exponential gaps with mean 1000/rate', () => {
    const times = publishTimes({ kind: 'poisson', ratePerSecond: 1000 }, { limit: 20000 });
    const meanGap = times[times.length - 1] / times.length;
    expect(meanGap).toBeGreaterThan(0.97);
    expect(meanGap).toBeLessThan(1.03);
    expect(times[0]).toBeGreaterThan(0);
  });

  it('stopAt ends the run: events at stopAt still run, the rest is in flight', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 1000 } },
      { id: 'q', type: 'queue' },
      { id: 'h', type: 'handler', service: constant(2.5) },
    ], [['p', 'q'], ['q', 'h']], { stopAt: 10 }));
    expect(r.report.endTime).toBe(10);
    expect(r.report.totals).toMatchObject({ published: 10, sent: 10, completed: 3, inFlight: 7 });
    expect(r.records.filter((m) => m.outcome === 'inFlight')).toHaveLength(7);
  });

  it('keys are drawn in 0..n-1 and route copies to partitions key mod n', () => {
    const r = run(makeScenario([
      { id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 1000 }, limit: 40, keys: 2 },
      { id: 'q', type: 'queue', partitions: 2 },
      { id: 'h', type: 'handler', service: constant(1000), concurrency: 4 },
    ], [['p', 'q'], ['q', 'h']], { stopAt: 100 }));
    // both partitions got a copy at once: exactly two are being handled
    expect(r.simulation.snapshot().busy[2]).toBe(2);
  });

  it('adding a node does not change the draws of the others', () => {
    const base = makeScenario([
      { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 500 }, limit: 500 },
      { id: 'q', type: 'queue' },
      { id: 'h', type: 'handler', service: { kind: 'exponential', mean: 1.5 } },
    ], [['p', 'q'], ['q', 'h']]);
    const grown = { ...base, nodes: [{ id: 'other', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 10 }, limit: 5 } as ScenarioNode, ...base.nodes, { id: 'q2', type: 'queue' } as ScenarioNode],
      edges: [...base.edges, { id: 'x', source: 'other', target: 'q2' }] };
    const a = run(base);
    const b = run(grown);
    expect(b.node('h', 'handler').service).toEqual(a.node('h', 'handler').service);
    expect(b.at('q').map((m) => m.doneAt)).toEqual(a.at('q').map((m) => m.doneAt));
  });
});
