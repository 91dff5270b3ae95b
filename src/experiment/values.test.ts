// --values: lists, inclusive ranges rounded to the decimals written, and refusals.
import { describe, expect, it } from 'vitest';
import { MAX_VALUES, checkValues, parseValues } from './values';

const values = (text: string) => {
  const result = parseValues(text);
  if (!result.ok) throw new Error(result.message);
  return result.values;
};
const refusal = (text: string) => {
  const result = parseValues(text);
  expect(result.ok, text).toBe(false);
  return result.ok ? '' : result.message;
};

describe('parseValues', () => {
  it('reads a list', () => {
    expect(values('1,2,4,8')).toEqual([1, 2, 4, 8]);
    expect(values(' 0.5, 1.25 ,-3')).toEqual([0.5, 1.25, -3]);
  });
  it('reads an inclusive range and hits its end exactly (no 0.6000000000000001)', () => {
    const range = values('0.5:0.95:0.05');
    expect(range).toEqual([0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]);
    expect(values('1:10:3')).toEqual([1, 4, 7, 10]);
    expect(values('1:9:3')).toEqual([1, 4, 7]);
    expect(values('0.1:0.3:0.1')).toEqual([0.1, 0.2, 0.3]);
    expect(values('5:5:1')).toEqual([5]);
    expect(values('0:1:0.125')).toHaveLength(9);
  });
  it('rounds to the most decimals of FROM or STEP', () => {
    expect(values('1:2:0.25')).toEqual([1, 1.25, 1.5, 1.75, 2]);
    expect(values('0.10:0.5:0.2')).toEqual([0.1, 0.3, 0.5]);
  });
  it('refuses STEP ≤ 0, FROM > TO, non-decimals, too many values and duplicates', () => {
    expect(refusal('1:5:0')).toContain('STEP must be greater than 0');
    expect(refusal('1:5:-1')).toContain('STEP');
    expect(refusal('5:1:1')).toContain('must not be greater than TO');
    expect(refusal('1e3,2')).toContain('decimal');
    expect(refusal('0x10')).toContain('decimal');
    expect(refusal('1,,2')).toContain('decimal');
    expect(refusal('1:2')).toContain('FROM:TO:STEP');
    expect(refusal('0:1000:1')).toContain(`at most ${MAX_VALUES}`);
    expect(values('1:1000:1')).toHaveLength(1000);
    expect(refusal('1,2,1')).toContain('twice');
    expect(refusal('')).toContain('give the values');
  });
  it('checkValues refuses non-finite values', () => {
    expect(checkValues([1, Number.NaN]).ok).toBe(false);
    expect(checkValues([]).ok).toBe(false);
  });
});
