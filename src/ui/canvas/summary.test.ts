// Node summaries read like the examples, in both languages, with sensible number precision.
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import type { TFunction } from '../i18n';
import { edgeLabel, eventHue, nodeSummary } from './summary';

const en: TFunction = (key, vars) => translate('en', key, vars);
const zh: TFunction = (key, vars) => translate('zh', key, vars);

describe('nodeSummary', () => {
  it('shows the key parameters at a glance', () => {
    expect(nodeSummary(en, { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 900 }, limit: 10_000 })).toBe('Poisson 900/s · limit 10,000');
    expect(nodeSummary(en, { id: 'q', type: 'queue', capacity: 100, overflow: 'reject', partitions: 2 })).toBe('cap 100 · reject · 2 partitions');
    expect(nodeSummary(en, { id: 'h', type: 'handler', concurrency: 2, service: { kind: 'exponential', mean: 5 }, failureRate: 0.01 })).toBe('×2 · exp 5 ms · 1% fail');
    expect(nodeSummary(en, { id: 't', type: 'topic' }, 3)).toBe('fan-out to 3');
    expect(nodeSummary(zh, { id: 'q', type: 'queue' })).toBe('无上限');
  });

  it('keeps small values precise', () => {
    expect(nodeSummary(en, { id: 'h', type: 'handler', service: { kind: 'constant', value: 0.05 }, failureRate: 0.0025 })).toBe('×1 · 0.05 ms · 0.25% fail');
    expect(edgeLabel(en, { id: 'e', source: 'a', target: 'b', latency: { kind: 'uniform', min: 1, max: 4 }, probability: 0.5 })).toBe('uniform 1–4 ms · p 50%');
    expect(edgeLabel(en, { id: 'e', source: 'a', target: 'b' })).toBe('');
  });

  it('gives each event type a stable hue', () => {
    expect(eventHue('user.registered')).toBe(eventHue('user.registered'));
    expect(eventHue('user.registered')).toBeGreaterThanOrEqual(0);
    expect(eventHue('user.registered')).toBeLessThan(360);
  });
});
