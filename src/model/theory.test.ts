// Unit tests of the queueing formulas against values worked out by hand (and textbook tables).
import { describe, expect, it } from 'vitest';
import {
  arrivalRatePerMs, bernoulliRetries, distributionTransform, gm1, mm1Ttl, distributionMoments, erlangC, jacksonTandem, littleL, md1, mg1, mm1, mm1k,
  mm1SojournPercentileMs, mm1WaitPercentileMs, mmc, mmcWaitPercentileMs, normalUpperTail,
} from './theory';
import type { Distribution } from '../engine/types';

describe('M/M/1', () => {
  it('gives ρ, W, Wq, L, Lq at ρ = 0.5', () => {
    const f = mm1(0.5, 1);
    expect(f.rho).toBeCloseTo(0.5, 12);
    expect(f.sojournMs).toBeCloseTo(2, 12);
    expect(f.waitMs).toBeCloseTo(1, 12);
    expect(f.l).toBeCloseTo(1, 12);
    expect(f.lq).toBeCloseTo(0.5, 12);
  });
  it('gives W = 10 ms at ρ = 0.9 (the Lindley benchmark)', () => {
    const f = mm1(0.9, 1);
    expect(f.sojournMs).toBeCloseTo(10, 10);
    expect(f.waitMs).toBeCloseTo(9, 10);
    expect(f.l).toBeCloseTo(9, 10);
    expect(f.lq).toBeCloseTo(8.1, 10);
  });
  it('is unstable (Infinity, not NaN) at ρ >= 1', () => {
    expect(mm1(1, 1).sojournMs).toBe(Infinity);
    expect(mm1(2, 1).l).toBe(Infinity);
    expect(mm1SojournPercentileMs(1, 1, 0.5)).toBe(Infinity);
  });
  it('has exponential sojourn percentiles', () => {
    expect(mm1SojournPercentileMs(0.5, 1, 0.5)).toBeCloseTo(Math.LN2 / 0.5, 12);
    expect(mm1SojournPercentileMs(0.5, 1, 0.99)).toBeCloseTo(Math.log(100) / 0.5, 12);
    expect(mm1SojournPercentileMs(0.5, 1, 0)).toBe(0);
  });
  it('has a wait that is 0 with probability 1 − ρ', () => {
    expect(mm1WaitPercentileMs(0.5, 1, 0.5)).toBe(0);
    expect(mm1WaitPercentileMs(0.5, 1, 0.3)).toBe(0);
    // P(Wq > t) = ρ e^{-(μ−λ)t} = 0.01 at t = ln(50)/0.5
    expect(mm1WaitPercentileMs(0.5, 1, 0.99)).toBeCloseTo(Math.log(50) / 0.5, 12);
  });
  it('refuses non-positive rates and bad probabilities', () => {
    expect(() => mm1(0, 1)).toThrow(RangeError);
    expect(() => mm1(1, -1)).toThrow(/muPerMs/);
    expect(() => mm1SojournPercentileMs(0.5, 1, 1.5)).toThrow(RangeError);
  });
});

describe('M/M/c and Erlang C', () => {
  it('reduces to ρ for one server', () => {
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12);
    const one = mmc(0.7, 1, 1);
    const single = mm1(0.7, 1);
    expect(one.waitMs).toBeCloseTo(single.waitMs, 12);
    expect(one.sojournMs).toBeCloseTo(single.sojournMs, 12);
  });
  it('matches hand values: M/M/2 at a = 1 waits with 1/3, M/M/3 at a = 2 with 4/9', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 12);
    const f = mmc(2, 1, 3);
    expect(f.rho).toBeCloseTo(2 / 3, 12);
    expect(f.probabilityOfWaiting).toBeCloseTo(4 / 9, 12);
    expect(f.waitMs).toBeCloseTo(4 / 9, 12); // C / (cμ − λ) = (4/9)/1
    expect(f.sojournMs).toBeCloseTo(13 / 9, 12);
    expect(f.l).toBeCloseTo(26 / 9, 12);
  });
  it('matches a textbook table value: 10 servers at 8 erlangs wait with 0.4092', () => {
    expect(erlangC(10, 8)).toBeCloseTo(0.4092, 4);
  });
  it('is 1 when overloaded, and has a wait quantile of 0 below 1 − C', () => {
    expect(erlangC(3, 3)).toBe(1);
    expect(mmc(3, 1, 3).waitMs).toBe(Infinity);
    expect(mmcWaitPercentileMs(2, 1, 3, 0.5)).toBe(0);
    expect(mmcWaitPercentileMs(2, 1, 3, 0.99)).toBeCloseTo(-Math.log(0.01 / (4 / 9)), 12);
  });
});

