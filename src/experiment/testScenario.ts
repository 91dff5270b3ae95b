// Test support for experiment tests: a small M/M/1 scenario file (publisher → queue → handler) and a
// finite-load variant; imported by *.test.ts only.
import type { Scenario } from '../model/types';

/** M/M/1 with λ messages/s and a handler taking `serviceMs` on average (exponential); stops at `stopAt` ms, or after `limit` messages */
export function mm1Scenario(options: { ratePerSecond?: number; serviceMs?: number; stopAt?: number; warmup?: number; seed?: number; limit?: number } = {}): Scenario {
  return {
    format: 'eventflow-scenario', version: 1, name: 'M/M/1', seed: options.seed ?? 3,
    ...(options.limit === undefined ? { stopAt: options.stopAt ?? 20_000 } : {}), warmup: options.warmup ?? 1_000,
    nodes: [
      { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: options.ratePerSecond ?? 50 }, ...(options.limit === undefined ? {} : { limit: options.limit }) },
      { id: 'q', type: 'queue' },
      { id: 'h', type: 'handler', service: { kind: 'exponential', mean: options.serviceMs ?? 10 } },
    ],
    edges: [
      { id: 'e1', source: 'p', target: 'q', latency: { kind: 'constant', value: 1 } },
      { id: 'e2', source: 'q', target: 'h' },
    ],
  };
}
