// The seven distributions of the scenario format, compiled once into a flat sampler object
// (kind code + parameters) and drawn with a switch; every draw is a non-negative duration in ms.
import type { Distribution } from './types';
import type { Rng } from './random';
import { standardExponential } from './ziggurat';
import { cos, exp, log } from './detmath'; // bit-identical on every JavaScript engine

// kind codes: 0 constant, 1 exponential, 2 uniform, 3 normal, 4 lognormal, 5 erlang, 6 empirical

/** A compiled distribution: `a`, `b` hold the parameters of the kind. */
export interface Sampler {
  kind: number;
  a: number;
  b: number;
  k: number;
  values: Float64Array;
}

const NO_VALUES = new Float64Array(0);

export function compileDistribution(dist: Distribution): Sampler {
  switch (dist.kind) {
    case 'constant': return { kind: 0, a: dist.value, b: 0, k: 0, values: NO_VALUES };
    case 'exponential': return { kind: 1, a: dist.mean, b: 0, k: 0, values: NO_VALUES };
    case 'uniform': return { kind: 2, a: dist.min, b: dist.max - dist.min, k: 0, values: NO_VALUES };
    case 'normal': return { kind: 3, a: dist.mean, b: dist.sd, k: 0, values: NO_VALUES };
    case 'lognormal': {
      // mean m and sd s of the value itself: sigma^2 = ln(1 + (s/m)^2), mu = ln m - sigma^2/2; the ratio
      // first, so a tiny mean (1e-200: its square underflows to 0) still gives a finite sigma
      const cv = dist.sd / dist.mean;
      const variance = log(1 + cv * cv);
      return { kind: 4, a: log(dist.mean) - variance / 2, b: Math.sqrt(variance), k: 0, values: NO_VALUES };
    }
    case 'erlang': return { kind: 5, a: dist.mean / dist.k, b: 0, k: dist.k, values: NO_VALUES };
    case 'empirical': return { kind: 6, a: 0, b: 0, k: dist.values.length, values: Float64Array.from(dist.values) };
  }
}

/** A standard normal draw (Box-Muller, one of the pair). */
function standardNormal(rng: Rng): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * log(u1)) * cos(2 * Math.PI * u2);
}

/** a draw with the two most common kinds inlined at the call site */
export function draw(s: Sampler, rng: Rng): number {
  return s.kind === 1 ? s.a * standardExponential(rng) : s.kind === 0 ? s.a : +sample(s, rng); // +: keeps the result an unboxed double
}

export function sample(s: Sampler, rng: Rng): number {
  switch (s.kind) {
    case 0: // constant
      return s.a;
    case 1: // exponential
      return s.a * standardExponential(rng);
    case 2: // uniform
      return s.a + s.b * rng.next();
    case 3: { // normal
      // a negative draw is drawn again (a mean far below 0 is refused by the validator)
      for (let tries = 0; tries < 1_000_000; tries++) {
        const value = s.a + s.b * standardNormal(rng);
        if (value >= 0) return value;
      }
      return 0;
    }
    case 4: // lognormal
      return exp(s.a + s.b * standardNormal(rng));
    case 5: { // erlang
      let phases = 0;
      for (let i = 0; i < s.k; i++) phases += standardExponential(rng);
      return s.a * phases;
    }
    default: // 6 empirical
      return s.values[Math.floor(rng.next() * s.k)];
  }
}

/** Mean of a distribution (used by nothing hot; handy for tests and docs). */
export function meanOf(dist: Distribution): number {
  switch (dist.kind) {
    case 'constant': return dist.value;
    case 'exponential': case 'normal': case 'lognormal': case 'erlang': return dist.mean;
    case 'uniform': return (dist.min + dist.max) / 2;
    case 'empirical': return dist.values.reduce((a, b) => a + b, 0) / dist.values.length;
  }
}
