// Which queues and handlers meet a textbook model's assumptions, and with what figures: Poisson publishers
// merged (straight in or through topics), a queue read by one handler, or a handler fed directly as a
// queue with c = its concurrency; M/M/1, M/M/c (Erlang C), M/D/1, M/G/1 exact, M/D/c and M/G/c approximate.
import type { HandlerNode, Scenario, ScenarioNode } from '../../model/types';
import { distributionMoments, md1, mg1, mgcApprox, mm1, mmc, type StationFigures } from '../../model/theory';

export type StationModel = 'mm1' | 'mmc' | 'md1' | 'mg1' | 'mdc' | 'mgc';

export interface Station {
  /** where copies wait: the queue, or the handler itself when it is fed directly */
  queue: string;
  handler: string;
  direct: boolean;
  model: StationModel;
  /** an approximation (M/D/c, M/G/c), not an exact result */
  approximate: boolean;
  lambdaPerMs: number;
  /** Poisson publishers merged into the arrivals */
  publishers: number;
  /** mean latency of the connections on the way in (rate-weighted), ms: part of publish → read, not of the wait */
  latencyMs: number;
  servers: number;
  meanServiceMs: number;
  secondMomentMs2: number;
  /** a single server storing by priority (architect.md "Priorities") with two or more priorities arriving:
   *  each priority's arrival rate, highest first (Cobham's per-class waits, theoryPriority.ts) */
  classes?: { priority: number; lambdaPerMs: number }[];
}

interface Inputs { ratePerMs: number; publishers: string[]; latencyRateMs: number; priorities: number[]; rates: number[] }

/** the Poisson arrivals into `id`: only Poisson publishers (no start, end or limit), straight or through topics; undefined otherwise */
function poissonInputs(scenario: Scenario, nodes: Map<string, ScenarioNode>, id: string, depth = 0): Inputs | undefined {
  const edges = scenario.edges.filter((e) => e.target === id);
  if (edges.length === 0 || depth > 32) return undefined;
  const out: Inputs = { ratePerMs: 0, publishers: [], latencyRateMs: 0, priorities: [], rates: [] };
  for (const edge of edges) {
    const source = nodes.get(edge.source);
    const latencyMs = edge.latency ? distributionMoments(edge.latency).mean : 0;
    if (source?.type === 'publisher') {
      if (source.arrival.kind !== 'poisson' || source.start !== undefined || source.end !== undefined || source.limit !== undefined) return undefined;
      const rate = source.arrival.ratePerSecond / 1000;
      out.ratePerMs += rate;
      out.publishers.push(source.id);
      out.latencyRateMs += rate * latencyMs;
      out.priorities.push(source.priority ?? 0);
      out.rates.push(rate);
    } else if (source?.type === 'topic') {
      const inner = poissonInputs(scenario, nodes, source.id, depth + 1);
      if (!inner) return undefined;
      out.ratePerMs += inner.ratePerMs;
      out.publishers.push(...inner.publishers);
      out.priorities.push(...inner.priorities);
      out.rates.push(...inner.rates);
      out.latencyRateMs += inner.latencyRateMs + inner.ratePerMs * latencyMs;
    } else {
      return undefined;
    }
  }
  // one publisher reaching the node twice sends copies together: not independent Poisson streams
  return new Set(out.publishers).size === out.publishers.length ? out : undefined;
}

/** per priority, highest first, when a single server stores by priority and two or more priorities arrive */
function priorityClasses(byPriority: boolean, servers: number, inputs: Inputs): Station['classes'] {
  if (!byPriority || servers !== 1) return undefined;
  const rates = new Map<number, number>();
  inputs.priorities.forEach((priority, i) => rates.set(priority, (rates.get(priority) ?? 0) + inputs.rates[i]));
  if (rates.size < 2) return undefined;
  return [...rates].sort((a, b) => b[0] - a[0]).map(([priority, lambdaPerMs]) => ({ priority, lambdaPerMs }));
}

