// Charts fit the run's actual span: a run with a stop time that ran out of work earlier (a publisher
// limit, a schedule) still samples empty buckets up to the stop time; those trailing idle buckets are cut.
import type { SeriesData } from '../../worker/protocol';

const active = (value: number): boolean => Number.isFinite(value) && value !== 0;

/** buckets to show: through the last one where anything was stored, completed, lost or measured, plus one */
export function activeLength(series: SeriesData): number {
  for (let i = series.length - 1; i >= 0; i--) {
    if (active(series.completedPerSecond[i]) || active(series.lossesPerSecond[i]) || active(series.latencyP50Ms[i]) || series.depth.some((d) => active(d[i]))) {
      return Math.min(series.length, i + 2);
    }
  }
  return series.length;
}

/** the series cut to its active span (the same object when nothing is cut) */
export function fitSpan(series: SeriesData): SeriesData {
  const length = activeLength(series);
  if (length >= series.length) return series;
  return {
    ...series,
    length,
    timeMs: series.timeMs.slice(0, length),
    depth: series.depth.map((d) => d.slice(0, length)),
    completedPerSecond: series.completedPerSecond.slice(0, length),
    lossesPerSecond: series.lossesPerSecond.slice(0, length),
    latencyP50Ms: series.latencyP50Ms.slice(0, length),
    latencyP95Ms: series.latencyP95Ms.slice(0, length),
    latencyP99Ms: series.latencyP99Ms.slice(0, length),
  };
}
