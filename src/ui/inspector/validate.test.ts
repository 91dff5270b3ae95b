// Field validation of the inspector: what is accepted, what is refused and with which message.
import { describe, expect, it } from 'vitest';
import { checkNumber, checkNumberList, parseNumberText } from './validate';
import { densityCurve, distributionMean, withKind } from './distributionMath';

describe('checkNumber', () => {
  it('accepts numbers as typed, with thousands separators', () => {
    expect(parseNumberText('1,000')).toBe(1000);
    expect(parseNumberText(' 2.5 ')).toBe(2.5);
    expect(parseNumberText('1e3')).toBe(1000);
    expect(parseNumberText('abc')).toBeNull();
    expect(parseNumberText('1..2')).toBeNull();
  });

  it('refuses what the spec refuses, naming the bound', () => {
    expect(checkNumber('-5', { min: 0, integer: true, optional: true })).toEqual({ ok: false, error: { key: 'editor.field.atLeast', vars: { min: 0 } } });
    expect(checkNumber('0', { min: 0, minExclusive: true })).toEqual({ ok: false, error: { key: 'editor.field.greaterThan', vars: { min: 0 } } });
    expect(checkNumber('1.5', { min: 1, integer: true })).toEqual({ ok: false, error: { key: 'editor.field.integer' } });
    expect(checkNumber('100', { min: 0, max: 100, maxExclusive: true })).toEqual({ ok: false, error: { key: 'editor.field.lessThan', vars: { max: 100 } } });
    expect(checkNumber('', { min: 0 })).toEqual({ ok: false, error: { key: 'editor.field.required' } });
    expect(checkNumber('x', { min: 0 })).toEqual({ ok: false, error: { key: 'editor.field.notNumber' } });
  });

  it('empty means "not set" for optional fields', () => {
    expect(checkNumber('', { min: 0, optional: true })).toEqual({ ok: true, value: undefined });
    expect(checkNumber('99.5', { min: 0, max: 100, maxExclusive: true })).toEqual({ ok: true, value: 99.5 });
  });

  it('reads lists of numbers, refusing a bad item', () => {
    expect(checkNumberList('1, 2 2;10', { min: 0 })).toEqual({ ok: true, value: [1, 2, 2, 10] });
    expect(checkNumberList('1, -2', { min: 0 })).toEqual({ ok: false, error: { key: 'editor.field.listItem', vars: { item: '-2' } } });
    expect(checkNumberList('  ', { min: 0 })).toEqual({ ok: false, error: { key: 'editor.field.listEmpty' } });
  });
});

describe('distribution helpers', () => {
  it('gives each kind its mean and keeps the mean when the kind changes', () => {
    expect(distributionMean({ kind: 'uniform', min: 1, max: 9 })).toBe(5);
    expect(distributionMean({ kind: 'empirical', values: [1, 2, 2, 10] })).toBe(3.75);
    expect(distributionMean({ kind: 'normal', mean: 5, sd: 1 })).toBeCloseTo(5, 3);
    // redrawing negatives raises the mean of a wide normal
    expect(distributionMean({ kind: 'normal', mean: 1, sd: 5 })).toBeGreaterThan(3);
    for (const kind of ['constant', 'exponential', 'uniform', 'lognormal', 'erlang', 'empirical'] as const) {
      expect(distributionMean(withKind(kind, 50))).toBeCloseTo(50, 5);
    }
  });

  it('draws a curve scaled to 0..1, or spikes for constant and empirical', () => {
    const curve = densityCurve({ kind: 'exponential', mean: 5 });
    expect(curve.points[0][1]).toBe(1);
    expect(Math.max(...curve.points.map((p) => p[1]))).toBe(1);
    expect(densityCurve({ kind: 'empirical', values: [1, 2, 2] }).spikes).toEqual([[1, 0.5], [2, 1]]);
    expect(densityCurve({ kind: 'constant', value: 3 }).spikes).toEqual([[3, 1]]);
  });
});
