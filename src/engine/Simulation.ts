// The discrete-event kernel's public face: the clock, the event loop (one switch on integer event
// codes), step/runUntil/runEvents/runToEnd for the browser and CLI, snapshot() and report().
import type { EngineInput, MessageRecord, Report, Snapshot, StepDescription } from './types';
import { EV_ARRIVE, EV_BACKOFF, EV_DONE, EV_OUTAGE_END, EV_PUBLISH, EV_TTL, Kernel } from './kernel';
import { beginStepNotes, describeStepNotes } from './stepNotes';
import { liveCopies, type LiveCopies } from './liveCopies';
import { arriveEvent } from './flow';
import { ttlEvent } from './queue';
import { backoffEvent, doneEvent, outageEndEvent } from './handler';
import { publishEvent, startPublishers } from './publisher';
import { buildReport, recordInFlight } from './report';
import { buildSnapshot } from './snapshot';

export interface SimulationOptions {
  /** called once per message copy when it reaches its outcome (inFlight ones at the end of the run) */
  onMessage?: (record: MessageRecord) => void;
  /** most transit entries a snapshot lists (default 500) */
  maxTransit?: number;
  /** a wall clock in ms (e.g. performance.now) for report.perf; the engine never reads one itself */
  clock?: () => number;
}

export class Simulation {
  private readonly k: Kernel;
  private finished = false;
  private endMs = 0;
  private wallMs = 0;
  private inFlightRecorded = false;
  private readonly clock: (() => number) | undefined;

  constructor(readonly input: EngineInput, readonly options: SimulationOptions = {}) {
    this.k = new Kernel(input, options.onMessage);
    this.clock = options.clock;
    startPublishers(this.k);
    for (const handler of this.k.handlers) {
      if (handler === null) continue;
      for (let i = 0; i < handler.outageEnds.length; i++) this.k.heap.push(handler.outageEnds[i], EV_OUTAGE_END, handler.index, 0);
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
    k.describing = true;
    beginStepNotes(k);
    const started = this.clock?.();
    try {
      this.runOne();
    } finally {
      k.describing = false;
    }
    if (started !== undefined && this.clock) this.wallMs += this.clock() - started;
    const ended = !this.hasNext();
    const description = describeStepNotes(k, type, a, ended);
    k.stepNotes = [];
    k.noteSent = [];
    if (ended) this.finish();
    return description;
  }

  /** runs every event with time <= timeMs (bounded by stopAt); the clock then reads min(timeMs, end) */
  runUntil(timeMs: number): void {
    if (this.finished) return;
    const k = this.k;
    const started = this.clock?.();
    const limitMs = Math.min(timeMs, k.stopAtMs);
    while (k.heap.size > 0 && k.heap.peekTime() <= limitMs) this.runOne();
    if (!this.hasNext()) this.finish();
    else if (timeMs > k.nowMs) k.nowMs = timeMs;
    if (started !== undefined && this.clock) this.wallMs += this.clock() - started;
  }

  /** runs at most maxEvents events; returns true when the run is finished */
  runEvents(maxEvents: number): boolean {
    if (this.finished) return true;
    const started = this.clock?.();
    runLoop(this.k, maxEvents);
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
    return buildReport(this.k, this.timeMs, this.wallMs);
  }

  private hasNext(): boolean {
    const heap = this.k.heap;
    return heap.size > 0 && heap.peekTime() <= this.k.stopAtMs;
  }

  private finish(): void {
    if (this.finished) return;
    const k = this.k;
    this.finished = true;
    this.endMs = Number.isFinite(k.stopAtMs) ? k.stopAtMs : k.lastChangeMs;
    k.nowMs = this.endMs;
  }

  /** pops and runs one event */
  private runOne(): void {
    const k = this.k;
    const heap = k.heap;
    heap.pop();
    const t = heap.poppedTime;
    k.nowMs = t;
    k.events++;
    const a = heap.poppedA;
    switch (heap.poppedType) {
      case EV_PUBLISH:
        if (publishEvent(k, a, heap.poppedB)) k.lastChangeMs = t;
        break;
      case EV_ARRIVE:
        arriveEvent(k, a);
        k.lastChangeMs = t;
        break;
      case EV_DONE:
        doneEvent(k, a);
        k.lastChangeMs = t;
        break;
      case EV_BACKOFF:
        backoffEvent(k, a);
        k.lastChangeMs = t;
        break;
      case EV_TTL:
        if (ttlEvent(k, a, heap.poppedB)) k.lastChangeMs = t;
        break;
      case EV_OUTAGE_END:
        if (outageEndEvent(k, a)) k.lastChangeMs = t;
        break;
    }
  }
}

/** the hot loop: runs at most maxEvents events up to stopAt (the same switch as runOne(), inlined); kept
 *  out of the Simulation methods so that its optimized code never meets the methods' bookkeeping */
function runLoop(k: Kernel, maxEvents: number): void {
  const heap = k.heap;
  const stopAtMs = k.stopAtMs;
  for (let n = 0; n < maxEvents; n++) {
    if (heap.size === 0 || heap.headTime() > stopAtMs) break;
    heap.pop();
    const t = heap.poppedTime;
    k.nowMs = t;
    k.events++;
    const a = heap.poppedA;
    // literal codes (EV_PUBLISH 0, EV_ARRIVE 1, EV_DONE 2): imported constants are not folded
    switch (heap.poppedType) {
      case 2:
        doneEvent(k, a);
        k.lastChangeMs = t;
        break;
      case 0:
        if (publishEvent(k, a, heap.poppedB)) k.lastChangeMs = t;
        break;
      case 1:
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
    case EV_BACKOFF:
      backoffEvent(k, a);
      return true;
    case EV_TTL:
      return ttlEvent(k, a, b);
    case EV_OUTAGE_END:
      return outageEndEvent(k, a);
    default:
      throw new Error(`engine: unknown event type ${type}`);
  }
}

export function simulate(input: EngineInput, options: SimulationOptions = {}): Report {
  const simulation = new Simulation(input, options);
  simulation.runToEnd();
  return simulation.report();
}
