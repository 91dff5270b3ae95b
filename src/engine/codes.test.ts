// The engine's code spaces: each code names one thing, and an outcome's code is the index of its name.
import { describe, expect, it } from 'vitest';
import { ArrivalCode, EventKind, NodeCode, OUTCOMES, OutcomeCode, OverflowCode } from './codes';

describe('engine codes', () => {
  it('outcome codes index OUTCOMES by name (records and losses share them)', () => {
    for (const [name, code] of Object.entries(OutcomeCode)) expect(OUTCOMES[code]).toBe(name);
    expect(OUTCOMES).toHaveLength(Object.keys(OutcomeCode).length);
  });

  it('every code space is 0, 1, 2, … without gaps or repeats, and frozen', () => {
    for (const space of [EventKind, NodeCode, OverflowCode, ArrivalCode, OutcomeCode]) {
      const codes = Object.values(space).sort((a, b) => a - b);
      expect(codes).toEqual(codes.map((_, i) => i));
      expect(Object.isFrozen(space)).toBe(true);
    }
  });
});
