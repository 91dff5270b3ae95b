// The only sink handler shares its endToEnd samples with the run-wide doneAtSinkAsRoot while every copy done
// there is a root (handler.ts, nodeState.ts endToEndShared). Every sink's endToEnd must be exactly what
// recording its samples on its own gives: here rebuilt from the copies' records in the order they completed,
// mid-run while shared and at the end after copies that wait, fail, or are not roots reached the sinks.
import { describe, expect, it } from 'vitest';
import { compile } from '../model/compile';
import type { ScenarioEdge, ScenarioNode } from '../model/types';
import { Histogram } from './metrics';
import { Simulation } from './Simulation';
import { makeScenario } from './testScenario';
import type { MessageRecord, Stats } from './types';

const exp = (mean: number) => ({ kind: 'exponential' as const, mean });
const WARMUP_MS = 500;

/** each sink's endToEnd from the records: done − the root's publication, for copies completed there */
function expected(records: MessageRecord[], sinks: string[]): Record<string, Stats> {
  const rootPublishedAt = new Map<number, number>();
  const bySink = new Map(sinks.map((id) => [id, new Histogram()]));
  for (const r of records) {
    if (r.parent === -1) rootPublishedAt.set(r.root, r.publishedAt);
    const histogram = r.handler === null ? undefined : bySink.get(r.handler);
    const rootMs = rootPublishedAt.get(r.root);
    if (histogram && r.outcome === 'completed' && rootMs !== undefined && rootMs >= WARMUP_MS) histogram.record((r.doneAt as number) - rootMs);
  }
  return Object.fromEntries(sinks.map((id) => [id, (bySink.get(id) as Histogram).stats()]));
}

function check(nodes: ScenarioNode[], edges: [string, string, Partial<ScenarioEdge>?][], sinks: string[]) {
  const records: MessageRecord[] = [];
  const simulation = new Simulation(compile(makeScenario(nodes, edges, { warmup: WARMUP_MS })), { onMessage: (r) => records.push(r) });
  simulation.runUntil(1500);
  const before = simulation.report().latency.endToEndBySink;
  expect(before).toEqual(expected(records, sinks));
  simulation.runToEnd();
  const after = simulation.report().latency.endToEndBySink;
  expect(after).toEqual(expected(records, sinks));
  return { before, after };
}

describe('sink endToEnd samples, the only sink sharing doneAtSinkAsRoot', () => {
  it('the only sink: exact while it sees root copies only, and after copies emitted by another handler arrive', () => {
    const { before, after } = check([
      { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 600 }, limit: 3000 },
      { id: 'late', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 300 }, limit: 900, start: 2000 },
      { id: 'q', type: 'queue' },
      { id: 'front', type: 'queue' },
      { id: 'relay', type: 'handler', service: exp(0.5) },
      { id: 'sink', type: 'handler', service: exp(1) },
    ], [['p', 'q'], ['late', 'front'], ['front', 'relay'], ['relay', 'q'], ['q', 'sink']], ['sink']);
    expect(before.sink.count).toBeGreaterThan(400);
    expect(after.sink.count).toBeGreaterThan(before.sink.count + 2000);
  });

  it('several sinks (none shares): exact with waits, failures, retries and relayed copies', () => {
    const { before, after } = check([
      { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 100 }, limit: 400 },
      { id: 'burst', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 2000 }, limit: 1500, start: 2000 },
      { id: 'p2', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 100 }, limit: 400, start: 1000 },
      { id: 'late', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 50 }, limit: 100, start: 2500 },
      { id: 'q', type: 'queue' },
      { id: 'q2', type: 'queue' },
      { id: 'relay', type: 'handler', service: exp(0.2) },
      { id: 'a', type: 'handler', service: exp(1) },
      { id: 'b', type: 'handler', service: exp(1), failureRate: 0.2, retry: { maxAttempts: 3, backoff: { kind: 'constant', value: 1 } } },
      { id: 'c', type: 'handler', service: exp(1) },
    ], [['p', 'q'], ['burst', 'q'], ['q', 'a'], ['p2', 'b'], ['late', 'relay'], ['relay', 'q2'], ['q2', 'c']], ['a', 'b', 'c']);
    expect(before.a.count).toBeGreaterThan(50);
    expect(after.a.count).toBeGreaterThan(before.a.count + 1000);
    expect(after.b.count).toBeGreaterThan(300);
    expect(after.c.count).toBeGreaterThan(50);
  });
});
