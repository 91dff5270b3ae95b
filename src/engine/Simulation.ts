// The discrete-event kernel's public face: the clock, the event loop (one switch on EventKind codes,
// the one dispatch path), step/runUntil/runEvents/runToEnd for the browser and CLI, snapshot() and report().
import type { EngineInput, MessageRecord, Report, Snapshot, StepDescription } from './types';
import { EventKind } from './codes';
import { Kernel } from './kernel';
import { describeStepNotes } from './stepNotes';
import { liveCopies, type LiveCopies } from './liveCopies';
import { arriveEvent } from './flow';
import { rebalanceEndEvent, rebalanceEvent, ttlEvent } from './queue';
import { backoffEvent, doneEvent, outageEndEvent } from './handler';
import { publishEvent, startPublishers } from './publisher';
import { buildReport, recordInFlight } from './report';
import { buildSnapshot } from './snapshot';
import { fillProbe, probeLayout, type ProbeLayout } from './probe';
import { RunBudget, type BudgetLimits, type BudgetStop } from './budget';

export interface SimulationOptions {
  /** called once per message copy when it reaches its outcome (inFlight ones at the end of the run) */
  onMessage?: (record: MessageRecord) => void;
  /** most transit entries a snapshot lists (default 500) */
  maxTransit?: number;
  /** a wall clock in ms (e.g. performance.now) for report.perf; the engine never reads one itself */
  clock?: () => number;
  /** the safety net's limits (budget.ts); tests lower them */
  budget?: Partial<BudgetLimits>;
}

export class Simulation {
  private readonly k: Kernel;
  private finished = false;
  private endMs = 0;
  private wallMs = 0;
  private inFlightRecorded = false;
  private readonly clock: (() => number) | undefined;
  private readonly budget: RunBudget;

  constructor(readonly input: EngineInput, readonly options: SimulationOptions = {}) {
    this.k = new Kernel(input, options.onMessage);
    this.clock = options.clock;
    const budget = new RunBudget(options.budget);
    this.budget = budget;
    const k = this.k;
    k.pool.limit = budget.maxCopiesInFlight;
    k.pool.onFull = () => budget.copiesFull(k.nowMs);
    startPublishers(this.k);
    for (const handler of this.k.handlers) {
      if (handler === null) continue;
      for (let i = 0; i < handler.outageEnds.length; i++) this.k.heap.push(handler.outageEnds[i], EventKind.outageEnd, handler.index, 0);
    }
    for (const queue of this.k.queues) {
      const epochs = queue?.owned?.epochs ?? [];
      epochs.forEach((epoch, e) => {
        this.k.heap.push(epoch.startMs, EventKind.rebalance, (queue as NonNullable<typeof queue>).index, e);
        this.k.heap.push(epoch.endMs, EventKind.rebalanceEnd, (queue as NonNullable<typeof queue>).index, e);
      });
    }
  }

  /** the virtual clock in ms */
  get timeMs(): number {
    return this.finished ? this.endMs : this.k.nowMs;
  }

  get done(): boolean {
    return this.finished;
  }

  /** events run so far */
  get events(): number {
    return this.k.events;
  }

  /** runs exactly one event and describes it; null when nothing is left */
  step(): StepDescription | null {
    if (this.finished) return null;
    const k = this.k;
    if (!this.hasNext()) {
      this.finish();
      return null;
    }
    const type = k.heap.peekType();
    const a = k.heap.peekA();
    k.stepNotes.clear();
    k.describing = true;
    const started = this.clock?.();
    try {
      this.runSlice(1, k.stopAtMs);
    } finally {
      k.describing = false;
    }
    if (started !== undefined && this.clock) this.wallMs += this.clock() - started;
    const ended = !this.hasNext();
    const description = describeStepNotes(k, type, a, ended);
    k.stepNotes.clear();
    if (ended) this.finish();
    return description;
  }

  /** runs every event with time <= timeMs (bounded by stopAt); the clock then reads min(timeMs, end) */
  runUntil(timeMs: number): void {
    if (this.finished) return;
    const k = this.k;
    const started = this.clock?.();
    this.runSlice(Infinity, Math.min(timeMs, k.stopAtMs));
    if (!this.hasNext()) this.finish();
    else if (timeMs > k.nowMs) k.nowMs = timeMs;
    if (started !== undefined && this.clock) this.wallMs += this.clock() - started;
  }

