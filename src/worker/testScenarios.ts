// Small scenarios the worker tests share: one publisher, one queue, one handler (M/M/1 at 80 % load).
import type { Scenario } from '../model/types';

export const mm1Scenario = (stopAt = 2000): Scenario => ({
  format: 'eventflow-scenario', version: 1, name: 'M/M/1', seed: 7, stopAt,
  nodes: [
    { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 800 }, event: 'job' },
    { id: 'q', type: 'queue' },
    { id: 'h', type: 'handler', service: { kind: 'exponential', mean: 1 } },
  ],
  edges: [{ id: 'e1', source: 'p', target: 'q', latency: { kind: 'constant', value: 0.5 } }, { id: 'e2', source: 'q', target: 'h' }],
});
