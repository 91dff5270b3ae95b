// A rebalance's pause, visible in the time series (architect.md "Consumer groups" and "Time series"): with owned
// partitions, a member down longer than the session timeout leaves the group and every member stops reading for
// the rebalance pause; when it comes back, the group pauses again. The shared group beside it never pauses.
import { describe, expect, it } from 'vitest';
import { compile } from '../model/compile';
import { parseScenario } from '../model/parse';
import { recordSeries, type SeriesTable } from './series';

const BUCKET_MS = 500;

/** 200 keyed messages a second into 4 partitions read by h0 and h1; h1 is down from 3 s to 8 s */
function group(assignment: 'owned' | 'shared'): SeriesTable {
  const parsed = parseScenario({
    format: 'eventflow-scenario', version: 1, name: 'rebalance', seed: 3, stopAt: 12_000,
    nodes: [
      { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 200 }, keys: 12 },
      { id: 'q', type: 'queue', partitions: 4, assignment, ...(assignment === 'owned' ? { sessionTimeout: 2000, rebalance: 1000 } : {}) },
      { id: 'h0', type: 'handler', concurrency: 2, service: { kind: 'exponential', mean: 2 } },
      { id: 'h1', type: 'handler', concurrency: 2, service: { kind: 'exponential', mean: 2 }, outages: [{ start: 3000, end: 8000 }] },
    ],
    edges: [{ id: 'e1', source: 'p', target: 'q' }, { id: 'e2', source: 'q', target: 'h0' }, { id: 'e3', source: 'q', target: 'h1' }],
  });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.text).join('\n'));
  const result = recordSeries(compile(parsed.scenario), BUCKET_MS);
  if (!result.ok) throw new Error(result.message);
  return result.table;
}

/** the value of `metric` at `node` in the bucket starting at `atMs` */
function at(table: SeriesTable, node: string, metric: string, atMs: number): number {
  const values = table.series.get(node)?.get(metric);
  if (!values) throw new Error(`no ${node} ${metric}`);
  return values[atMs / BUCKET_MS] ?? NaN;
}

describe('a rebalance in the series', () => {
  const owned = group('owned');
  const shared = group('shared');

  it('owned: nobody reads during either pause (5–6 s after the session timeout, 8–9 s after the return)', () => {
    expect(at(owned, 'h0', 'completed', 2000)).toBeGreaterThan(0);
    expect(at(owned, 'h0', 'completed', 5500)).toBe(0);
    expect(at(owned, 'h0', 'completed', 8500)).toBe(0);
    expect(at(owned, 'h1', 'completed', 8500)).toBe(0);
    // after the first pause h0 owns every partition and works off the backlog
    expect(at(owned, 'h0', 'completed', 6000)).toBeGreaterThan(at(owned, 'h0', 'completed', 2000));
    // the queue fills during the pause
    expect(at(owned, 'q', 'depth', 5500)).toBeGreaterThan(10 * Math.max(1, at(owned, 'q', 'depth', 2000)));
  });

  it('shared: the other member keeps reading through the outage; nothing piles up', () => {
    expect(at(shared, 'h0', 'completed', 5500)).toBeGreaterThan(0);
    expect(at(shared, 'h0', 'completed', 8500)).toBeGreaterThan(0);
    expect(at(shared, 'q', 'depth', 5500)).toBeLessThan(at(owned, 'q', 'depth', 5500) / 10);
  });
});