  /** runs at most maxEvents events; returns true when the run is finished */
  runEvents(maxEvents: number): boolean {
    if (this.finished) return true;
    const started = this.clock?.();
    this.runSlice(maxEvents, this.k.stopAtMs);
    if (!this.hasNext()) this.finish();
    if (started !== undefined && this.clock) this.wallMs += this.clock() - started;
    return this.finished;
  }

  runToEnd(): void {
    while (!this.runEvents(1 << 20)) { /* chunks keep the loop's own bookkeeping small */ }
  }

  snapshot(): Snapshot {
    return buildSnapshot(this.k, this.timeMs, this.finished, this.options.maxTransit ?? 500);
  }

  /** what probe() writes where (time series, src/series) */
  probeLayout(): ProbeLayout {
    return probeLayout(this.k);
  }

  /** writes the series counters as of the last event into `out` (layout: probeLayout()) */
  probe(layout: ProbeLayout, out: Float64Array): void {
    fillProbe(this.k, layout, out);
  }

  /** the copies sent and not yet at an outcome, at most `max` of them (oldest copy ids first) */
  liveCopies(max: number): LiveCopies {
    return liveCopies(this.k, max);
  }

  /** the report; at the end of the run it also hands the in-flight copies to onMessage (once) */
  report(): Report {
    if (this.finished && !this.inFlightRecorded) {
      this.inFlightRecorded = true;
      recordInFlight(this.k);
    }
    const report = buildReport(this.k, this.timeMs, this.wallMs);
    if (this.budget.stop !== null) report.stopped = { ...this.budget.stop }; // only when the budget stopped the run
    return report;
  }

  /** why the run was stopped early (budget.ts), or null */
  get stopped(): BudgetStop | null {
    return this.budget.stop;
  }

  /** runs at most maxEvents events with time <= limitMs inside the budget */
  private runSlice(maxEvents: number, limitMs: number): void {
    const k = this.k;
    this.budget.open(k.events, maxEvents);
    runLoop(k, this.budget, limitMs);
    this.budget.close(k.events, k.nowMs);
  }

  private hasNext(): boolean {
    const heap = this.k.heap;
    return this.budget.stop === null && heap.size > 0 && heap.peekTime() <= this.k.stopAtMs;
  }

  private finish(): void {
    if (this.finished) return;
    const k = this.k;
    this.finished = true;
    this.endMs = this.budget.stop !== null ? k.nowMs : Number.isFinite(k.stopAtMs) ? k.stopAtMs : k.lastChangeMs;
    k.nowMs = this.endMs;
  }
}

/** the one dispatch path (Step, runUntil, runEvents): runs the budget's open slice of events with time <= limitMs;
 *  kept out of the Simulation methods so that its optimized code never meets the methods' bookkeeping */
function runLoop(k: Kernel, budget: RunBudget, limitMs: number): void {
  const heap = k.heap;
  heap.dueLimitMs = limitMs;
  // budget.eventEnd: the slice's end, or 0 once the copies in flight outgrow the budget (budget.ts)
  while (k.events < budget.eventEnd) {
    if (heap.size === 0 || !heap.due()) break;
    heap.pop();
    const t = heap.poppedTime;
    k.nowMs = t;
    k.events++;
    const a = heap.poppedA;
    // literal codes, type-checked against EventKind (imported constants are not folded in a switch)
    switch (heap.poppedType) {
      case 2 satisfies typeof EventKind.done:
        doneEvent(k, a);
        k.lastChangeMs = t;
        break;
      case 0 satisfies typeof EventKind.publish:
        if (publishEvent(k, a)) k.lastChangeMs = t;
        break;
      case 1 satisfies typeof EventKind.arrive:
        arriveEvent(k, a);
        k.lastChangeMs = t;
        break;
      default:
        if (runRare(k, heap.poppedType, a, heap.poppedB)) k.lastChangeMs = t;
    }
  }
}

/** the less frequent events; true when the event changed something */
function runRare(k: Kernel, type: number, a: number, b: number): boolean {
  switch (type) {
    case EventKind.backoff:
      backoffEvent(k, a);
      return true;
    case EventKind.ttl:
      return ttlEvent(k, a, b);
    case EventKind.outageEnd:
      return outageEndEvent(k, a);
    case EventKind.rebalance:
      rebalanceEvent(k, a);
      return false;
    case EventKind.rebalanceEnd:
      return rebalanceEndEvent(k, a, b);
    default:
      throw new Error(`engine: unknown event type ${type}`);
  }
}

export function simulate(input: EngineInput, options: SimulationOptions = {}): Report {
  const simulation = new Simulation(input, options);
  simulation.runToEnd();
  return simulation.report();
}
