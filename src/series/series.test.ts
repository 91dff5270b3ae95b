// Unit tests of the time series: the default bucket rule, the 100,000-bucket limit, empty p50/p99 cells,
// depth and busy-slot time averages on a hand-checkable run, and the CSV/JSON shapes.
import { describe, expect, it } from 'vitest';
import { compile } from '../model/compile';
import { parseScenario } from '../model/parse';
import { defaultBucketMs } from './bucket';
import { recordSeries, seriesCsv, seriesJson, type SeriesTable } from './series';

function input(file: object) {
  const parsed = parseScenario(file);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.text).join('\n'));
  return compile(parsed.scenario);
}

// q receives a copy at 2, 4 and 6 ms and has no reader; h serves one copy from 4 to 7 ms
const HAND = {
  format: 'eventflow-scenario', version: 1, name: 'hand', stopAt: 10,
  nodes: [
    { id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 500 }, limit: 3 },
    { id: 'q', type: 'queue' },
    { id: 'p2', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 250 }, limit: 1 },
    { id: 'h', type: 'handler', service: { kind: 'constant', value: 3 } },
  ],
  edges: [{ id: 'e1', source: 'p', target: 'q' }, { id: 'e2', source: 'p2', target: 'h' }],
};

function table(file: object, bucketMs?: number): SeriesTable {
  const result = recordSeries(input(file), bucketMs);
  if (!result.ok) throw new Error(result.message);
  return result.table;
}
const values = (t: SeriesTable, node: string, metric: string) => t.series.get(node)?.get(metric);

describe('default bucket', () => {
  it('is the smallest {1, 2, 5} × 10^n ms at least endTime / 200', () => {
    expect([3000, 1000, 200, 201, 10, 60_000, 2e6, 0].map(defaultBucketMs)).toEqual([20, 5, 1, 2, 0.05, 500, 10_000, 1]);
  });
  it('applies when no --bucket is given (stopAt 10 ms → 0.05 ms, 200 buckets)', () => {
    const t = table(HAND);
    expect(t.bucketMs).toBe(0.05);
    expect(t.startsMs).toHaveLength(200);
  });
});

describe('hand-checked run', () => {
  const t = table(HAND, 5);
  it('a queue depth is its time average over the bucket, maxDepth its peak, received per bucket', () => {
    // [0,5): 0 on [0,2), 1 on [2,4), 2 on [4,5) → 4/5; [5,10): 2 on [5,6), 3 on [6,10) → 14/5
    expect(values(t, 'q', 'depth')).toEqual([0.8, 2.8]);
    expect(values(t, 'q', 'maxDepth')).toEqual([2, 3]);
    expect(values(t, 'q', 'received')).toEqual([2, 1]);
    expect(values(t, 'q', 'dropped')).toEqual([0, 0]);
  });
  it('a handler busy from 4 to 7 ms: busySlots and utilization 0.2 then 0.4, completed in the second bucket', () => {
    expect(values(t, 'h', 'busySlots')).toEqual([0.2, 0.4]);
    expect(values(t, 'h', 'utilization')).toEqual([0.2, 0.4]);
    expect(values(t, 'h', 'completed')).toEqual([0, 1]);
  });
  it('run-wide rows: published, completed, and p50/p99 empty where nothing completed', () => {
    expect(values(t, '*', 'published')).toEqual([3, 1]);
    expect(values(t, '*', 'completed')).toEqual([0, 1]);
    expect(values(t, '*', 'p50')).toEqual([null, 3]);
    expect(values(t, '*', 'p99')).toEqual([null, 3]);
  });
  it('writes CSV rows t,node,metric,value (empty cell for null) and JSON with null', () => {
    const csv = seriesCsv(t).split('\n');
    expect(csv[0]).toBe('t,node,metric,value');
    expect(csv).toContain('0,q,depth,0.8');
    expect(csv).toContain('0,*,p99,');
    expect(csv).toContain('5,*,p99,3');
    expect(csv).toHaveLength(1 + 2 * 13 + 1);
    const json = JSON.parse(seriesJson(t)) as { bucketMs: number; series: Record<string, Record<string, (number | null)[]>> };
    expect(json.bucketMs).toBe(5);
    expect(Object.keys(json.series)).toEqual(['q', 'h', '*']);
    expect(json.series['*'].p50).toEqual([null, 3]);
  });
  it('the last bucket averages over its part inside the run', () => {
    const partial = table({ ...HAND, stopAt: 8 }, 5); // [5,8): 2 on [5,6), 3 on [6,8) → 8/3
    expect(values(partial, 'q', 'depth')?.[1]).toBeCloseTo(8 / 3, 12);
  });
});

describe('limits', () => {
  it('refuses more than 100,000 buckets, asking for a larger --bucket (before the run with a stopAt)', () => {
    const result = recordSeries(input(HAND), 0.00005);
    expect(result).toEqual({ ok: false, message: 'the series would have more than 100,000 buckets of 0.00005 ms: give a larger --bucket' });
  });
  it('and during the run without a stopAt', () => {
    const endless = { ...HAND, stopAt: undefined, nodes: HAND.nodes.map((n) => (n.id === 'p' ? { ...n, limit: 200 } : n)) };
    const result = recordSeries(input(endless), 0.001);
    expect(result.ok).toBe(false);
  });
});
