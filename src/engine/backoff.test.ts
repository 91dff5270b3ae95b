// Backoff growth: waits on a constant backoff per attempt (multiplier, cap), no overflow for huge
// attempt counts, and a file without multiplier and maxBackoff keeping the draw as the wait.
import { describe, expect, it } from 'vitest';
import { backoffWaitMs } from './backoff';
import { constant, makeScenario, run } from './testScenario';

describe('backoffWaitMs', () => {
  it('multiplies a constant 100 ms backoff by 2^(k−1) and caps it at maxBackoff', () => {
    expect([1, 2, 3, 4, 5, 6].map((k) => backoffWaitMs(100, 2, 1000, k))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect([1, 2, 3].map((k) => backoffWaitMs(100, 1, 50, k))).toEqual([50, 50, 50]);
  });

  it('stops multiplying once past the cap: no overflow for attempt 1,000,000 and multiplier 100', () => {
    expect(backoffWaitMs(1e9, 100, 3_600_000, 1_000_000)).toBe(3_600_000);
    expect(backoffWaitMs(1, 100, Infinity, 3)).toBe(10_000);
  });
});

describe('in a run', () => {
  const scenario = (retry: object) => makeScenario([
    { id: 'p', type: 'publisher', arrival: { kind: 'schedule', times: [0] } },
    { id: 'h', type: 'handler', service: constant(1), failureRate: 0.999999, retry: { maxAttempts: 5, backoff: constant(100), ...retry } },
  ], [['p', 'h']]);
  /** attempt k starts at: service 1 ms each, then the wait after attempt k */
  const lastStart = (retry: object): number | null => run(scenario(retry)).records[0].startedAt;

  it('waits 100, 300, 900, 1000 ms after attempts 1 … 4 with multiplier 3 and maxBackoff 1000', () => {
    // attempt starts: 0; 1+100 = 101; 102+300 = 402; 403+900 = 1303; 1304+1000 = 2304
    expect(lastStart({ multiplier: 3, maxBackoff: 1000 })).toBe(2304);
  });

  it('without multiplier and maxBackoff each wait is the draw (as before)', () => {
    expect(lastStart({})).toBe(4 * 101);
  });

  it('maxBackoff alone caps the draw', () => {
    expect(lastStart({ maxBackoff: 10 })).toBe(4 * 11);
  });
});
