// The message switch around the engine: answers each Request with Responses. The worker wraps it
// (sim.worker.ts) and so does the main-thread fallback (src/session/backends.ts); the engine code is the same.
import { Simulation, type SimulationOptions } from '../engine/index';
import type { EngineInput, Report, Snapshot } from '../engine/types';
import { goalsOf, judgeGoals, withVerdicts, type Goal } from '../slo/slo';
import { compile } from '../model/compile';
import { parseScenario } from '../model/parse';
import { distributionMoments } from '../model/theory';
import type { Loss, PackedTransit, Request, Response, RunMeta, Update } from './protocol';
import { RecordRing } from './recordRing';
import { SeriesCollector } from './series';
import { CsvChunks } from './csv';
import { WaitBatches } from './waitBatches';
import { recordSeries, seriesCsv, seriesJson } from '../series/series';

/** The part of the engine's Simulation the host uses (so tests can hand in a fake). */
export type SimulationLike = Pick<Simulation, 'timeMs' | 'done' | 'step' | 'runUntil' | 'runEvents' | 'snapshot' | 'report'> & Partial<Pick<Simulation, 'liveCopies'>>;
export type EngineOptions = SimulationOptions & { clock?: () => number };

export interface HostDeps {
  createSimulation: (input: EngineInput, options: EngineOptions) => SimulationLike;
  /** wall clock, ms */
  now: () => number;
  /** lets other messages (cancel) in between slices of a long run */
  yieldToEvents: () => Promise<void>;
  /** wall time one uninterrupted slice of a long run may take, ms */
  sliceBudgetMs: number;
}

export const defaultHostDeps = (sliceBudgetMs: number): HostDeps => ({
  createSimulation: (input, options) => new Simulation(input, options),
  now: () => performance.now(),
  yieldToEvents: () => new Promise((resolve) => setTimeout(resolve, 0)),
  sliceBudgetMs,
});

const MAX_LOSSES_PER_UPDATE = 256;
const SERIES_EVERY_MS = 500;
const EVENTS_PER_SLICE = 4000;
/** message records per message when a finished run hands over the kept ones */
const RECORDS_PER_MESSAGE = 2000;

interface Run {
  input: EngineInput;
  meta: RunMeta;
  eventIndex: Map<string, number>;
  sim: SimulationLike;
  ring: RecordRing;
  series: SeriesCollector;
  waits: WaitBatches;
  maxLive: number;
  losses: Loss[];
  report?: Report;
  /** the file's service-level objectives (architect.md), judged into the report and live updates */
  goals: Goal[];
  cancelRequested: boolean;
  lastSeriesWallMs: number;
}

