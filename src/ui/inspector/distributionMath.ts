// Pure helpers for the distribution editor: the mean of each kind, a density curve for the tiny preview,
// and sensible parameters when the user switches kind (keeping the mean).
import type { Distribution } from '../../engine/types';

export const DISTRIBUTION_KINDS: Distribution['kind'][] = ['constant', 'exponential', 'uniform', 'normal', 'lognormal', 'erlang', 'empirical'];

export function distributionMean(d: Distribution): number {
  switch (d.kind) {
    case 'constant': return d.value;
    case 'exponential': return d.mean;
    case 'uniform': return (d.min + d.max) / 2;
    case 'normal': return truncatedNormalMean(d.mean, d.sd);
    case 'lognormal': return d.mean;
    case 'erlang': return d.mean;
    case 'empirical': return d.values.length ? d.values.reduce((a, b) => a + b, 0) / d.values.length : 0;
  }
}

/** Mean of a normal redrawn until non-negative (the spec's rule). */
function truncatedNormalMean(mean: number, sd: number): number {
  if (sd <= 0) return mean;
  const alpha = -mean / sd;
  const phi = Math.exp(-0.5 * alpha * alpha) / Math.sqrt(2 * Math.PI);
  const tail = 1 - normalCdf(alpha);
  return tail > 1e-12 ? mean + (sd * phi) / tail : mean;
}

function normalCdf(x: number): number {
  // Abramowitz-Stegun 7.1.26 via erf
  const t = 1 / (1 + 0.3275911 * Math.abs(x / Math.SQRT2));
  const y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(x * x) / 2);
  return 0.5 * (1 + Math.sign(x) * y);
}

function nice(v: number): number {
  if (!Number.isFinite(v) || v <= 0) return 1;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(v)));
  const f = 10 ** Math.min(digits, 3);
  return Math.round(v * f) / f;
}

/** A distribution of `kind` with about the given mean. */
export function withKind(kind: Distribution['kind'], meanMs: number): Distribution {
  const m = nice(meanMs > 0 ? meanMs : 50);
  switch (kind) {
    case 'constant': return { kind, value: m };
    case 'exponential': return { kind, mean: m };
    case 'uniform': return { kind, min: nice(m / 2), max: nice(m * 1.5) };
    case 'normal': return { kind, mean: m, sd: nice(m / 4) };
    case 'lognormal': return { kind, mean: m, sd: nice(m / 2) };
    case 'erlang': return { kind, k: 2, mean: m };
    case 'empirical': return { kind, values: [nice(m / 2), m, nice(m * 1.5)] };
  }
}

export interface Curve {
  /** points (x in ms, density scaled to 0..1) */
  points: [number, number][];
  /** vertical spikes (constant, empirical): x and relative height */
  spikes: [number, number][];
  xMax: number;
}

export function densityCurve(d: Distribution, samples = 48): Curve {
  const mean = Math.max(distributionMean(d), 1e-9);
  if (d.kind === 'constant') return { points: [], spikes: [[d.value, 1]], xMax: Math.max(d.value * 2, 1) };
  if (d.kind === 'empirical') {
    const counts = new Map<number, number>();
    for (const v of d.values) counts.set(v, (counts.get(v) ?? 0) + 1);
    const top = Math.max(1, ...counts.values());
    const xMax = Math.max(1, ...d.values) * 1.15;
    return { points: [], spikes: [...counts].map(([x, c]) => [x, c / top]), xMax };
  }
  let xMax = mean * 3;
  if (d.kind === 'uniform') xMax = Math.max(d.max * 1.2, 1);
  if (d.kind === 'normal') xMax = Math.max(d.mean + 3.2 * d.sd, 1);
  if (d.kind === 'lognormal') xMax = Math.max(d.mean + 3 * d.sd, mean * 2);
  const pdf = densityFunction(d);
  const raw: [number, number][] = [];
  for (let i = 0; i <= samples; i++) {
    const x = (xMax * i) / samples;
    raw.push([x, pdf(x)]);
  }
  const top = Math.max(...raw.map((p) => p[1]), 1e-12);
  return { points: raw.map(([x, y]) => [x, Number.isFinite(y) ? y / top : 0]), spikes: [], xMax };
}

function densityFunction(d: Distribution): (x: number) => number {
  switch (d.kind) {
    case 'exponential': return (x) => Math.exp(-x / d.mean);
    case 'uniform': return (x) => (x >= d.min && x <= d.max ? 1 : 0);
    case 'normal': return (x) => (d.sd > 0 ? Math.exp(-0.5 * ((x - d.mean) / d.sd) ** 2) : Math.abs(x - d.mean) < 1e-9 ? 1 : 0);
    case 'lognormal': {
      const s2 = Math.log(1 + (d.sd * d.sd) / (d.mean * d.mean));
      const mu = Math.log(d.mean) - s2 / 2;
      return (x) => (x <= 0 || s2 <= 0 ? 0 : Math.exp(-((Math.log(x) - mu) ** 2) / (2 * s2)) / x);
    }
    case 'erlang': {
      const rate = d.k / d.mean;
      return (x) => (x <= 0 ? (d.k === 1 ? 1 : 0) : Math.exp((d.k - 1) * Math.log(x * rate) - x * rate));
    }
    default: return () => 0;
  }
}
