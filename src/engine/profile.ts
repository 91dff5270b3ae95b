// Profiles (architect.md "Traffic that changes over time"): a value over virtual time from [time, value]
// points, step or linear, holding after the last point or repeating every `repeat` ms (linear wraps to
// the first value at `repeat`). The `profile` arrival thins a Poisson process at the largest rate.
import type { Profile } from './types';
import type { Rng } from './random';
import { standardExponential } from './ziggurat';

export interface CompiledProfile {
  readonly times: Float64Array;
  readonly values: Float64Array;
  readonly linear: boolean;
  /** 0: no repeat */
  readonly repeatMs: number;
  readonly maxValue: number;
  /** without repeat and a last value of 0, nothing can happen from the last point on; else Infinity */
  readonly deadFromMs: number;
}

export function compileProfile(p: Profile): CompiledProfile {
  const times = Float64Array.from(p.points.map((pt) => pt[0]));
  const values = Float64Array.from(p.points.map((pt) => pt[1]));
  const repeatMs = p.repeat ?? 0;
  const last = values.length - 1;
  return {
    times, values, linear: p.shape === 'linear', repeatMs,
    maxValue: values.reduce((a, b) => (b > a ? b : a), 0),
    deadFromMs: repeatMs === 0 && values[last] === 0 ? times[last] : Infinity,
  };
}

/** the profile's value at virtual time tMs ≥ 0 */
export function profileValue(p: CompiledProfile, tMs: number): number {
  const times = p.times;
  const values = p.values;
  const n = times.length;
  const t = p.repeatMs > 0 ? tMs - Math.floor(tMs / p.repeatMs) * p.repeatMs : tMs;
  // the last point at or before t (times[0] is 0)
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid] <= t) lo = mid; else hi = mid - 1;
  }
  if (!p.linear) return values[lo];
  let endMs: number;
  let endValue: number;
  if (lo + 1 < n) {
    endMs = times[lo + 1];
    endValue = values[lo + 1];
  } else if (p.repeatMs > 0) {
    endMs = p.repeatMs;
    endValue = values[0];
  } else {
    return values[lo];
  }
  const share = (t - times[lo]) / (endMs - times[lo]);
  return values[lo] + (endValue - values[lo]) * (share < 1 ? share : 1);
}

/** the gap from fromMs to the next accepted message (thinning: exponential candidates at the largest
 *  rate, each accepted when a uniform u < rate(t) / largest rate); -1 when none comes before endMs */
export function profileGap(p: CompiledProfile, rng: Rng, fromMs: number, endMs: number): number {
  const meanGapMs = 1000 / p.maxValue;
  let t = fromMs;
  for (;;) {
    t += meanGapMs * standardExponential(rng);
    if (t >= endMs || t >= p.deadFromMs) return -1;
    const u = rng.next();
    if (u < profileValue(p, t) / p.maxValue) return t - fromMs;
  }
}
