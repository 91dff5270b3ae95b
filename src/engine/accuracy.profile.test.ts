// Accuracy of the profile arrival (architect.md "Traffic that changes over time"): messages per interval
// against the integral of the rate (thinning of a Poisson process), for a repeating linear day and a step
// profile that falls silent; and a handler's brown-out (serviceProfile, failureProfile) at attempt start.
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../model/compile';
import { profileIntegral } from '../model/profileRules';
import type { Scenario, ScenarioNode } from '../model/types';
import { simulate } from './index';
import { check, printChecks, within } from './accuracy.helpers';
import type { MessageRecord, Profile } from './types';

/** a Poisson count's tolerance: 4.5 standard deviations √expected (a false alarm about 1 in 150,000 per check) */
const countTolerance = (expected: number): number => 4.5 * Math.sqrt(expected);

afterAll(() => printChecks('profile accuracy'));

function records(name: string, nodes: ScenarioNode[], edges: [string, string][], stopAt: number): MessageRecord[] {
  const out: MessageRecord[] = [];
  const scenario: Scenario = { format: 'eventflow-scenario', version: 1, name, seed: 7, stopAt, nodes, edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target })) };
  simulate(compile(scenario), { onMessage: (r) => out.push(r) });
  return out;
}

describe('the profile arrival', () => {
  it('a repeating linear profile: counts per second of the cycle (over 40 cycles) match the integral of the rate', () => {
    const profile: Profile = { shape: 'linear', repeat: 10_000, points: [[0, 100], [4000, 1000], [7000, 200]] };
    const cycles = 40;
    const published = records('linear day', [
      { id: 'p', type: 'publisher', arrival: { kind: 'profile', ...profile } },
      { id: 'h', type: 'handler', service: { kind: 'constant', value: 0 } },
    ], [['p', 'h']], cycles * 10_000).map((r) => r.publishedAt);
    const total = profileIntegral(profile, cycles * 10_000) / 1000;
    expect(total).toBeCloseTo(cycles * 4450, 6);
    expect(within(check('linear: all messages (178,000)', published.length, total, countTolerance(total)))).toBe(true);
    const perSecond = new Array<number>(10).fill(0);
    for (const t of published) perSecond[Math.floor((t % 10_000) / 1000)]++;
    perSecond.forEach((count, s) => {
      const expected = (cycles * (profileIntegral(profile, (s + 1) * 1000) - profileIntegral(profile, s * 1000))) / 1000;
      expect(within(check(`linear: second ${s} of the cycle (${expected.toFixed(0)})`, count, expected, countTolerance(expected)))).toBe(true);
    });
  });

  it('a step profile that falls to 0 publishes nothing after it, and the window [start, end) bounds it', () => {
    const published = records('step silent', [
      { id: 'p', type: 'publisher', arrival: { kind: 'profile', points: [[0, 50], [100_000, 400], [150_000, 0]] }, start: 20_000 },
      { id: 'h', type: 'handler', service: { kind: 'constant', value: 0 } },
    ], [['p', 'h']], 1_000_000).map((r) => r.publishedAt);
    const early = published.filter((t) => t < 100_000).length;
    const late = published.filter((t) => t >= 100_000).length;
    expect(published.every((t) => t >= 20_000 && t < 150_000)).toBe(true);
    expect(within(check('step: [20 s, 100 s) at 50/s (4,000)', early, 4000, countTolerance(4000)))).toBe(true);
    expect(within(check('step: [100 s, 150 s) at 400/s (20,000)', late, 20_000, countTolerance(20_000)))).toBe(true);
  });
});

describe('a brown-out', () => {
  it('serviceProfile multiplies each service time by its value at the attempt start; failureProfile replaces the failure rate', () => {
    const out = records('brown-out', [
      { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 100 } },
      { id: 'q', type: 'queue' },
      { id: 'h', type: 'handler', service: { kind: 'constant', value: 2 }, concurrency: 8, failureRate: 0.9,
        serviceProfile: { points: [[0, 1], [40_000, 5], [60_000, 1]] },
        failureProfile: { points: [[0, 0], [40_000, 0.3], [60_000, 0]] } },
    ], [['p', 'q'], ['q', 'h']], 100_000).filter((r) => r.startedAt !== null && r.doneAt !== null);
    const inside = (r: MessageRecord) => (r.startedAt as number) >= 40_000 && (r.startedAt as number) < 60_000;
    for (const r of out) expect((r.doneAt as number) - (r.startedAt as number)).toBeCloseTo(inside(r) ? 10 : 2, 9);
    expect(out.filter((r) => !inside(r) && r.outcome === 'failed')).toEqual([]);
    const during = out.filter(inside);
    const failed = during.filter((r) => r.outcome === 'failed').length;
    const share = failed / during.length;
    expect(within(check('failureProfile 0.3 during the brown-out', share, 0.3, 4.5 * Math.sqrt((0.3 * 0.7) / during.length)))).toBe(true);
  });
});
