// Bottleneck and theory analysis from a scenario: propagated rates, ρ, which pairs fit a model, growing queues;
// and the message table's row window.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model/types';
import type { SeriesData } from '../../worker/protocol';
import { arrivalRates, growingQueues, handlerLoads, theoryStations } from './analysis';
import { visibleWindow } from './MessagesPanel';

const scenario = (serviceMs: number, concurrency = 1): Scenario => ({
  format: 'eventflow-scenario', version: 1, name: 's', stopAt: 1000,
  nodes: [
    { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 500 } },
    { id: 't', type: 'topic' },
    { id: 'q1', type: 'queue' },
    { id: 'h1', type: 'handler', concurrency, service: { kind: 'exponential', mean: serviceMs } },
    { id: 'q2', type: 'queue', capacity: 10 },
    { id: 'h2', type: 'handler', service: { kind: 'constant', value: 1 } },
    { id: 'out', type: 'queue' },
  ],
  edges: [
    { id: 'a', source: 'p', target: 't' },
    { id: 'b', source: 't', target: 'q1' },
    { id: 'c', source: 'q1', target: 'h1' },
    { id: 'd', source: 't', target: 'q2' },
    { id: 'e', source: 'q2', target: 'h2' },
    { id: 'f', source: 'h1', target: 'out', probability: 0.5 },
  ],
});

describe('analysis', () => {
  it('propagates arrival rates through topics (fan-out) and handlers (probability)', () => {
    const rates = arrivalRates(scenario(1));
    expect(rates.get('q1')).toBeCloseTo(0.5);
    expect(rates.get('q2')).toBeCloseTo(0.5);
    expect(rates.get('h1')).toBeCloseTo(0.5);
    expect(rates.get('out')).toBeCloseTo(0.25);
  });

  it('flags ρ ≥ 1 only where the queue is unbounded', () => {
    const loads = handlerLoads(scenario(3));
    const h1 = loads.find((l) => l.handler === 'h1')!;
    expect(h1.rho).toBeCloseTo(1.5);
    expect(h1.unbounded).toBe(true);
    expect(handlerLoads(scenario(3, 2)).find((l) => l.handler === 'h1')!.rho).toBeCloseTo(0.75);
    expect(loads.find((l) => l.handler === 'h2')!.unbounded).toBe(false);
  });

  it('picks the queue-handler pairs that meet a model', () => {
    expect(theoryStations(scenario(1)).map((s) => [s.queue, s.model])).toEqual([['q1', 'mm1']]);
    expect(theoryStations(scenario(1, 3))[0]).toMatchObject({ model: 'mmc', servers: 3, lambdaPerMs: 0.5 });
  });

  it('finds a queue that keeps growing and not a steady one', () => {
    const n = 40;
    const rising = Float64Array.from({ length: n }, (_, i) => i * 3);
    const steady = Float64Array.from({ length: n }, (_, i) => 20 + (i % 3));
    const series = { length: n, depthNodeIds: ['up', 'flat'], depth: [rising, steady] } as unknown as SeriesData;
    expect(growingQueues(series).map((q) => q.id)).toEqual(['up']);
  });

  it('the message table renders only the rows in view plus a little overscan', () => {
    expect(visibleWindow(0, 240, 10_000)).toEqual([0, 18]);
    expect(visibleWindow(24 * 5000, 240, 10_000)).toEqual([4992, 5018]);
    expect(visibleWindow(24 * 9999, 240, 10_000)).toEqual([9991, 10_000]);
  });
});
