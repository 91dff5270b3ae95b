// Queueing-theory formulas the simulator is checked against and the Theory panel shows:
// M/M/1, M/M/c (Erlang C), M/G/1 and M/D/1 (Pollaczek–Khinchine), M/M/1/K, Little, Jackson, retries.
// Rates are per virtual ms, times in ms. Pure functions; unstable systems give Infinity, never NaN.
import type { Arrival, Distribution } from '../engine/types';

/** Mean figures of one queueing station (times in ms, counts in messages). */
export interface StationFigures {
  /** utilisation per server, λ E[S] / c */
  rho: number;
  /** mean time waiting before service, ms */
  waitMs: number;
  /** mean time in the system (wait + service), ms */
  sojournMs: number;
  /** mean number waiting */
  lq: number;
  /** mean number in the system */
  l: number;
}

function assertRate(name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
}

function assertProbability(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be in [0, 1], got ${value}`);
}

const unstable = (rho: number): StationFigures => ({ rho, waitMs: Infinity, sojournMs: Infinity, lq: Infinity, l: Infinity });

/** M/M/1: Poisson arrivals at λ, exponential service at rate μ, one server. */
export function mm1(lambdaPerMs: number, muPerMs: number): StationFigures {
  assertRate('lambdaPerMs', lambdaPerMs);
  assertRate('muPerMs', muPerMs);
  const rho = lambdaPerMs / muPerMs;
  if (rho >= 1) return unstable(rho);
  const sojournMs = 1 / (muPerMs - lambdaPerMs);
  const waitMs = rho / (muPerMs - lambdaPerMs);
  return { rho, waitMs, sojournMs, lq: lambdaPerMs * waitMs, l: lambdaPerMs * sojournMs };
}

/** M/M/1 sojourn time is exponential with rate μ − λ: its p-quantile (0 ≤ p < 1), ms. */
export function mm1SojournPercentileMs(lambdaPerMs: number, muPerMs: number, p: number): number {
  assertProbability('p', p);
  if (lambdaPerMs >= muPerMs) return Infinity;
  return Math.log(1 / (1 - p)) / (muPerMs - lambdaPerMs);
}

/** M/M/1 waiting time: 0 with probability 1 − ρ, else exponential with rate μ − λ; its p-quantile, ms. */
export function mm1WaitPercentileMs(lambdaPerMs: number, muPerMs: number, p: number): number {
  assertProbability('p', p);
  const rho = lambdaPerMs / muPerMs;
  if (rho >= 1) return Infinity;
  if (p <= 1 - rho) return 0;
  return Math.log(rho / (1 - p)) / (muPerMs - lambdaPerMs);
}

/** Erlang C: the chance an arrival waits in M/M/c with offered load a = λ/μ (erlangs) and c servers. */
export function erlangC(servers: number, offeredLoad: number): number {
  if (!Number.isInteger(servers) || servers < 1) throw new RangeError(`servers must be an integer >= 1, got ${servers}`);
  if (!(offeredLoad >= 0)) throw new RangeError(`offeredLoad must be >= 0, got ${offeredLoad}`);
  if (offeredLoad >= servers) return 1;
  // Erlang B by its stable recursion, then C = B / (1 − ρ(1 − B)).
  let erlangB = 1;
  for (let k = 1; k <= servers; k++) erlangB = (offeredLoad * erlangB) / (k + offeredLoad * erlangB);
  const rho = offeredLoad / servers;
  return erlangB / (1 - rho * (1 - erlangB));
}

/** M/M/c figures plus the probability of waiting (Erlang C). */
export function mmc(lambdaPerMs: number, muPerMs: number, servers: number): StationFigures & { probabilityOfWaiting: number } {
  assertRate('lambdaPerMs', lambdaPerMs);
  assertRate('muPerMs', muPerMs);
  const offered = lambdaPerMs / muPerMs;
  const rho = offered / servers;
  const probabilityOfWaiting = erlangC(servers, offered);
  if (rho >= 1) return { ...unstable(rho), probabilityOfWaiting };
  const waitMs = probabilityOfWaiting / (servers * muPerMs - lambdaPerMs);
  const sojournMs = waitMs + 1 / muPerMs;
  return { rho, waitMs, sojournMs, lq: lambdaPerMs * waitMs, l: lambdaPerMs * sojournMs, probabilityOfWaiting };
}

/** M/M/c waiting time: 0 with probability 1 − C, else exponential with rate cμ − λ; its p-quantile, ms. */
export function mmcWaitPercentileMs(lambdaPerMs: number, muPerMs: number, servers: number, p: number): number {
  assertProbability('p', p);
  const waiting = erlangC(servers, lambdaPerMs / muPerMs);
  if (lambdaPerMs >= servers * muPerMs) return Infinity;
  if (p <= 1 - waiting) return 0;
  return Math.log(waiting / (1 - p)) / (servers * muPerMs - lambdaPerMs);
}

/** M/G/1 by Pollaczek–Khinchine: Wq = λ E[S²] / (2(1 − ρ)), from the service time's first two moments. */
export function mg1(lambdaPerMs: number, meanServiceMs: number, serviceSecondMomentMs2: number): StationFigures {
  assertRate('lambdaPerMs', lambdaPerMs);
  assertRate('meanServiceMs', meanServiceMs);
  if (serviceSecondMomentMs2 < meanServiceMs * meanServiceMs * (1 - 1e-12)) {
    throw new RangeError(`E[S^2] (${serviceSecondMomentMs2}) cannot be below E[S]^2 (${meanServiceMs ** 2})`);
  }
  const rho = lambdaPerMs * meanServiceMs;
  if (rho >= 1) return unstable(rho);
  const waitMs = (lambdaPerMs * serviceSecondMomentMs2) / (2 * (1 - rho));
  const sojournMs = waitMs + meanServiceMs;
  return { rho, waitMs, sojournMs, lq: lambdaPerMs * waitMs, l: lambdaPerMs * sojournMs };
}

/** M/D/1: constant service time D; P-K with E[S²] = D². */
export function md1(lambdaPerMs: number, serviceMs: number): StationFigures {
  return mg1(lambdaPerMs, serviceMs, serviceMs * serviceMs);
}

/** M/M/1/K: at most K in the system (one in service, K − 1 waiting). Blocking probability P_K and throughput. */
export function mm1k(lambdaPerMs: number, muPerMs: number, systemCapacity: number): { rho: number; blocking: number; throughputPerMs: number; l: number; sojournMs: number } {
  assertRate('lambdaPerMs', lambdaPerMs);
  assertRate('muPerMs', muPerMs);
  if (!Number.isInteger(systemCapacity) || systemCapacity < 1) throw new RangeError(`systemCapacity must be an integer >= 1, got ${systemCapacity}`);
  const rho = lambdaPerMs / muPerMs;
  const k = systemCapacity;
  // P_n ∝ ρ^n for n = 0..K; computed by normalising the powers directly (fine for ρ = 1 and large K).
  let norm = 0;
  let weighted = 0;
  let power = 1;
  for (let n = 0; n <= k; n++) {
    norm += power;
    weighted += n * power;
    if (n < k) power *= rho;
  }
  const blocking = power / norm;
  const throughputPerMs = lambdaPerMs * (1 - blocking);
  const l = weighted / norm;
  return { rho, blocking, throughputPerMs, l, sojournMs: l / throughputPerMs };
}

/**
 * M/M/1 with a deterministic patience τ while stored (a queue ttl): a copy not read within τ leaves.
 * With FIFO it expires exactly when the work ahead of it exceeds τ; Barrer (1957):
 * P(expire) = (1 − ρ) ρ e^{−(μ−λ)τ} / (1 − ρ² e^{−(μ−λ)τ}). Holds for ρ ≥ 1 too (the queue stays finite).
 */
export function mm1Ttl(lambdaPerMs: number, muPerMs: number, ttlMs: number): { expireShare: number } {
  assertRate('lambdaPerMs', lambdaPerMs);
  assertRate('muPerMs', muPerMs);
  if (!(ttlMs >= 0)) throw new RangeError(`ttlMs must be >= 0, got ${ttlMs}`);
  const rho = lambdaPerMs / muPerMs;
  if (rho === 1) return { expireShare: 1 / (2 + lambdaPerMs * ttlMs) }; // the limit of the formula at ρ = 1
  const decay = Math.exp(-(muPerMs - lambdaPerMs) * ttlMs);
  return { expireShare: ((1 - rho) * rho * decay) / (1 - rho * rho * decay) };
}

/**
 * The Laplace–Stieltjes transform E[e^{−sX}] of a Distribution at s ≥ 0, where it has a closed form
 * (constant, exponential, uniform, erlang, empirical); undefined for normal and lognormal.
 */
export function distributionTransform(distribution: Distribution, s: number): number | undefined {
  switch (distribution.kind) {
    case 'constant':
      return Math.exp(-s * distribution.value);
    case 'exponential':
      return 1 / (1 + s * distribution.mean);
    case 'uniform': {
      const { min, max } = distribution;
      if (max === min || s === 0) return Math.exp(-s * min);
      return (Math.exp(-s * min) - Math.exp(-s * max)) / (s * (max - min));
    }
    case 'erlang':
      return (distribution.k / (distribution.k + s * distribution.mean)) ** distribution.k;
    case 'empirical':
      return distribution.values.length === 0 ? undefined : distribution.values.reduce((sum, v) => sum + Math.exp(-s * v), 0) / distribution.values.length;
    case 'normal':
    case 'lognormal':
      return undefined;
  }
}

/**
 * G/M/1: renewal arrivals with gap distribution `gap`, one exponential server at rate μ. σ is the root in
 * (0, 1) of σ = A*(μ(1 − σ)), the chance an arrival waits; the sojourn is exponential with rate μ(1 − σ).
 * Undefined when the gap's transform has no closed form; unstable (ρ ≥ 1) gives Infinity.
 */
export function gm1(gap: Distribution, muPerMs: number): (StationFigures & { probabilityOfWaiting: number }) | undefined {
  assertRate('muPerMs', muPerMs);
  const meanGapMs = distributionMoments(gap).mean;
  if (!(meanGapMs > 0)) throw new RangeError(`the mean gap must be > 0, got ${meanGapMs}`);
  const lambdaPerMs = 1 / meanGapMs;
  const rho = lambdaPerMs / muPerMs;
  if (distributionTransform(gap, 0) === undefined) return undefined;
  if (rho >= 1) return { ...unstable(rho), probabilityOfWaiting: 1 };
  // the fixed-point map is increasing and convex with a root below 1: iterating from 0 climbs to it
  let sigma = 0;
  for (let i = 0; i < 10_000; i++) {
    const next = distributionTransform(gap, muPerMs * (1 - sigma))!;
    if (Math.abs(next - sigma) < 1e-15) {
      sigma = next;
      break;
    }
    sigma = next;
  }
  const sojournMs = 1 / (muPerMs * (1 - sigma));
  const waitMs = sigma * sojournMs;
  return { rho, waitMs, sojournMs, lq: lambdaPerMs * waitMs, l: lambdaPerMs * sojournMs, probabilityOfWaiting: sigma };
}

/** Little's law L = λ W (any consistent units: per-ms rate × ms = messages). */
export function littleL(lambdaPerMs: number, meanTimeMs: number): number {
  return lambdaPerMs * meanTimeMs;
}

/** Jackson tandem: each station sees Poisson arrivals at λ; the mean end-to-end time is the sum of the stations' sojourns. */
export function jacksonTandem(lambdaPerMs: number, stations: { muPerMs: number; servers?: number }[]): { stations: StationFigures[]; sojournMs: number } {
  const figures = stations.map((station) => ((station.servers ?? 1) === 1 ? mm1(lambdaPerMs, station.muPerMs) : mmc(lambdaPerMs, station.muPerMs, station.servers ?? 1)));
  return { stations: figures, sojournMs: figures.reduce((sum, station) => sum + station.sojournMs, 0) };
}

/** Retries as Bernoulli feedback: each attempt fails with chance f, at most maxAttempts attempts (omit for unlimited). */
export function bernoulliRetries(failureRate: number, maxAttempts?: number): { expectedAttempts: number; failAllProbability: number; deadLetterShare: number; effectiveArrivalFactor: number } {
  if (!(failureRate >= 0 && failureRate < 1)) throw new RangeError(`failureRate must be in [0, 1), got ${failureRate}`);
  if (maxAttempts !== undefined && (!Number.isInteger(maxAttempts) || maxAttempts < 1)) throw new RangeError(`maxAttempts must be an integer >= 1, got ${maxAttempts}`);
  const failAllProbability = maxAttempts === undefined ? 0 : failureRate ** maxAttempts;
  // E[attempts] = Σ_{k<n} f^k = (1 − fⁿ)/(1 − f); unlimited: 1/(1 − f).
  const expectedAttempts = (1 - failAllProbability) / (1 - failureRate);
  return { expectedAttempts, failAllProbability, deadLetterShare: failAllProbability, effectiveArrivalFactor: expectedAttempts };
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const normalDensity = (x: number): number => Math.exp(-0.5 * x * x) / SQRT_2PI;

/** Standard normal upper tail Q(x) = 1 − Φ(x), by the complementary error function (|error| < 1.2e-7). */
export function normalUpperTail(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/** First two moments E[X], E[X²] of a Distribution (spec: Distributions). A normal is redrawn when negative: truncated at 0. */
export function distributionMoments(distribution: Distribution): { mean: number; secondMoment: number } {
  switch (distribution.kind) {
    case 'constant':
      return { mean: distribution.value, secondMoment: distribution.value ** 2 };
    case 'exponential':
      return { mean: distribution.mean, secondMoment: 2 * distribution.mean ** 2 };
    case 'uniform': {
      const { min, max } = distribution;
      return { mean: (min + max) / 2, secondMoment: (min * min + min * max + max * max) / 3 };
    }
    case 'erlang':
      return { mean: distribution.mean, secondMoment: distribution.mean ** 2 * (1 + 1 / distribution.k) };
    case 'lognormal':
      return { mean: distribution.mean, secondMoment: distribution.mean ** 2 + distribution.sd ** 2 };
    case 'empirical': {
      const n = distribution.values.length;
      if (n === 0) return { mean: 0, secondMoment: 0 };
      let sum = 0;
      let squares = 0;
      for (const value of distribution.values) {
        sum += value;
        squares += value * value;
      }
      return { mean: sum / n, secondMoment: squares / n };
    }
    case 'normal': {
      const { mean, sd } = distribution;
      if (sd === 0) return { mean, secondMoment: mean * mean };
      const alpha = -mean / sd;
      const kept = normalUpperTail(alpha);
      const ratio = normalDensity(alpha) / kept;
      const truncatedMean = mean + sd * ratio;
      const variance = sd * sd * (1 + alpha * ratio - ratio * ratio);
      return { mean: truncatedMean, secondMoment: variance + truncatedMean ** 2 };
    }
  }
}

/** Long-run publish rate of an arrival process, per ms (a burst: size per `every`; a schedule or profile: undefined, not one rate). */
export function arrivalRatePerMs(arrival: Arrival): number | undefined {
  switch (arrival.kind) {
    case 'poisson':
    case 'constant':
      return arrival.ratePerSecond / 1000;
    case 'interval': {
      const gap = distributionMoments(arrival.gap).mean;
      return gap > 0 ? 1 / gap : undefined;
    }
    case 'burst':
      return arrival.every > 0 ? arrival.size / arrival.every : undefined;
    case 'schedule':
    case 'profile':
      return undefined;
  }
}

/**
 * M/G/c by the Allen–Cunneen approximation: Wq ≈ Wq(M/M/c) × (1 + C²s) / 2, C²s = Var[S] / E[S]² (exact for
 * c = 1, where it is Pollaczek–Khinchine). An approximation for c > 1: label it as such where it is shown.
 */
export function mgcApprox(lambdaPerMs: number, meanServiceMs: number, serviceSecondMomentMs2: number, servers: number): StationFigures {
  const markov = mmc(lambdaPerMs, 1 / meanServiceMs, servers);
  if (markov.rho >= 1) return unstable(markov.rho);
  const cs2 = Math.max(0, serviceSecondMomentMs2 / (meanServiceMs * meanServiceMs) - 1);
  const waitMs = (markov.waitMs * (1 + cs2)) / 2;
  return { rho: markov.rho, waitMs, sojournMs: waitMs + meanServiceMs, lq: lambdaPerMs * waitMs, l: lambdaPerMs * (waitMs + meanServiceMs) };
}
