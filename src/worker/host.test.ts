// The worker's message switch: each request gets its answer, errors become error responses,
// a long run reports progress and can be cancelled, and the report equals simulate()'s.
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/index';
import { compile } from '../model/compile';
import type { Scenario } from '../model/types';
import { createSimHost, defaultHostDeps } from './host';
import type { Request, Response } from './protocol';
import { mm1Scenario } from './testScenarios';

function harness(sliceBudgetMs = 5) {
  const responses: Response[] = [];
  const host = createSimHost((r) => responses.push(r), { ...defaultHostDeps(sliceBudgetMs), yieldToEvents: () => new Promise((resolve) => setTimeout(resolve, 0)) });
  const waitFor = async (predicate: (r: Response) => boolean): Promise<Response> => {
    for (let i = 0; i < 2000; i++) {
      const found = responses.find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    throw new Error('no such response');
  };
  const send = (request: Request) => host.handle(request);
  return { responses, send, waitFor };
}

const load = (requestId: number, scenario: Scenario = mm1Scenario()): Request => ({ type: 'load', requestId, scenario, options: { maxTransit: 500, keepRecords: 1000 } });

describe('simulation host (the worker message switch)', () => {
  it('load answers with the run meta and a snapshot at time 0', () => {
    const { responses, send } = harness();
    send(load(1));
    const loaded = responses[0];
    expect(loaded.type).toBe('loaded');
    if (loaded.type !== 'loaded') return;
    expect(loaded.requestId).toBe(1);
    expect(loaded.meta.nodes.map((n) => n.id)).toEqual(['p', 'q', 'h']);
    expect(loaded.meta.edges).toEqual([{ id: 'e1', source: 0, target: 1, instant: false, event: 0 }, { id: 'e2', source: 1, target: 2, instant: true, event: 0 }]);
    expect(loaded.update.snapshot.timeMs).toBe(0);
  });

  it('an invalid scenario is an error response naming the problem, not a throw', () => {
    const { responses, send } = harness();
    const bad = { ...mm1Scenario(), nodes: [{ id: 'h', type: 'handler', service: { kind: 'exponential', mean: -1 } }], edges: [] } as unknown as Scenario;
    send(load(3, bad));
    expect(responses[0].type).toBe('error');
    expect(responses[0].requestId).toBe(3);
    if (responses[0].type === 'error') expect(responses[0].message).toMatch(/mean/);
  });

  it('requests before a load are answered with an error', () => {
    const { responses, send } = harness();
    send({ type: 'step', requestId: 9 });
    expect(responses).toEqual([{ type: 'error', requestId: 9, message: 'no run is loaded' }]);
  });

  it('advance runs to the asked virtual time and returns records and series', () => {
    const { responses, send } = harness();
    send(load(1));
    send({ type: 'advance', requestId: 2, untilMs: 500 });
    const advanced = responses[1];
    expect(advanced.type).toBe('advanced');
    if (advanced.type !== 'advanced') return;
    expect(advanced.update.snapshot.timeMs).toBe(500);
    expect(advanced.events).toBeGreaterThan(100);
    expect(advanced.update.records.length).toBeGreaterThan(100);
    expect(advanced.update.records.every((r) => r.doneAt === null || r.doneAt <= 500)).toBe(true);
  });

  it('step runs exactly one event and describes it', () => {
    const { responses, send } = harness();
    send(load(1));
    send({ type: 'step', requestId: 2 });
    send({ type: 'step', requestId: 3 });
    const [first, second] = [responses[1], responses[2]];
    if (first.type !== 'stepped' || second.type !== 'stepped') throw new Error('expected stepped');
    expect(first.step).not.toBeNull();
    expect(second.update.snapshot.events - first.update.snapshot.events).toBe(1);
    expect(second.step!.timeMs).toBeGreaterThanOrEqual(first.step!.timeMs);
  });

  it('runToEnd posts progress and finishes with the same report as simulate()', async () => {
    const { responses, send, waitFor } = harness(2);
    const scenario = mm1Scenario(20_000);
    send(load(1, scenario));
    send({ type: 'runToEnd', requestId: 2, progressEveryMs: 0 });
    const finished = await waitFor((r) => r.type === 'finished');
    if (finished.type !== 'finished') return;
    expect(finished.cancelled).toBe(false);
    expect(responses.some((r) => r.type === 'progress')).toBe(true);
    const expected = simulate(compile(scenario));
    const { perf: _a, ...got } = finished.update.report!;
    const { perf: _b, ...want } = expected;
    expect(got).toEqual(want);
    expect(finished.update.records.length).toBe(1000);
    expect(finished.update.series!.length).toBeGreaterThan(10);
  });

  it('a finished run hands over its kept records in slices of at most 2,000', async () => {
    const { responses, send, waitFor } = harness(5);
    send({ type: 'load', requestId: 1, scenario: mm1Scenario(20_000), options: { maxTransit: 500, keepRecords: 5000 } });
    send({ type: 'runToEnd', requestId: 2, progressEveryMs: 1e9 });
    const finished = await waitFor((r) => r.type === 'finished');
    const batches = responses.filter((r) => r.type === 'progress' || r.type === 'finished').map((r) => ('update' in r ? r.update.records.length : 0));
    expect(Math.max(...batches)).toBeLessThanOrEqual(2000);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(5000);
    if (finished.type === 'finished') expect(finished.update.report).toBeDefined();
  });

  it('cancel stops a long run between slices', async () => {
    const { send, waitFor } = harness(1);
    send(load(1, mm1Scenario(2_000_000)));
    send({ type: 'runToEnd', requestId: 2, progressEveryMs: 0 });
    await waitFor((r) => r.type === 'progress');
    send({ type: 'cancel', requestId: 3 });
    const finished = await waitFor((r) => r.type === 'finished');
    if (finished.type !== 'finished') return;
    expect(finished.cancelled).toBe(true);
    expect(finished.update.snapshot.timeMs).toBeLessThan(2_000_000);
    expect(finished.update.report).toBeUndefined();
  });

  it('exportCsv re-runs the scenario and returns every message copy as CSV', async () => {
    const { send, waitFor } = harness();
    const scenario = mm1Scenario(300);
    send(load(1, scenario));
    send({ type: 'exportCsv', requestId: 2, maxRows: 1_000_000 });
    const csv = await waitFor((r) => r.type === 'csv');
    if (csv.type !== 'csv') return;
    const text = await csv.blob.text();
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('id,event,root,node,publishedAt,readAt,doneAt,outcome,attempts,priority,key,partition,handler');
    expect(lines.length - 1).toBe(csv.rows);
    expect(csv.rows).toBe(simulate(compile(scenario)).totals.sent);
  });

  it('exportCsv refuses a run with more message copies than the browser may hold, without building it all', async () => {
    const { send, waitFor } = harness();
    send(load(1, mm1Scenario(300)));
    send({ type: 'exportCsv', requestId: 2, maxRows: 50 });
    expect(await waitFor((r) => r.requestId === 2)).toEqual({ type: 'csvTooBig', requestId: 2, maxRows: 50 });
  });

  it('an engine that throws becomes an error response', () => {
    const responses: Response[] = [];
    const host = createSimHost((r) => responses.push(r), {
      ...defaultHostDeps(5),
      createSimulation: () => {
        throw new Error('kaboom');
      },
    });
    host.handle(load(4));
    expect(responses).toEqual([{ type: 'error', requestId: 4, message: 'kaboom' }]);
  });
});