describe('M/G/1 by Pollaczek–Khinchine', () => {
  it('agrees with M/M/1 for exponential service', () => {
    const { mean, secondMoment } = distributionMoments({ kind: 'exponential', mean: 1 });
    const f = mg1(0.6, mean, secondMoment);
    expect(f.waitMs).toBeCloseTo(mm1(0.6, 1).waitMs, 12);
    expect(f.sojournMs).toBeCloseTo(mm1(0.6, 1).sojournMs, 12);
  });
  it('gives M/D/1 half the M/M/1 wait', () => {
    expect(md1(0.5, 1).waitMs).toBeCloseTo(0.5, 12);
    expect(md1(0.9, 1).waitMs).toBeCloseTo(4.5, 12);
    expect(md1(0.9, 1).sojournMs).toBeCloseTo(5.5, 12);
  });
  it('handles uniform service: λ = 0.5, S ~ U(0, 2) gives Wq = 0.5 · (4/3) / 1 = 2/3', () => {
    const { mean, secondMoment } = distributionMoments({ kind: 'uniform', min: 0, max: 2 });
    expect(mg1(0.5, mean, secondMoment).waitMs).toBeCloseTo(2 / 3, 12);
  });
  it('refuses an impossible second moment', () => {
    expect(() => mg1(0.5, 1, 0.5)).toThrow(RangeError);
  });
});

describe('M/M/1/K', () => {
  it('blocks with ρ/(1+ρ) when K = 1 and 1/(K+1) when ρ = 1', () => {
    expect(mm1k(0.5, 1, 1).blocking).toBeCloseTo(1 / 3, 12);
    expect(mm1k(1, 1, 2).blocking).toBeCloseTo(1 / 3, 12);
    expect(mm1k(1, 1, 4).l).toBeCloseTo(2, 12);
  });
  it('matches (1−ρ)ρ^K / (1−ρ^{K+1}) at ρ = 0.8, K = 5', () => {
    const f = mm1k(0.8, 1, 5);
    expect(f.blocking).toBeCloseTo((0.2 * 0.8 ** 5) / (1 - 0.8 ** 6), 12);
    expect(f.blocking).toBeCloseTo(0.088819, 5);
    expect(f.throughputPerMs).toBeCloseTo(0.8 * (1 - f.blocking), 12);
  });
  it('approaches M/M/1 for large K', () => {
    const f = mm1k(0.5, 1, 200);
    expect(f.blocking).toBeLessThan(1e-50);
    expect(f.l).toBeCloseTo(1, 10);
    expect(f.sojournMs).toBeCloseTo(2, 10);
  });
});

