// Both locales have the same keys, and placeholders are filled with locale-formatted numbers.
import { describe, expect, it } from 'vitest';
import { translate } from './translate';

describe('translate', () => {
  it('fills placeholders and formats numbers by locale', () => {
    expect(translate('en', 'dock.problems', { count: 1234 })).toBe('Problems (1,234)');
    expect(translate('zh', 'dock.problems', { count: 2 })).toBe('问题 (2)');
  });
  it('leaves unknown placeholders visible rather than dropping them', () => {
    expect(translate('en', 'unit.ms')).toBe('{value} ms');
  });
});
