// Shape checks for scenario data that did not come from the editor itself (the autosave, the clipboard):
// every field the editor reads has the type the Scenario types promise, so drawing it cannot throw.
// Values may still break the model's rules (the Problems panel lists those); only the shape is checked here.
import type { Scenario, ScenarioEdge, ScenarioNode } from '../model/types';

type Rec = Record<string, unknown>;
const isObject = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const optNum = (v: unknown) => v === undefined || isNum(v);
const optStr = (v: unknown) => v === undefined || typeof v === 'string';
const numList = (v: unknown) => Array.isArray(v) && v.every(isNum);

export function isDistributionShape(v: unknown): boolean {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case 'constant': return isNum(v.value);
    case 'exponential': return isNum(v.mean);
    case 'uniform': return isNum(v.min) && isNum(v.max);
    case 'normal':
    case 'lognormal': return isNum(v.mean) && isNum(v.sd);
    case 'erlang': return isNum(v.k) && isNum(v.mean);
    case 'empirical': return numList(v.values);
    default: return false;
  }
}

export function isArrivalShape(v: unknown): boolean {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case 'poisson':
    case 'constant': return isNum(v.ratePerSecond);
    case 'interval': return isDistributionShape(v.gap);
    case 'burst': return isNum(v.size) && isNum(v.every);
    case 'schedule': return numList(v.times);
    default: return false;
  }
}

export function isNodeShape(v: unknown): v is ScenarioNode {
  if (!isObject(v) || typeof v.id !== 'string' || v.id.length === 0 || !optStr(v.label)) return false;
  if (v.position !== undefined && !(isObject(v.position) && isNum(v.position.x) && isNum(v.position.y))) return false;
  switch (v.type) {
    case 'publisher':
      return isArrivalShape(v.arrival) && optNum(v.limit) && optNum(v.start) && optNum(v.end) && optStr(v.event) && optNum(v.keys);
    case 'topic':
      return true;
    case 'queue':
      return optNum(v.capacity) && (v.overflow === undefined || v.overflow === 'reject' || v.overflow === 'drop-oldest' || v.overflow === 'block')
        && optNum(v.ttl) && optStr(v.deadLetter) && optNum(v.partitions);
    case 'handler':
      return optNum(v.concurrency) && isDistributionShape(v.service) && optNum(v.failureRate) && optStr(v.event)
        && (v.retry === undefined || (isObject(v.retry) && isNum(v.retry.maxAttempts) && isDistributionShape(v.retry.backoff)))
        && (v.outages === undefined || (Array.isArray(v.outages) && v.outages.every((o) => isObject(o) && isNum(o.start) && isNum(o.end))));
    default:
      return false;
  }
}

export function isEdgeShape(v: unknown): v is ScenarioEdge {
  return isObject(v) && typeof v.id === 'string' && typeof v.source === 'string' && typeof v.target === 'string'
    && (v.latency === undefined || isDistributionShape(v.latency)) && optNum(v.probability);
}

/** Enough structure for the editor to open it; the model's own problems (shown in Problems) are allowed. */
export function isScenarioShape(v: unknown): v is Scenario {
  return isObject(v) && v.format === 'eventflow-scenario' && v.version === 1 && typeof v.name === 'string' && optStr(v.description)
    && optNum(v.seed) && optNum(v.stopAt) && optNum(v.warmup)
    && Array.isArray(v.nodes) && v.nodes.every(isNodeShape) && Array.isArray(v.edges) && v.edges.every(isEdgeShape);
}
