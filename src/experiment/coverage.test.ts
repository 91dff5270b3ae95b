// The intervals mean what they say: 95 % intervals of the mean sojourn time cover M/M/1's W = 1/(μ − λ)
// in about 95 % of many independent experiments (tolerance from the binomial distribution).
import { describe, expect, it } from 'vitest';
import { mm1 } from '../model/theory';
import { runReplications } from './run';
import { mm1Scenario } from './testScenario';

const EXPERIMENTS = 200;
const REPLICATIONS = 8;
const CONFIDENCE = 0.95;

describe('coverage of M/M/1 W', () => {
  it(`${EXPERIMENTS} experiments of ${REPLICATIONS} replications: the 95 % interval holds W in 95 % ± 4 binomial sd of them`, () => {
    // λ = 50/s, service 10 ms: ρ = 0.5, W = 20 ms. Each run publishes 300 messages and runs until all are done
    // (no stopAt, so no long sojourn is cut off at the end); the first 0.3 s are warmup. Publish to done is the
    // M/M/1 sojourn plus the constant 1 ms hop from queue to handler.
    const theory = mm1(50 / 1000, 1 / 10).sojournMs + 1;
    let covered = 0;
    for (let k = 0; k < EXPERIMENTS; k++) {
      const scenario = mm1Scenario({ ratePerSecond: 50, serviceMs: 10, limit: 300, warmup: 300, seed: 1 + 7919 * k });
      const e = runReplications(scenario, { replications: REPLICATIONS, confidence: CONFIDENCE }).points[0].estimates['/latency/publishToDone/mean'];
      if ((e.lower as number) <= theory && theory <= (e.upper as number)) covered++;
    }
    const sd = Math.sqrt(EXPERIMENTS * CONFIDENCE * (1 - CONFIDENCE)); // ≈ 3.08
    expect(covered).toBeGreaterThanOrEqual(Math.floor(EXPERIMENTS * CONFIDENCE - 4 * sd));
    expect(covered).toBeLessThanOrEqual(EXPERIMENTS);
    // and not trivially: intervals this wide would cover anything
    expect(covered).toBeLessThanOrEqual(Math.ceil(EXPERIMENTS * CONFIDENCE + 4 * sd));
  });
});
