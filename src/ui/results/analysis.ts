// Pure analysis for the Charts and Theory panels: the offered load of each handler from the scenario
// (rates propagated along edges), ρ ≥ 1 warnings, the busiest handler, queues that keep growing,
// and (re-exported from theoryStations.ts) which queues and handlers meet a textbook model's assumptions.
import type { Report } from '../../engine/types';
import type { HandlerNode, QueueNode, Scenario } from '../../model/types';
import { arrivalRatePerMs, bernoulliRetries, distributionMoments } from '../../model/theory';
import type { SeriesData } from '../../worker/protocol';
import { edgeShares, isFailureEdge } from '../../model/routing';

export interface HandlerLoad {
  handler: string;
  /** the queue it reads from, when exactly one */
  queue?: string;
  arrivalPerMs: number;
  meanServiceMs: number;
  concurrency: number;
  /** offered load per slot, counting retried attempts */
  rho: number;
  /** messages pile up without limit (no capacity on the way in) */
  unbounded: boolean;
}

/** Long-run arrival rate into each node (per ms), propagated from the publishers along the edges. */
export function arrivalRates(scenario: Scenario): Map<string, number> {
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
  const readers = new Map<string, number>();
  for (const edge of scenario.edges) if (nodes.get(edge.source)?.type === 'queue') readers.set(edge.source, (readers.get(edge.source) ?? 0) + 1);
  const shares = edgeShares(scenario.edges, (id) => {
    const node = nodes.get(id);
    return (node?.type === 'publisher' || node?.type === 'handler') && node.route === 'one';
  });
  let rateIn = new Map<string, number>();
  for (let iteration = 0; iteration < 64; iteration++) {
    const next = new Map<string, number>();
    for (const [index, edge] of scenario.edges.entries()) {
      const source = nodes.get(edge.source);
      if (!source) continue;
      let out = 0;
      if (source.type === 'publisher') out = (arrivalRatePerMs(source.arrival) ?? 0) * shares[index];
      else if (source.type === 'topic') out = rateIn.get(source.id) ?? 0;
      else if (source.type === 'queue') out = (rateIn.get(source.id) ?? 0) / (readers.get(source.id) ?? 1);
      else {
        const retries = bernoulliRetries(source.failureRate ?? 0, source.retry?.maxAttempts ?? 1);
        const leaving = isFailureEdge(edge) ? retries.failAllProbability : 1 - retries.failAllProbability;
        out = (rateIn.get(source.id) ?? 0) * leaving * shares[index];
      }
      next.set(edge.target, (next.get(edge.target) ?? 0) + out);
    }
    const stable = [...next].every(([id, rate]) => Math.abs(rate - (rateIn.get(id) ?? 0)) <= 1e-12 * Math.max(1, rate));
    rateIn = next;
    if (stable) break;
  }
  return rateIn;
}

export function handlerLoads(scenario: Scenario): HandlerLoad[] {
  const rates = arrivalRates(scenario);
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
  return scenario.nodes
    .filter((n): n is HandlerNode => n.type === 'handler')
    .map((handler) => {
      const inputs = scenario.edges.filter((e) => e.target === handler.id).map((e) => nodes.get(e.source));
      const queues = inputs.filter((n): n is QueueNode => n?.type === 'queue');
      const arrivalPerMs = rates.get(handler.id) ?? 0;
      const meanServiceMs = distributionMoments(handler.service).mean;
      const concurrency = handler.concurrency ?? 1;
      const attempts = bernoulliRetries(handler.failureRate ?? 0, handler.retry?.maxAttempts ?? 1).expectedAttempts;
      const rho = (arrivalPerMs * attempts * meanServiceMs) / concurrency;
      const direct = inputs.some((n) => n?.type === 'publisher' || n?.type === 'topic');
      const unbounded = direct || queues.some((q) => q.capacity === undefined);
      return { handler: handler.id, queue: queues.length === 1 ? queues[0].id : undefined, arrivalPerMs, meanServiceMs, concurrency, rho, unbounded };
    });
}

export function busiestHandler(report: Report): { id: string; utilization: number } | undefined {
  let best: { id: string; utilization: number } | undefined;
  for (const [id, node] of Object.entries(report.nodes)) {
    if (node.type === 'handler' && (!best || node.utilization > best.utilization)) best = { id, utilization: node.utilization };
  }
  return best;
}

/** queues whose depth keeps rising: the last quarter's mean well above the first quarter's, and rising at the end */
export function growingQueues(series: SeriesData): { id: string; from: number; to: number }[] {
  const n = series.length;
  if (n < 8) return [];
  const quarter = Math.max(1, Math.floor(n / 4));
  const mean = (values: Float64Array, from: number, to: number) => {
    let sum = 0;
    for (let i = from; i < to; i++) sum += values[i];
    return sum / (to - from);
  };
  const out: { id: string; from: number; to: number }[] = [];
  series.depth.forEach((values, i) => {
    const first = mean(values, 0, quarter);
    const third = mean(values, 2 * quarter, 3 * quarter);
    const last = mean(values, n - quarter, n);
    if (last >= 10 && last > 2 * first + 1 && last > third) out.push({ id: series.depthNodeIds[i], from: Math.round(first), to: Math.round(values[n - 1]) });
  });
  return out;
}

export { theoryStations, type Station, type StationModel } from './theoryStations';
