// Bucket width of the time series (architect.md "Time series"): by default the smallest {1, 2, 5} × 10^n ms
// at least endTime / 200; at most 100,000 buckets per run.
export const MAX_SERIES_BUCKETS = 100_000;
export const DEFAULT_BUCKETS = 200;

/** the smallest {1, 2, 5} × 10^n ms ≥ endMs / 200 (1 ms for a run that ends at 0) */
export function defaultBucketMs(endMs: number): number {
  const target = endMs / DEFAULT_BUCKETS;
  if (!(target > 0) || !Number.isFinite(target)) return 1;
  let n = Math.floor(Math.log10(target)) - 1;
  for (;;) {
    for (const m of [1, 2, 5]) {
      const candidate = Number(`${m}e${n}`); // exact decimal, no 0.1 × 3 drift
      if (candidate >= target) return candidate;
    }
    n++;
  }
}

/** buckets a run of endMs needs: the last one may be partly outside the run */
export const bucketCount = (endMs: number, bucketMs: number): number => Math.max(1, Math.ceil(endMs / bucketMs));

export class SeriesTooLongError extends Error {
  constructor(readonly bucketMs: number) {
    super(`the series would have more than ${MAX_SERIES_BUCKETS.toLocaleString('en-US')} buckets of ${bucketMs} ms: give a larger --bucket`);
    this.name = 'SeriesTooLongError';
  }
}
