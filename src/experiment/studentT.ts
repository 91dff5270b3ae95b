// Student's t quantile, bit-identical on every JavaScript engine: the t tail is a regularized incomplete
// beta function (continued fraction, modified Lentz) with a Lanczos log-gamma, all built on the engine's
// exact arithmetic (src/engine/detmath.ts: log, exp; + − × ÷ and Math.sqrt are exact IEEE); the quantile is
// found by bisection down to adjacent doubles, so no step depends on an engine's own Math.log or Math.pow.
import { exp, log } from '../engine/detmath';

// Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients): relative error about 1e-15 for x > 0
const LANCZOS_G = 7;
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.9189385332046728; // ln √(2π)

/** ln Γ(x) for x ≥ 1/2 (t quantiles need ν/2, 1/2 and ν/2 + 1/2 only) */
export function logGamma(x: number): number {
  if (!(x >= 0.5) || !Number.isFinite(x)) throw new RangeError(`logGamma needs x ≥ 0.5, got ${x}`);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * log(t) - t + log(sum);
}

const MAX_TERMS = 10_000;
const EPS = 1e-16;
const TINY = 1e-300;

/** continued fraction of the incomplete beta function (Numerical Recipes' betacf, modified Lentz) */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/**
 * The regularized incomplete beta function I_x(a, b) for 0 ≤ x ≤ 1 and a, b ≥ 1/2; `complement` is 1 − x,
 * passed in when the caller knows it more precisely than the subtraction would give it.
 */
export function incompleteBeta(x: number, a: number, b: number, complement = 1 - x): number {
  if (x <= 0) return 0;
  if (complement <= 0) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * log(x) + b * log(complement);
  const front = exp(logFront);
  // the fraction converges fast for x < (a + 1) / (a + b + 2); otherwise use I_x(a, b) = 1 − I_{1−x}(b, a)
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, complement)) / b;
}

/** P(T > t) for t ≥ 0 and ν degrees of freedom: ½ · I_{ν/(ν+t²)}(ν/2, ½) */
export function studentTUpperTail(t: number, degreesOfFreedom: number): number {
  if (t <= 0) return 0.5;
  const nu = degreesOfFreedom;
  // both x = ν/(ν + t²) and 1 − x = t²/(ν + t²) are computed directly, so neither loses digits to a subtraction
  const denominator = nu + t * t;
  return 0.5 * incompleteBeta(nu / denominator, nu / 2, 0.5, (t * t) / denominator);
}

/**
 * The quantile t(p, ν) of Student's t distribution for 0.5 ≤ p < 1 and ν ≥ 1 (integer or not): the t with
 * P(T ≤ t) = p. Found by bisection of the upper tail 1 − p between 0 and a doubled upper bound until the
 * interval holds two adjacent doubles, so the result is the same bits everywhere.
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  if (!(p >= 0.5 && p < 1)) throw new RangeError(`studentTQuantile needs 0.5 ≤ p < 1, got ${p}`);
  if (!(degreesOfFreedom >= 1) || !Number.isFinite(degreesOfFreedom)) throw new RangeError(`studentTQuantile needs ν ≥ 1, got ${degreesOfFreedom}`);
  if (p === 0.5) return 0;
  const tail = 1 - p;
  let lo = 0;
  let hi = 1;
  while (studentTUpperTail(hi, degreesOfFreedom) > tail) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return Infinity;
  }
  for (let i = 0; i < 2000; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (studentTUpperTail(mid, degreesOfFreedom) > tail) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}
