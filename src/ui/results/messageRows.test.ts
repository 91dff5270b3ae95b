// Rows of the Messages (Q) table and the slot picture: live copies next to finished ones, filters, sorting,
// and GreenPool's two slots with the third copy's wait.
import { describe, expect, it } from 'vitest';
import { compile } from '../../model/compile';
import { parseScenario } from '../../model/parse';
import { Simulation } from '../../engine/Simulation';
import type { MessageRecord } from '../../engine/types';
import { filterRows, IN_FLIGHT, liveRows, mergeRows, sortRows } from './messageRows';
import { slotPicture } from './slotLanes';

const greenPool = {
  format: 'eventflow-scenario', version: 1, name: 'GreenPool', seed: 1,
  nodes: [
    { id: 'signup', type: 'publisher', label: 'publish 用户注册', arrival: { kind: 'schedule', times: [0, 20] } },
    { id: 'login', type: 'publisher', label: 'publish 用户登录', arrival: { kind: 'schedule', times: [10] } },
    { id: 'user-registered', type: 'topic', label: '用户注册' },
    { id: 'user-login', type: 'topic', label: '用户登录' },
    { id: 'event_handler', type: 'handler', label: 'GreenPool', concurrency: 2, service: { kind: 'constant', value: 200 } },
  ],
  edges: [
    { id: 'e1', source: 'signup', target: 'user-registered' },
    { id: 'e2', source: 'login', target: 'user-login' },
    { id: 'e3', source: 'user-registered', target: 'event_handler' },
    { id: 'e4', source: 'user-login', target: 'event_handler' },
  ],
};

function start() {
  const parsed = parseScenario(greenPool);
  if (!parsed.ok) throw new Error('invalid');
  const input = compile(parsed.scenario);
  const records: MessageRecord[] = [];
  const sim = new Simulation(input, { onMessage: (r) => records.push(r) });
  const ids = input.nodes.map((n) => n.id);
  const rows = () => mergeRows(records, liveRows(sim.liveCopies(100), ids));
  return { sim, records, rows };
}

describe('message rows', () => {
  it('after three Steps of GreenPool the three copies are there with p and no r for the third', () => {
    const { sim, rows } = start();
    for (let i = 0; i < 3; i++) sim.step();
    const all = sortRows(rows(), 'id', 'ascending');
    expect(all.map((r) => [r.id, r.status, r.publishedAt, r.readAt, r.from])).toEqual([
      [0, 'service', 0, 0, 'signup'],
      [1, 'service', 10, 10, 'login'],
      [2, 'waiting', 20, null, 'signup'],
    ]);
    expect(filterRows(all, { node: '', status: IN_FLIGHT })).toHaveLength(sim.snapshot().totals.inFlight);
    expect(filterRows(all, { node: '', status: 'waiting' }).map((r) => r.id)).toEqual([2]);
  });

  it('a record wins over the live row of the same copy; sorting puts empty values last', () => {
    const { sim, rows } = start();
    sim.runToEnd();
    sim.report();
    const all = rows();
    expect(all).toHaveLength(3);
    expect(all.every((r) => !r.live && r.status === 'completed')).toBe(true);
    const third = all.find((r) => r.id === 2)!;
    expect(third).toMatchObject({ waitMs: 180, serviceMs: 200, readAt: 200, doneAt: 400, handler: 'event_handler' });
    expect(sortRows(all, 'waitMs', 'descending').map((r) => r.id)).toEqual([2, 0, 1]);
  });

  it('the slot picture puts the first two copies in two lanes and the third after the first, waiting 180 ms', () => {
    const { sim, rows } = start();
    for (let i = 0; i < 3; i++) sim.step();
    const feeds = new Set(['event_handler']);
    const before = slotPicture(rows(), 'event_handler', 2, feeds, sim.timeMs);
    expect(before.lanes.map((lane) => lane.map((bar) => bar.id))).toEqual([[0], [1]]);
    expect(before.waiting).toEqual([{ id: 2, publishedAt: 20 }]);
    sim.runToEnd();
    sim.report();
    const after = slotPicture(rows(), 'event_handler', 2, feeds, sim.timeMs);
    expect(after.lanes.map((lane) => lane.map((bar) => [bar.id, bar.publishedAt, bar.readAt, bar.start, bar.end]))).toEqual([
      [[0, 0, 0, 0, 200], [2, 20, 200, 200, 400]],
      [[1, 10, 10, 10, 210]],
    ]);
    expect(after.waiting).toEqual([]);
  });
});
