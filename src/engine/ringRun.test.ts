// The event list's ring changes nothing a run produces: a diagram with hundreds of pending events (many
// publishers, ttl timers, latency edges, retries) gives the same report and the same message records
// whether its events wait in the ring or only ever in the heap.
import { afterEach, describe, expect, it } from 'vitest';
import { EventQueue } from './EventQueue';
import { Simulation } from './Simulation';
import type { MessageRecord } from './types';
import { compile } from '../model/compile';
import type { Scenario } from '../model/types';

function busyScenario(): Scenario {
  const nodes: Scenario['nodes'] = [{ id: 'q', type: 'queue', capacity: 400, ttl: 30 }, { id: 'dlq', type: 'queue' }];
  const edges: Scenario['edges'] = [];
  for (let i = 0; i < 200; i++) {
    nodes.push({ id: `p${i}`, type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 40 + (i % 7) }, limit: 60 });
    edges.push({ id: `e${i}`, source: `p${i}`, target: i % 2 === 0 ? 'q' : 't', ...(i % 3 === 0 ? { latency: { kind: 'uniform', min: 0, max: 20 } } : {}) });
  }
  nodes.push(
    { id: 't', type: 'topic' },
    { id: 'h', type: 'handler', concurrency: 3, service: { kind: 'exponential', mean: 2 }, failureRate: 0.2, retry: { maxAttempts: 3, backoff: { kind: 'constant', value: 5 } } },
    { id: 'h2', type: 'handler', concurrency: 2, service: { kind: 'constant', value: 1 } },
    { id: 'sink', type: 'handler', service: { kind: 'exponential', mean: 0.5 } },
  );
  edges.push({ id: 'qh', source: 'q', target: 'h' }, { id: 'th', source: 't', target: 'h2' }, { id: 'hd', source: 'dlq', target: 'sink' });
  const queue = nodes[0] as Extract<Scenario['nodes'][number], { type: 'queue' }>;
  queue.deadLetter = 'dlq';
  return { format: 'eventflow-scenario', version: 1, name: 'many pending events', seed: 7, nodes, edges };
}

function run(ringFrom: number): { report: unknown; records: MessageRecord[]; maxPending: number } {
  EventQueue.ringFrom = ringFrom;
  const records: MessageRecord[] = [];
  const simulation = new Simulation(compile(busyScenario()), { onMessage: (record) => records.push(record) });
  let maxPending = 0;
  // the kernel is private to Simulation; the test reads its event list's size between slices
  const events = (simulation as unknown as { k: { heap: EventQueue } }).k.heap;
  while (!simulation.runEvents(50)) maxPending = Math.max(maxPending, events.size);
  return { report: { ...simulation.report(), perf: null }, records, maxPending };
}

describe('the event list ring in a run', () => {
  afterEach(() => { EventQueue.ringFrom = 128; });

  it('gives the same report and records as the heap alone', () => {
    const heapOnly = run(Infinity);
    const withRing = run(128);
    expect(withRing.maxPending).toBeGreaterThan(128); // the ring was used
    expect(withRing.records.length).toBeGreaterThan(10_000);
    expect(withRing.report).toEqual(heapOnly.report);
    expect(withRing.records).toEqual(heapOnly.records);
  });
});