function station(handler: HandlerNode, queue: string, direct: boolean, inputs: Inputs, byPriority: boolean): Station | undefined {
  if ((handler.failureRate ?? 0) > 0 || (handler.outages?.length ?? 0) > 0 || !(inputs.ratePerMs > 0)) return undefined;
  if (handler.serviceProfile !== undefined || handler.failureProfile !== undefined) return undefined;
  const servers = handler.concurrency ?? 1;
  const { mean, secondMoment } = distributionMoments(handler.service);
  if (!(mean > 0)) return undefined;
  const kind = handler.service.kind;
  const model: StationModel = kind === 'exponential' ? (servers === 1 ? 'mm1' : 'mmc') : kind === 'constant' ? (servers === 1 ? 'md1' : 'mdc') : servers === 1 ? 'mg1' : 'mgc';
  const classes = priorityClasses(byPriority, servers, inputs);
  return {
    ...(classes ? { classes } : {}),
    queue, handler: handler.id, direct, model, approximate: model === 'mdc' || model === 'mgc', lambdaPerMs: inputs.ratePerMs,
    publishers: inputs.publishers.length, latencyMs: inputs.latencyRateMs / inputs.ratePerMs, servers, meanServiceMs: mean, secondMomentMs2: secondMoment,
  };
}

/** the queue-and-handler pairs and directly fed handlers that meet a model, in file order */
export function theoryStations(scenario: Scenario): Station[] {
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
  const into = (id: string) => scenario.edges.filter((e) => e.target === id);
  const stations: Station[] = [];
  for (const node of scenario.nodes) {
    if (node.type === 'queue') {
      if (node.capacity !== undefined || node.ttl !== undefined || node.partitions !== undefined) continue;
      const readers = scenario.edges.filter((e) => e.source === node.id);
      if (readers.length !== 1) continue;
      const handler = nodes.get(readers[0].target);
      if (handler?.type !== 'handler' || into(handler.id).length !== 1) continue;
      const inputs = poissonInputs(scenario, nodes, node.id);
      const found = inputs && station(handler, node.id, false, inputs, node.order === 'priority');
      if (found) stations.push(found);
    } else if (node.type === 'handler') {
      const inputs = poissonInputs(scenario, nodes, node.id);
      const found = inputs && station(node, node.id, true, inputs, node.order === 'priority');
      if (found) stations.push(found);
    }
  }
  return stations;
}

/** the model's figures for a station */
export function stationFigures(s: Station): StationFigures {
  switch (s.model) {
    case 'mm1': return mm1(s.lambdaPerMs, 1 / s.meanServiceMs);
    case 'mmc': return mmc(s.lambdaPerMs, 1 / s.meanServiceMs, s.servers);
    case 'md1': return md1(s.lambdaPerMs, s.meanServiceMs);
    case 'mg1': return mg1(s.lambdaPerMs, s.meanServiceMs, s.secondMomentMs2);
    case 'mdc':
    case 'mgc': return mgcApprox(s.lambdaPerMs, s.meanServiceMs, s.secondMomentMs2, s.servers);
  }
}

/** the model's name as written in the literature, e.g. M/M/2 */
export function modelName(s: Station): string {
  const c = String(s.servers);
  switch (s.model) {
    case 'mm1': return 'M/M/1';
    case 'mmc': return `M/M/${c}`;
    case 'md1': return 'M/D/1';
    case 'mg1': return 'M/G/1';
    case 'mdc': return `M/D/${c}`;
    case 'mgc': return `M/G/${c}`;
  }
}

/** whether the simulated mean lies within the run's sampling uncertainty of theory; null when it cannot be judged */
export function withinUncertainty(predictedMs: number, simulatedMs: number, halfWidthMs: number | null): boolean | null {
  if (halfWidthMs === null || !Number.isFinite(predictedMs)) return null;
  return Math.abs(simulatedMs - predictedMs) <= halfWidthMs;
}
