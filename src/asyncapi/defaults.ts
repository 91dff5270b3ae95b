// What the importer assumes when no x-eventflow-* field says otherwise (asyncapi.md, "Defaults").
import type { Arrival, Distribution } from '../model/types';

export const DEFAULT_ARRIVAL: Arrival = { kind: 'poisson', ratePerSecond: 10 };
export const DEFAULT_SERVICE: Distribution = { kind: 'exponential', mean: 10 };
export const DEFAULT_CONCURRENCY = 1;
export const DEFAULT_STOP_AT_MS = 60_000;

export const EXT = {
  arrival: 'x-eventflow-arrival',
  service: 'x-eventflow-service',
  concurrency: 'x-eventflow-concurrency',
  retries: 'x-eventflow-retries',
  emit: 'x-eventflow-emit',
  queue: 'x-eventflow-queue',
  node: 'x-eventflow-node',
  scenario: 'x-eventflow-scenario',
} as const;
