// Student's t quantile against a published table (NIST/SEMATECH e-Handbook 1.3.6.7.2, three decimals, so
// four or more significant digits), against the closed forms for ν = 1 and 2, and for determinism.
import { describe, expect, it } from 'vitest';
import { incompleteBeta, logGamma, studentTQuantile, studentTUpperTail } from './studentT';

// upper-tail probability α → t(1 − α, ν); rows from the NIST table of critical values of Student's t
const ALPHAS = [0.10, 0.05, 0.025, 0.01, 0.005, 0.001];
const NIST: Record<number, number[]> = {
  // ν = 1, α = 0.001: NIST prints 318.313; the exact value is tan(0.499π) = 318.3088… (checked by the closed form below)
  1: [3.078, 6.314, 12.706, 31.821, 63.657, 318.309],
  2: [1.886, 2.920, 4.303, 6.965, 9.925, 22.327],
  3: [1.638, 2.353, 3.182, 4.541, 5.841, 10.215],
  4: [1.533, 2.132, 2.776, 3.747, 4.604, 7.173],
  5: [1.476, 2.015, 2.571, 3.365, 4.032, 5.893],
  10: [1.372, 1.812, 2.228, 2.764, 3.169, 4.144],
  20: [1.325, 1.725, 2.086, 2.528, 2.845, 3.552],
  30: [1.310, 1.697, 2.042, 2.457, 2.750, 3.385],
  60: [1.296, 1.671, 2.000, 2.390, 2.660, 3.232],
  100: [1.290, 1.660, 1.984, 2.364, 2.626, 3.174],
};

describe('studentTQuantile', () => {
  for (const [nu, row] of Object.entries(NIST)) {
    it(`matches the NIST table for ν = ${nu}`, () => {
      row.forEach((table, i) => {
        const t = studentTQuantile(1 - ALPHAS[i], Number(nu));
        expect(Math.abs(t - table), `α = ${ALPHAS[i]}: ${t} vs ${table}`).toBeLessThanOrEqual(0.0005 + 1e-9);
      });
    });
  }

  it('tends to the normal quantiles for large ν (z: 1.282, 1.645, 1.960, 2.326, 2.576, 3.090)', () => {
    [1.2816, 1.6449, 1.9600, 2.3263, 2.5758, 3.0902].forEach((z, i) => {
      expect(studentTQuantile(1 - ALPHAS[i], 1e7)).toBeCloseTo(z, 3);
    });
  });

  it('equals the closed forms for ν = 1 (tan) and ν = 2 to 12 digits, including the 0.999 level', () => {
    for (const p of [0.75, 0.9, 0.95, 0.975, 0.995, 0.9995]) {
      const cauchy = Math.tan(Math.PI * (p - 0.5));
      expect(Math.abs(studentTQuantile(p, 1) / cauchy - 1)).toBeLessThan(1e-12);
      const two = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
      expect(Math.abs(studentTQuantile(p, 2) / two - 1)).toBeLessThan(1e-12);
    }
  });

  it('is 0 at p = 0.5, grows with p and shrinks with ν', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.99, 7)).toBeGreaterThan(studentTQuantile(0.95, 7));
    expect(studentTQuantile(0.975, 8)).toBeLessThan(studentTQuantile(0.975, 7));
    expect(studentTQuantile(0.975, 9999)).toBeCloseTo(1.9602, 4);
  });

  it('refuses p outside [0.5, 1) and ν < 1', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.4, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, 0)).toThrow(RangeError);
  });

  it('keeps its bits (a change of algorithm would change every experiment report)', () => {
    expect(studentTQuantile(0.975, 19)).toBe(2.0930240544083105);
    expect(studentTQuantile(0.995, 4)).toBe(4.604094871349995);
  });
});

describe('its building blocks', () => {
  it('logGamma matches known values', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(100.5)).toBeCloseTo(361.435540, 5);
  });

  it('incompleteBeta has I_x(1, 1) = x and the symmetry I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(incompleteBeta(0.2, 2.5, 0.5) + incompleteBeta(0.8, 0.5, 2.5)).toBeCloseTo(1, 14);
  });

  it('the upper tail of ν = 1 is the Cauchy tail', () => {
    expect(studentTUpperTail(1, 1)).toBeCloseTo(0.25, 14);
    expect(studentTUpperTail(0, 3)).toBe(0.5);
  });
});
