// The run's time series (architect.md "Time series"), the one code behind `npm run sim -- FILE --series OUT`
// and the browser's "Export series": runs the engine event by event with a SeriesRecorder, then writes
// `t,node,metric,value` CSV rows or `{ bucketMs, series: { node: { metric: [values] } } }` JSON.
import { Simulation, simulate } from '../engine/index';
import type { EngineInput } from '../engine/types';
import { bucketCount, defaultBucketMs, MAX_SERIES_BUCKETS, SeriesTooLongError } from './bucket';
import { SeriesRecorder } from './recorder';
import { HANDLER_FIELDS, QUEUE_FIELDS } from '../engine/probe';

/** the run-wide rows' node: never a valid node id */
export const RUN_WIDE = '*';

export interface SeriesTable {
  bucketMs: number;
  /** bucket start times, ms */
  startsMs: number[];
  /** node id → metric → one value per bucket (null: nothing to measure, e.g. p99 of no completions) */
  series: Map<string, Map<string, (number | null)[]>>;
}

export type SeriesResult = { ok: true; table: SeriesTable } | { ok: false; message: string };

/** runs `input` and collects its series; `bucketMs` defaults to the {1, 2, 5} × 10^n rule */
export function recordSeries(input: EngineInput, bucketMs?: number): SeriesResult {
  const stopAtMs = input.stopAtMs !== undefined && Number.isFinite(input.stopAtMs) ? input.stopAtMs : undefined;
  const bucket = bucketMs ?? defaultBucketMs(stopAtMs ?? simulate(input).endTime);
  if (stopAtMs !== undefined && bucketCount(stopAtMs, bucket) > MAX_SERIES_BUCKETS) return { ok: false, message: new SeriesTooLongError(bucket).message };
  let recorder: SeriesRecorder | null = null;
  const sim = new Simulation(input, { maxTransit: 0, onMessage: (record) => recorder?.record(record) });
  const layout = sim.probeLayout();
  const probe = new Float64Array(layout.width);
  sim.probe(layout, probe);
  recorder = new SeriesRecorder(layout, bucket, probe);
  try {
    while (!sim.runEvents(1)) {
      sim.probe(layout, probe);
      recorder.afterEvent(probe);
    }
    sim.probe(layout, probe);
    recorder.afterEvent(probe);
    sim.report(); // the run's end: nothing completes later, but keep the engine's own end-of-run bookkeeping
    const endMs = sim.timeMs;
    const count = bucketCount(endMs, bucket);
    if (count > MAX_SERIES_BUCKETS) throw new SeriesTooLongError(bucket);
    return { ok: true, table: tabulate(input, recorder, endMs, count) };
  } catch (error) {
    if (error instanceof SeriesTooLongError) return { ok: false, message: error.message };
    throw error;
  }
}

function tabulate(input: EngineInput, recorder: SeriesRecorder, endMs: number, count: number): SeriesTable {
  const { layout, bucketMs } = recorder;
  const buckets = recorder.finish(endMs, count);
  const startsMs = buckets.map((_, b) => b * bucketMs);
  const spans = startsMs.map((start) => Math.min(endMs, start + bucketMs) - start);
  const avg = (area: number, b: number): number => (spans[b] > 0 ? area / spans[b] : 0);
  const series = new Map<string, Map<string, (number | null)[]>>();
  const column = (read: (acc: Float64Array, b: number) => number | null) => buckets.map((bucket, b) => read(bucket.acc, b));
  let at = 3;
  const rows = new Map<number, Map<string, (number | null)[]>>();
  for (const queue of layout.queues) {
    const o = at;
    const metrics = new Map<string, (number | null)[]>([
      ['depth', column((acc, b) => avg(acc[o], b))],
      ['maxDepth', column((acc) => Math.max(0, acc[o + 1]))],
      ['received', column((acc) => acc[o + 2])],
      ['dropped', column((acc) => acc[o + 3])],
      ['expired', column((acc) => acc[o + 4])],
    ]);
    if (queue.partitioned) for (let p = 0; p < queue.partitions; p++) metrics.set(`depth.p${p}`, column((acc, b) => avg(acc[o + QUEUE_FIELDS + p], b)));
    rows.set(queue.index, metrics);
    at += QUEUE_FIELDS + queue.partitions;
  }
  for (const handler of layout.handlers) {
    const o = at;
    rows.set(handler.index, new Map<string, (number | null)[]>([
      ['utilization', column((acc, b) => avg(acc[o], b) / handler.concurrency)],
      ['completed', column((acc) => acc[o + 1])],
      ['failed', column((acc) => acc[o + 2])],
      ['busySlots', column((acc, b) => avg(acc[o], b))],
    ]));
    at += HANDLER_FIELDS;
  }
  input.nodes.forEach((node, index) => {
    const metrics = rows.get(index);
    if (metrics !== undefined) series.set(node.id, metrics);
  });
  series.set(RUN_WIDE, new Map<string, (number | null)[]>([
    ['published', column((acc) => acc[1])],
    ['completed', column((acc) => acc[2])],
    ['p50', buckets.map((bucket) => (bucket.latency === null ? null : bucket.latency.stats().p50))],
    ['p99', buckets.map((bucket) => (bucket.latency === null ? null : bucket.latency.stats().p99))],
  ]));
  return { bucketMs, startsMs, series };
}

const csvField = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** `t,node,metric,value`: per bucket, per node (file order, then `*`), per metric */
export function seriesCsv(table: SeriesTable): string {
  const lines = ['t,node,metric,value'];
  table.startsMs.forEach((start, b) => {
    for (const [node, metrics] of table.series) {
      const id = csvField(node);
      for (const [metric, values] of metrics) lines.push(`${start},${id},${metric},${values[b] === null ? '' : String(values[b])}`);
    }
  });
  return `${lines.join('\n')}\n`;
}

/** `{ "bucketMs", "series": { "<node>": { "<metric>": [values…] } } }` */
export function seriesJson(table: SeriesTable): string {
  const series = Object.create(null) as Record<string, Record<string, (number | null)[]>>;
  for (const [node, metrics] of table.series) series[node] = Object.fromEntries(metrics);
  return `${JSON.stringify({ bucketMs: table.bucketMs, series }, null, 2)}\n`;
}

/** the output for a file name: JSON for `.json`, CSV otherwise */
export const seriesText = (table: SeriesTable, path: string): string => (path.toLowerCase().endsWith('.json') ? seriesJson(table) : seriesCsv(table));
