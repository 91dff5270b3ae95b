// Charts fit the run's actual span: trailing idle buckets are cut, activity is kept.
import { describe, expect, it } from 'vitest';
import type { SeriesData } from '../../worker/protocol';
import { activeLength, fitSpan } from './chartSpan';

function series(completed: number[], depth: number[]): SeriesData {
  const n = completed.length;
  const f = (values: number[]) => Float64Array.from(values);
  return {
    bucketMs: 100, length: n, timeMs: f(completed.map((_, i) => (i + 1) * 100)), depthNodeIds: ['q'], depth: [f(depth)],
    completedPerSecond: f(completed), lossesPerSecond: f(completed.map(() => 0)),
    latencyP50Ms: f(completed.map((c) => (c > 0 ? 5 : NaN))), latencyP95Ms: f(completed.map(() => NaN)), latencyP99Ms: f(completed.map(() => NaN)),
    histogram: { lowerMs: f([]), upperMs: f([]), count: f([]) },
  };
}

describe('chart span', () => {
  it('cuts the idle tail after the last activity, keeping one bucket', () => {
    const s = series([10, 20, 0, 0, 0, 0], [1, 0, 2, 0, 0, 0]);
    expect(activeLength(s)).toBe(4);
    const fitted = fitSpan(s);
    expect(fitted.length).toBe(4);
    expect(Array.from(fitted.timeMs)).toEqual([100, 200, 300, 400]);
    expect(fitted.depth[0]).toHaveLength(4);
  });
  it('keeps a series that is busy to its end, or empty', () => {
    const busy = series([1, 1, 1], [0, 0, 0]);
    expect(fitSpan(busy)).toBe(busy);
    const empty = series([0, 0], [0, 0]);
    expect(fitSpan(empty)).toBe(empty);
  });
});
