// suggestValues: what "Sweep this field" fills into Values, and that the experiment core accepts it.
import { describe, expect, it } from 'vitest';
import { parseValues } from '../../experiment/values';
import { suggestValues } from './sweepValues';

describe('suggestValues', () => {
  it('proposes whole numbers from half to twice an integer field', () => {
    expect(suggestValues(4, true)).toBe('2:8:1');
    expect(suggestValues(undefined, true)).toBe('1:4:1');
    const parsed = parseValues(suggestValues(40, true));
    expect(parsed.ok && parsed.values.length).toBeLessThanOrEqual(10);
    expect(parsed.ok && parsed.values[0]).toBe(20);
  });
  it('proposes 50 % to 150 % of a decimal field, parseable by the core', () => {
    expect(suggestValues(10, false)).toBe('5,7.5,10,12.5,15');
    const parsed = parseValues(suggestValues(0.3, false));
    expect(parsed.ok && parsed.values).toEqual([0.15, 0.225, 0.3, 0.375, 0.45]);
  });
});