describe('G/M/1', () => {
  it('agrees with M/M/1 for exponential gaps (σ = ρ)', () => {
    const f = gm1({ kind: 'exponential', mean: 2 }, 1)!;
    expect(f.probabilityOfWaiting).toBeCloseTo(0.5, 10);
    expect(f.sojournMs).toBeCloseTo(2, 10);
    expect(f.waitMs).toBeCloseTo(1, 10);
  });
  it('solves E2/M/1 at ρ = 0.5 by hand: σ(2 − σ)² = 1, so σ = (3 − √5)/2', () => {
    const sigma = (3 - Math.sqrt(5)) / 2;
    const f = gm1({ kind: 'erlang', k: 2, mean: 2 }, 1)!;
    expect(f.probabilityOfWaiting).toBeCloseTo(sigma, 10);
    expect(f.sojournMs).toBeCloseTo(1 / (1 - sigma), 10);
  });
  it('matches the D/M/1 table value σ = 0.2032 at ρ = 0.5', () => {
    const f = gm1({ kind: 'constant', value: 2 }, 1)!;
    expect(f.probabilityOfWaiting).toBeCloseTo(0.2032, 4);
    expect(f.probabilityOfWaiting).toBeCloseTo(Math.exp(-2 * (1 - f.probabilityOfWaiting)), 12);
  });
  it('is unstable at ρ >= 1 and undefined without a closed-form transform', () => {
    expect(gm1({ kind: 'constant', value: 1 }, 1)!.sojournMs).toBe(Infinity);
    expect(gm1({ kind: 'lognormal', mean: 2, sd: 1 }, 1)).toBeUndefined();
  });
  it('has transforms equal to 1 at s = 0 and the right values elsewhere', () => {
    const kinds: Distribution[] = [{ kind: 'constant', value: 3 }, { kind: 'uniform', min: 1, max: 2 }, { kind: 'erlang', k: 3, mean: 2 }, { kind: 'empirical', values: [1, 5] }];
    for (const d of kinds) {
      expect(distributionTransform(d, 0)).toBeCloseTo(1, 12);
    }
    expect(distributionTransform({ kind: 'uniform', min: 0, max: 1 }, 1)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(distributionTransform({ kind: 'exponential', mean: 2 }, 0.5)).toBeCloseTo(0.5, 12);
    expect(distributionTransform({ kind: 'normal', mean: 2, sd: 1 }, 1)).toBeUndefined();
  });
});

describe('M/M/1 with a queue ttl (deterministic patience)', () => {
  it('is M/M/1/1 blocking at ttl 0 and vanishes for a long ttl', () => {
    expect(mm1Ttl(0.5, 1, 0).expireShare).toBeCloseTo(0.5 / 1.5, 12);
    expect(mm1Ttl(0.5, 1, 200).expireShare).toBeLessThan(1e-40);
  });
  it('matches a direct Monte Carlo of the work ahead (2M arrivals each)', () => {
    // values from a scratch simulation of V <- max(0, V − A); expire if V > τ else V += S
    expect(mm1Ttl(0.8, 1, 2).expireShare).toBeCloseTo(0.1875, 3);
    expect(mm1Ttl(0.9, 1, 5).expireShare).toBeCloseTo(0.1076, 3);
    expect(mm1Ttl(1.2, 1, 3).expireShare).toBeCloseTo(0.2691, 3);
  });
  it('is continuous through ρ = 1', () => {
    expect(mm1Ttl(1, 1, 3).expireShare).toBeCloseTo(mm1Ttl(1 - 1e-7, 1, 3).expireShare, 5);
    expect(mm1Ttl(1, 1, 3).expireShare).toBeCloseTo(mm1Ttl(1 + 1e-7, 1, 3).expireShare, 5);
  });
});

describe('Little, Jackson, retries', () => {
  it("applies Little's law", () => {
    expect(littleL(0.9, 10)).toBeCloseTo(9, 12);
  });
  it('sums the stations of a tandem', () => {
    const t = jacksonTandem(0.5, [{ muPerMs: 1 }, { muPerMs: 2 }, { muPerMs: 1, servers: 3 }]);
    expect(t.stations[0].sojournMs).toBeCloseTo(2, 12);
    expect(t.stations[1].sojournMs).toBeCloseTo(1 / 1.5, 12);
    expect(t.sojournMs).toBeCloseTo(2 + 1 / 1.5 + mmc(0.5, 1, 3).sojournMs, 12);
  });
  it('gives Bernoulli-feedback attempts and dead-letter shares', () => {
    const unlimited = bernoulliRetries(0.2);
    expect(unlimited.expectedAttempts).toBeCloseTo(1.25, 12);
    expect(unlimited.failAllProbability).toBe(0);
    const three = bernoulliRetries(0.5, 3);
    expect(three.expectedAttempts).toBeCloseTo(1.75, 12); // 1 + 0.5 + 0.25
    expect(three.failAllProbability).toBeCloseTo(0.125, 12);
    expect(three.deadLetterShare).toBeCloseTo(0.125, 12);
    expect(bernoulliRetries(0, 5).expectedAttempts).toBe(1);
    expect(bernoulliRetries(0.3, 1).expectedAttempts).toBeCloseTo(1, 12);
    expect(() => bernoulliRetries(1)).toThrow(RangeError);
    expect(() => bernoulliRetries(0.5, 0)).toThrow(RangeError);
  });
});

describe('distribution moments and arrival rates', () => {
  it('knows the first two moments of each kind', () => {
    expect(distributionMoments({ kind: 'constant', value: 3 })).toEqual({ mean: 3, secondMoment: 9 });
    expect(distributionMoments({ kind: 'exponential', mean: 2 })).toEqual({ mean: 2, secondMoment: 8 });
    const uniform = distributionMoments({ kind: 'uniform', min: 0, max: 1 });
    expect(uniform.secondMoment).toBeCloseTo(1 / 3, 12);
    expect(distributionMoments({ kind: 'erlang', k: 1, mean: 2 }).secondMoment).toBeCloseTo(8, 12);
    expect(distributionMoments({ kind: 'erlang', k: 4, mean: 2 }).secondMoment).toBeCloseTo(4 * 1.25, 12);
    expect(distributionMoments({ kind: 'lognormal', mean: 5, sd: 2 }).secondMoment).toBeCloseTo(29, 12);
    expect(distributionMoments({ kind: 'empirical', values: [1, 2, 2, 10] })).toEqual({ mean: 3.75, secondMoment: 109 / 4 });
  });
  it('truncates a normal at 0: N(0, 1) becomes the half-normal', () => {
    const half = distributionMoments({ kind: 'normal', mean: 0, sd: 1 });
    expect(half.mean).toBeCloseTo(Math.sqrt(2 / Math.PI), 6);
    expect(half.secondMoment).toBeCloseTo(1, 6);
    const far = distributionMoments({ kind: 'normal', mean: 50, sd: 1 });
    expect(far.mean).toBeCloseTo(50, 9);
    expect(far.secondMoment).toBeCloseTo(2501, 6);
  });
  it('computes the normal tail', () => {
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 7);
    expect(normalUpperTail(1.959964)).toBeCloseTo(0.025, 6);
    expect(normalUpperTail(-1.959964)).toBeCloseTo(0.975, 6);
  });
  it('turns arrivals into per-ms rates', () => {
    expect(arrivalRatePerMs({ kind: 'poisson', ratePerSecond: 900 })).toBeCloseTo(0.9, 12);
    expect(arrivalRatePerMs({ kind: 'constant', ratePerSecond: 100 })).toBeCloseTo(0.1, 12);
    expect(arrivalRatePerMs({ kind: 'interval', gap: { kind: 'uniform', min: 5, max: 15 } })).toBeCloseTo(0.1, 12);
    expect(arrivalRatePerMs({ kind: 'burst', size: 50, every: 1000 })).toBeCloseTo(0.05, 12);
    expect(arrivalRatePerMs({ kind: 'schedule', times: [0, 1] })).toBeUndefined();
  });
});
