// Rules of a profile the schema cannot see (architect.md "Traffic that changes over time"): times
// strictly increasing from 0; arrival rates with one > 0; service multipliers > 0; failure rates < 1;
// repeat after the last time. Plus its integral, the expected count of a profile arrival in a window.
import { isObj, list, num } from './readers';
import type { Path, RawProblem } from './problems';

export type ProfileUse = 'rate' | 'multiplier' | 'failureRate';

export function checkProfile(value: unknown, path: Path, use: ProfileUse, out: RawProblem[]): void {
  if (!isObj(value)) return;
  const points = list(value.points);
  let previous: number | undefined;
  let positive = false;
  points.forEach((point, i) => {
    const pair = list(point);
    const time = num(pair[0]);
    const rate = num(pair[1]);
    const at: Path = [...path, 'points', i];
    if (time !== undefined) {
      if (i === 0 && time !== 0) out.push({ path: [...at, 0], message: 'the first point must be at time 0' });
      else if (previous !== undefined && time <= previous) out.push({ path: [...at, 0], message: `must be greater than the previous point's time (${previous})` });
      previous = time;
    }
    if (rate === undefined) return;
    if (rate > 0) positive = true;
    if (use === 'multiplier' && rate <= 0) out.push({ path: [...at, 1], message: 'a service multiplier must be greater than 0' });
    if (use === 'failureRate' && rate >= 1) out.push({ path: [...at, 1], message: 'a failure rate must be below 1' });
  });
  if (use === 'rate' && points.length > 0 && !positive) out.push({ path: [...path, 'points'], message: 'needs at least one rate greater than 0' });
  const repeat = num(value.repeat);
  if (repeat !== undefined && previous !== undefined && repeat <= previous) out.push({ path: [...path, 'repeat'], message: `must be greater than the last point's time (${previous})` });
}

interface ProfileLike { shape?: 'step' | 'linear'; repeat?: number; points: readonly (readonly [number, number])[] }

/** ∫ value dt over [0, tMs) of one pass (no repeat), ms × value; the value holds after the last point */
function passIntegral(p: ProfileLike, tMs: number, cycleMs: number): number {
  const pts = p.points;
  let sum = 0;
  for (let i = 0; i < pts.length; i++) {
    const from = pts[i][0];
    if (from >= tMs) break;
    const nextTime = i + 1 < pts.length ? pts[i + 1][0] : cycleMs;
    const nextValue = i + 1 < pts.length ? pts[i + 1][1] : p.repeat !== undefined ? pts[0][1] : pts[i][1];
    const to = Math.min(tMs, nextTime);
    if (p.shape !== 'linear' || !Number.isFinite(nextTime)) sum += pts[i][1] * (to - from);
    else {
      const slope = (nextValue - pts[i][1]) / (nextTime - from);
      const at = pts[i][1] + slope * (to - from);
      sum += ((pts[i][1] + at) / 2) * (to - from);
    }
  }
  return sum;
}

/** ∫ value dt over [0, tMs), ms × value (for arrival rates per second, divide by 1000 for messages) */
export function profileIntegral(p: ProfileLike, tMs: number): number {
  if (p.repeat === undefined) return passIntegral(p, tMs, Infinity);
  const cycles = Math.floor(tMs / p.repeat);
  return cycles * passIntegral(p, p.repeat, p.repeat) + passIntegral(p, tMs - cycles * p.repeat, p.repeat);
}