export function describeRun(input: EngineInput): RunMeta {
  const tokenEvents = [...new Set(input.nodes.flatMap((node) => ('event' in node ? [node.event] : [])))];
  // the event a copy leaving a node carries: its own, or for a queue the first one fed into it
  const eventOut = (index: number): number => {
    const node = input.nodes[index];
    if ('event' in node) return tokenEvents.indexOf(node.event);
    const feeder = input.edges.find((edge) => edge.target === index && 'event' in input.nodes[edge.source]);
    return feeder ? eventOut(feeder.source) : 0xffff;
  };
  return {
    nodes: input.nodes.map((node) => {
      const base = node.label !== undefined ? { id: node.id, type: node.type, label: node.label } : { id: node.id, type: node.type };
      if (node.type === 'queue') return { ...base, capacity: node.capacity };
      if (node.type === 'handler') return { ...base, concurrency: node.concurrency, meanServiceMs: distributionMoments(node.service).mean };
      return base;
    }),
    edges: input.edges.map((edge) => ({
      id: edge.id, source: edge.source, target: edge.target,
      instant: !edge.latency || (edge.latency.kind === 'constant' && edge.latency.value === 0),
      event: eventOut(edge.source),
    })),
    events: input.sets.E,
    tokenEvents,
    stopAtMs: input.stopAtMs,
    warmupMs: input.warmupMs,
    scenarioName: input.name,
    seed: input.seed,
  };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createSimHost(post: (response: Response) => void, deps: HostDeps): { handle: (request: Request) => void } {
  let run: Run | null = null;

  const current = (): Run => {
    if (!run) throw new Error('no run is loaded');
    return run;
  };

  /** a snapshot, its losses kept for the next update and its depths sampled into the series */
  const observe = (r: Run, final = false): Snapshot => {
    const snapshot = r.sim.snapshot();
    for (const loss of snapshot.losses) if (r.losses.length < MAX_LOSSES_PER_UPDATE) r.losses.push(loss);
    r.series.sample(snapshot.timeMs, snapshot.depth, final || snapshot.done);
    return snapshot;
  };

  const finishIfDone = (r: Run): void => {
    if (r.sim.done && !r.report) {
      r.report = withVerdicts(r.sim.report(), r.goals);
      r.series.sample(r.sim.timeMs, r.sim.snapshot().depth, true);
    }
  };

  const pack = (r: Run, snapshot: Snapshot): PackedTransit => {
    const count = snapshot.transit.length;
    const packed = { count, edge: new Int32Array(count), progress: new Float32Array(count), event: new Uint16Array(count) };
    snapshot.transit.forEach((token, i) => {
      packed.edge[i] = token.edge;
      packed.progress[i] = token.progress;
      packed.event[i] = r.eventIndex.get(token.event) ?? 0xffff;
    });
    return packed;
  };

  const noTransit = (): PackedTransit => ({ count: 0, edge: new Int32Array(0), progress: new Float32Array(0), event: new Uint16Array(0) });

  const update = (r: Run, snapshot: Snapshot, opts: { records: boolean; series: 'auto' | 'always' | 'never'; transit?: boolean }): Update => {
    const { records, skipped } = opts.records ? r.ring.take() : { records: [], skipped: 0 };
    const now = deps.now();
    const withSeries = opts.series === 'always' || (opts.series === 'auto' && (now - r.lastSeriesWallMs >= SERIES_EVERY_MS || r.report !== undefined));
    if (withSeries) r.lastSeriesWallMs = now;
    const losses = r.losses;
    r.losses = [];
    const out: Update = { snapshot: { ...snapshot, transit: [] }, transit: opts.transit === false ? noTransit() : pack(r, snapshot), records, recordsSkipped: skipped, losses, series: withSeries ? r.series.toData() : undefined, report: r.report };
    // the live copies at the snapshot's time (none once the run is over: its in-flight copies are records then)
    if (r.sim.liveCopies !== undefined && !r.report) out.live = r.sim.liveCopies(r.maxLive);
    if (r.report) out.waits = r.waits.summary();
    // live verdicts, as often as the series (the report so far: cheap next to a slice of the run)
    if (r.goals.length > 0) out.slo = r.report?.slo ?? (withSeries ? judgeGoals(r.sim.report(), r.goals) : undefined);
    return out;
  };

  const load = (request: Extract<Request, { type: 'load' }>): void => {
    const parsed = parseScenario(request.scenario);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.text).join('\n'));
    const input = compile(parsed.scenario);
    const ring = new RecordRing(request.options.keepRecords);
    // queues, and handlers fed straight by a publisher or topic (they keep their own buffer)
    const buffered = new Set(input.edges.filter((e) => input.nodes[e.target]?.type === 'handler' && input.nodes[e.source]?.type !== 'queue').map((e) => e.target));
    const depthNodes = input.nodes.filter((n) => n.type === 'queue' || buffered.has(n.index)).map((n) => ({ index: n.index, id: n.id }));
    const series = new SeriesCollector({ depthNodes, stopAtMs: input.stopAtMs, warmupMs: input.warmupMs });
    const waits = new WaitBatches(input.warmupMs);
    const sim = deps.createSimulation(input, {
      maxTransit: request.options.maxTransit,
      clock: deps.now,
      onMessage: (record) => {
        ring.push(record);
        series.record(record);
        waits.record(record);
      },
    });
    const meta = describeRun(input);
    run = { input, meta, eventIndex: new Map(meta.tokenEvents.map((name, i) => [name, i])), sim, ring, series, waits, maxLive: request.options.maxLive ?? 5000, losses: [], goals: goalsOf(parsed.scenario, []), cancelRequested: false, lastSeriesWallMs: -Infinity };
    const snapshot = observe(run);
    finishIfDone(run);
    post({ type: 'loaded', requestId: request.requestId, meta: run.meta, update: update(run, snapshot, { records: true, series: 'always' }) });
  };

  const advance = (request: Extract<Request, { type: 'advance' }>): void => {
    const r = current();
    const started = deps.now();
    const eventsBefore = r.sim.snapshot().events;
    let snapshot: Snapshot | null = null;
    while (!r.sim.done && r.sim.timeMs < request.untilMs) {
      const target = Math.min(request.untilMs, r.series.nextBoundaryMs);
      r.sim.runUntil(target);
      snapshot = observe(r);
      if (r.sim.timeMs < target && !r.sim.done) break; // the engine could not go further (should not happen)
    }
    finishIfDone(r);
    snapshot = r.report || !snapshot ? r.sim.snapshot() : snapshot;
    const events = snapshot.events - eventsBefore;
    post({ type: 'advanced', requestId: request.requestId, update: update(r, snapshot, { records: true, series: 'auto' }), wallMs: deps.now() - started, events });
  };

  const step = (request: Extract<Request, { type: 'step' }>): void => {
    const r = current();
    const description = r.sim.done ? null : r.sim.step();
    const snapshot = observe(r);
    finishIfDone(r);
    post({ type: 'stepped', requestId: request.requestId, step: description, update: update(r, snapshot, { records: true, series: 'always' }) });
  };

  /** runs one slice of about EVENTS_PER_SLICE events, stopping at the next series boundary when that comes first */
  const slice = (r: Run, eventsPerVirtualMs: number): void => {
    const boundary = r.series.nextBoundaryMs;
    if (eventsPerVirtualMs * (boundary - r.sim.timeMs) <= EVENTS_PER_SLICE) r.sim.runUntil(boundary);
    else r.sim.runEvents(EVENTS_PER_SLICE);
  };

  const runToEnd = async (request: Extract<Request, { type: 'runToEnd' }>): Promise<void> => {
    const r = current();
    r.cancelRequested = false;
    let lastProgress = deps.now();
    let rate = 0;
    let before = r.sim.snapshot();
    while (!r.sim.done) {
      const sliceStart = deps.now();
      while (!r.sim.done && deps.now() - sliceStart < deps.sliceBudgetMs) {
        slice(r, rate);
        const after = observe(r);
        const virtualMs = after.timeMs - before.timeMs;
        if (virtualMs > 0) rate = 0.5 * rate + 0.5 * ((after.events - before.events) / virtualMs);
        before = after;
      }
      if (r.sim.done) break;
      if (deps.now() - lastProgress >= request.progressEveryMs) {
        lastProgress = deps.now();
        post({ type: 'progress', requestId: request.requestId, update: update(r, r.sim.snapshot(), { records: false, series: 'auto', transit: false }) });
      }
      await deps.yieldToEvents();
      if (run !== r) return; // reloaded or disposed meanwhile
      if (r.cancelRequested) {
        r.cancelRequested = false;
        post({ type: 'finished', requestId: request.requestId, cancelled: true, update: update(r, r.sim.snapshot(), { records: true, series: 'always' }) });
        return;
      }
    }
    finishIfDone(r);
    const final = update(r, r.sim.snapshot(), { records: true, series: 'always' });
    // the kept records go in slices, so that no single message takes the page long to read
    const records = final.records;
    for (let from = 0; from + RECORDS_PER_MESSAGE < records.length; from += RECORDS_PER_MESSAGE) {
      const slice = records.slice(from, from + RECORDS_PER_MESSAGE);
      post({ type: 'progress', requestId: request.requestId, update: { ...final, records: slice, recordsSkipped: from === 0 ? final.recordsSkipped : 0, losses: [], series: undefined, report: undefined, transit: noTransit() } });
    }
    const lastFrom = Math.max(0, Math.ceil(records.length / RECORDS_PER_MESSAGE) - 1) * RECORDS_PER_MESSAGE;
    post({ type: 'finished', requestId: request.requestId, cancelled: false, update: { ...final, records: records.slice(lastFrom), recordsSkipped: lastFrom === 0 ? final.recordsSkipped : 0 } });
  };

  const exportCsv = async (request: Extract<Request, { type: 'exportCsv' }>): Promise<void> => {
    const r = current();
    const csv = new CsvChunks();
    const sim = deps.createSimulation(r.input, { maxTransit: 0, onMessage: csv.push });
    for (;;) {
      const sliceStart = deps.now();
      let done = false;
      while (!done && deps.now() - sliceStart < deps.sliceBudgetMs && csv.rows <= request.maxRows) done = sim.runEvents(EVENTS_PER_SLICE);
      if (csv.rows > request.maxRows) {
        post({ type: 'csvTooBig', requestId: request.requestId, maxRows: request.maxRows });
        return;
      }
      if (done) break;
      await deps.yieldToEvents();
    }
    sim.report(); // flushes the copies still in flight into the CSV
    if (csv.rows > request.maxRows) {
      post({ type: 'csvTooBig', requestId: request.requestId, maxRows: request.maxRows });
      return;
    }
    post({ type: 'csv', requestId: request.requestId, blob: csv.toBlob(), rows: csv.rows });
  };

  const handle = (request: Request): void => {
    const fail = (error: unknown): void => post({ type: 'error', requestId: request.requestId, message: messageOf(error) });
    try {
      switch (request.type) {
        case 'load':
          return load(request);
        case 'advance':
          return advance(request);
        case 'step':
          return step(request);
        case 'runToEnd':
          runToEnd(request).catch(fail);
          return;
        case 'cancel':
          if (run) run.cancelRequested = true;
          return;
        case 'exportCsv':
          exportCsv(request).catch(fail);
          return;
        case 'exportSeries': {
          // a fresh run of the same compiled input, event by event (the CLI's --series code)
          const result = recordSeries(current().input);
          if (!result.ok) post({ type: 'seriesRefused', requestId: request.requestId, message: result.message });
          else post({ type: 'series', requestId: request.requestId, text: request.format === 'json' ? seriesJson(result.table) : seriesCsv(result.table), buckets: result.table.startsMs.length, bucketMs: result.table.bucketMs });
          return;
        }
        case 'dispose':
          run = null;
          post({ type: 'disposed', requestId: request.requestId });
          return;
        default: {
          const unknown: never = request;
          throw new Error(`unknown request ${JSON.stringify(unknown)}`);
        }
      }
    } catch (error) {
      fail(error);
    }
  };

  return { handle };
}
