// What the Experiments tab computes from the scenario and reports: the numeric fields a sweep can vary,
// the theory value of a figure (where the Theory panel has a formula), and a baseline comparison.
import type { Estimate, ExperimentReport } from '../../experiment/types';
import { pointerOf } from '../../experiment/pointer';
import type { Scenario } from '../../model/types';
import { stationFigures, theoryStations } from '../results/theoryStations';

/** every number in the scenario that a sweep can vary (by pointer), plus the usual optional fields */
export function parameterOptions(scenario: Scenario): string[] {
  const out: string[] = [];
  const walk = (value: unknown, segments: string[]) => {
    if (typeof value === 'number') out.push(pointerOf(segments));
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...segments, String(i)]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) if (key !== 'position' && !key.startsWith('x-')) walk(item, [...segments, key]);
    }
  };
  for (const key of ['stopAt', 'warmup'] as const) if (typeof scenario[key] === 'number') out.push(`/${key}`);
  for (const node of scenario.nodes) {
    const { id: _id, type: _type, label: _label, position: _position, ...fields } = node;
    walk(fields, ['nodes', node.id]);
    if (node.type === 'handler' && node.concurrency === undefined) out.push(pointerOf(['nodes', node.id, 'concurrency']));
    if (node.type === 'queue' && node.capacity === undefined) out.push(pointerOf(['nodes', node.id, 'capacity']));
  }
  for (const edge of scenario.edges) {
    const { id: _id, source: _source, target: _target, ...fields } = edge;
    walk(fields, ['edges', edge.id]);
  }
  return [...new Set(out)];
}

/** the formula's value of a figure: a queue's mean wait (Wq) or mean depth (Lq), or a handler's utilization (ρ) */
export function theoryValue(scenario: Scenario, metric: string): number | null {
  const match = /^\/nodes\/([^/]+)\/(wait\/mean|meanDepth|utilization)$/.exec(metric);
  if (match === null) return null;
  const id = match[1].replace(/~1/g, '/').replace(/~0/g, '~');
  for (const station of theoryStations(scenario)) {
    const figures = stationFigures(station);
    let value: number | null = null;
    if (match[2] === 'wait/mean' && station.queue === id) value = figures.waitMs;
    if (match[2] === 'meanDepth' && station.queue === id) value = figures.lq;
    if (match[2] === 'utilization' && station.handler === id) value = figures.rho;
    if (value !== null) return Number.isFinite(value) ? value : null;
  }
  return null;
}

export interface ComparisonRow { metric: string; baseline: Estimate; current: Estimate; difference: number; overlap: boolean | null }

/** the figures both experiments have, point by point (same number of points), with differences and overlap */
export function compareReports(baseline: ExperimentReport, current: ExperimentReport, metrics: readonly string[]): { value: number | null; rows: ComparisonRow[] }[] | null {
  if (baseline.points.length !== current.points.length) return null;
  return current.points.map((point, i) => {
    const before = baseline.points[i];
    const rows: ComparisonRow[] = [];
    for (const metric of metrics) {
      const b = before.estimates[metric];
      const c = point.estimates[metric];
      if (b === undefined || c === undefined) continue;
      const overlap = b.lower === null || b.upper === null || c.lower === null || c.upper === null ? null : b.lower <= c.upper && c.lower <= b.upper;
      rows.push({ metric, baseline: b, current: c, difference: c.mean - b.mean, overlap });
    }
    return { value: point.value, rows };
  });
}
