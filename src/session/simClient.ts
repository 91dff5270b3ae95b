// The page's side of the simulation: owns the backend (worker or main-thread fallback), paces playback
// with requestAnimationFrame, merges updates so the page gets at most one per frame, and watches for a
// crashed or stuck worker (then terminates it, starts a fresh one and reports the failure).
import type { MessageRecord, StepDescription } from '../engine/types';
import type { Scenario } from '../model/types';
import { FrameBudget, Pacer } from './pacer';
import type { LoadOptions, Request, Response, RunMeta, SimBackend, Update } from '../worker/protocol';

export interface ClientDeps {
  createBackend: () => SimBackend;
  now: () => number;
  requestFrame: (callback: () => void) => number;
  cancelFrame: (handle: number) => void;
  setTimer: (callback: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

export interface ClientListener {
  /** progress of the run, at most once per animation frame */
  onUpdate: (update: Update) => void;
  /** the worker crashed or stopped answering; the run is lost */
  onFailure: (message: string) => void;
  /** playback stopped by itself (the run finished) */
  onPlaybackEnded?: () => void;
}

/** No answer within this long (and no progress during a long run) means the worker is stuck. */
export const STUCK_MS = 5000;
export const DEFAULT_LOAD_OPTIONS: LoadOptions = { maxTransit: 500, keepRecords: 10_000 };

type Pending = { resolve: (response: Response) => void; reject: (error: Error) => void; timer: unknown; watched: boolean; generation: number };

/** The full run has more message copies than the browser saves in one file (use the command line). */
export class CsvTooBigError extends Error {
  constructor(readonly maxRows: number) {
    super(`more than ${maxRows} message copies`);
    this.name = 'CsvTooBigError';
  }
}

/** Most message copies the browser writes into one CSV (about 60 bytes each). */
export const MAX_CSV_ROWS = 2_000_000;

/** A request given up on because the run was reset or replaced: not a failure, nothing to report. */
export class RunReplacedError extends Error {
  constructor() {
    super('the run was reset or replaced');
    this.name = 'RunReplacedError';
  }
}
type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'requestId'> : never) : never;

export function mergeUpdates(previous: Update | null, next: Update, keepRecords: number): Update {
  if (!previous) return next;
  let records: MessageRecord[] = previous.records.concat(next.records);
  let skipped = previous.recordsSkipped + next.recordsSkipped;
  if (records.length > keepRecords) {
    skipped += records.length - keepRecords;
    records = records.slice(records.length - keepRecords);
  }
  return {
    snapshot: next.snapshot,
    transit: next.transit,
    records,
    recordsSkipped: skipped,
    losses: previous.losses.concat(next.losses).slice(-256),
    series: next.series ?? previous.series,
    report: next.report ?? previous.report,
    live: next.report ? undefined : next.live ?? previous.live,
    waits: next.waits ?? previous.waits,
    slo: next.slo ?? previous.slo,
  };
}

export class SimClient {
  private backend: SimBackend;
  private nextRequestId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly pacer = new Pacer();
  private readonly budget = new FrameBudget();
  private frameHandle: number | null = null;
  private inFlight = false;
  private loaded = false;
  private finished = false;
  private buffered: Update | null = null;
  private flushHandle: number | null = null;
  private reachedMs = 0;
  private options: LoadOptions = DEFAULT_LOAD_OPTIONS;
  /** the backend failed: the next request starts a fresh one (never at once, so one that cannot start is not restarted in a loop) */
  private needsFreshBackend = false;
  /** grows with every load and reset; answers to requests of an older generation no longer touch the page */
  private generation = 0;
  /**
   * Paused: the page keeps showing the state it showed when Pause was pressed. An advance already in
   * flight still answers (the engine cannot be stopped mid-request); its update is held in `buffered`
   * and reaches the page merged into the next one (after Run, Step or Run to end), never on its own.
   */
  private holding = false;

  constructor(private readonly deps: ClientDeps, private readonly listener: ClientListener) {
    this.backend = this.startBackend();
  }

  get backendKind(): SimBackend['kind'] {
    return this.backend.kind;
  }
  get playing(): boolean {
    return this.pacer.playing;
  }
  get speed(): number {
    return this.pacer.speed;
  }

  private startBackend(): SimBackend {
    const backend = this.deps.createBackend();
    backend.onResponse((response) => {
      if (backend === this.backend && !this.needsFreshBackend) this.receive(response);
    });
    backend.onCrash((message) => {
      if (backend === this.backend && !this.needsFreshBackend) this.fail(message);
    });
    return backend;
  }

  /** the backend is gone: reject everything, tell the page; the next request starts a fresh backend */
  private fail(message: string): void {
    this.stopLoop();
    this.backend.terminate();
    for (const pending of this.pending.values()) {
      this.deps.clearTimer(pending.timer);
      pending.reject(new Error(message));
    }
    this.pending.clear();
    this.loaded = false;
    this.inFlight = false;
    this.buffered = null;
    this.holding = false;
    this.needsFreshBackend = true;
    this.listener.onFailure(message);
  }

  private watch(): unknown {
    return this.deps.setTimer(() => this.fail(`the simulation did not answer within ${STUCK_MS / 1000} s`), STUCK_MS);
  }

  private send(body: RequestBody, watched = true): Promise<Response> {
    if (this.needsFreshBackend) {
      this.needsFreshBackend = false;
      this.backend = this.startBackend();
    }
    const requestId = this.nextRequestId++;
    const request = { ...body, requestId } as Request;
    return new Promise<Response>((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject, timer: watched ? this.watch() : undefined, watched, generation: this.generation });
      this.backend.post(request);
    });
  }

  private receive(response: Response): void {
    const pending = this.pending.get(response.requestId);
    if (!pending) return; // an answer for a request given up on
    this.deps.clearTimer(pending.timer);
    if ('update' in response && pending.generation === this.generation) {
      this.reachedMs = response.update.snapshot.timeMs;
      this.buffered = mergeUpdates(this.buffered, response.update, this.options.keepRecords);
      if (response.update.report) this.finished = true;
    }
    if (response.type === 'progress') {
      if (pending.watched) pending.timer = this.watch();
      if (!this.holding) this.scheduleFlush();
      return;
    }
    this.pending.delete(response.requestId);
    if (response.type === 'error') {
      pending.reject(new Error(response.message));
      return;
    }
    if (response.type === 'advanced') {
      if (!this.holding) this.scheduleFlush();
    } else {
      // the answer to a Step or Run to end the page is waiting for always shows (held updates merged in)
      if (response.type === 'stepped' || response.type === 'finished') this.holding = false;
      this.flush();
    }
    pending.resolve(response);
  }

  private scheduleFlush(): void {
    if (this.flushHandle !== null) return;
    this.flushHandle = this.deps.requestFrame(() => {
      this.flushHandle = null;
      this.flush();
    });
  }

  private flush(): void {
    if (this.flushHandle !== null) {
      this.deps.cancelFrame(this.flushHandle);
      this.flushHandle = null;
    }
    if (this.holding) return;
    const update = this.buffered;
    this.buffered = null;
    if (!update) return;
    this.listener.onUpdate(update);
  }

  /** compiles and loads the scenario at time 0 (a fresh run) */
  async load(scenario: Scenario, options: LoadOptions = DEFAULT_LOAD_OPTIONS): Promise<RunMeta> {
    this.stopLoop();
    this.abandonPending();
    this.generation++;
    this.buffered = null;
    this.holding = false;
    this.pacer.reset();
    this.budget.reset();
    this.options = options;
    this.loaded = false;
    this.finished = false;
    const response = await this.send({ type: 'load', scenario, options });
    if (response.type !== 'loaded') throw new Error(`unexpected answer ${response.type}`);
    this.loaded = true;
    this.pacer.syncTo(response.update.snapshot.timeMs);
    return response.meta;
  }

  get isLoaded(): boolean {
    return this.loaded;
  }
  /** the run finished and the page was told so (a finish held back by Pause does not count yet) */
  get isFinished(): boolean {
    return this.finished && this.buffered?.report === undefined;
  }

  setSpeed(speed: number): void {
    this.pacer.setSpeed(speed, this.deps.now());
  }

  play(): void {
    if (!this.loaded || this.pacer.playing) return;
    this.release();
    if (this.finished) return;
    this.pacer.syncTo(this.reachedMs);
    this.pacer.play(this.deps.now());
    this.loop();
  }

  /** stops playback; the page keeps what it shows now until the next Run, Step or Run to end (see `holding`) */
  pause(): void {
    this.halt();
    if (!this.loaded) return;
    this.holding = true;
    if (this.flushHandle !== null) {
      this.deps.cancelFrame(this.flushHandle);
      this.flushHandle = null;
    }
  }

  private halt(): void {
    this.pacer.pause(this.deps.now());
    this.stopLoop();
    this.pacer.syncTo(this.reachedMs);
  }

  /** the page may see updates again: what was held back goes out now (or merged into the answer awaited next) */
  private release(): void {
    if (!this.holding) return;
    this.holding = false;
    this.flush();
  }

  private stopLoop(): void {
    if (this.frameHandle !== null) this.deps.cancelFrame(this.frameHandle);
    this.frameHandle = null;
    if (this.pacer.playing) this.pacer.pause(this.deps.now());
  }

  private loop(): void {
    this.frameHandle = this.deps.requestFrame(() => this.frame());
  }

  private frame(): void {
    this.frameHandle = null;
    this.flush();
    if (!this.pacer.playing) return;
    if (this.finished) {
      this.pacer.pause(this.deps.now());
      this.listener.onPlaybackEnded?.();
      return;
    }
    if (!this.inFlight) {
      const from = this.reachedMs;
      const target = Math.min(this.pacer.tick(this.deps.now()), from + this.budget.maxVirtualStepMs);
      this.inFlight = true;
      this.send({ type: 'advance', untilMs: target })
        .then((response) => {
          if (response.type !== 'advanced') return;
          const reached = response.update.snapshot.timeMs;
          this.budget.observe(response.events, response.wallMs, reached - from, target - from);
          if (reached < this.pacer.timeMs) this.pacer.syncTo(reached);
        })
        .catch(() => undefined)
        .finally(() => {
          this.inFlight = false;
        });
    }
    this.loop();
  }

  /** runs exactly one event; null when nothing is left */
  async step(): Promise<StepDescription | null> {
    this.halt();
    this.holding = false; // a held update goes out merged into the step's own
    const response = await this.send({ type: 'step' });
    if (response.type !== 'stepped') throw new Error(`unexpected answer ${response.type}`);
    this.pacer.syncTo(response.update.snapshot.timeMs);
    return response.step;
  }

  /** runs to the end as fast as possible with progress updates; resolves cancelled: true after cancel() */
  async runToEnd(): Promise<{ cancelled: boolean }> {
    this.halt();
    this.holding = false; // a held update goes out merged into the first progress
    const response = await this.send({ type: 'runToEnd', progressEveryMs: 250 });
    if (response.type !== 'finished') throw new Error(`unexpected answer ${response.type}`);
    this.pacer.syncTo(response.update.snapshot.timeMs);
    return { cancelled: response.cancelled };
  }

  cancel(): void {
    if (this.needsFreshBackend) return;
    this.backend.post({ type: 'cancel', requestId: this.nextRequestId++ });
  }

  /** every message copy of a full run of the loaded scenario as CSV (re-run in the background) */
  async exportCsv(maxRows = MAX_CSV_ROWS): Promise<{ blob: Blob; rows: number }> {
    const response = await this.send({ type: 'exportCsv', maxRows }, false);
    if (response.type === 'csvTooBig') throw new CsvTooBigError(response.maxRows);
    if (response.type !== 'csv') throw new Error(`unexpected answer ${response.type}`);
    return { blob: response.blob, rows: response.rows };
  }

  /** the run's time series as CSV or JSON text (re-run in the background; architect.md "Time series") */
  async exportSeries(format: 'csv' | 'json'): Promise<{ text: string; buckets: number; bucketMs: number }> {
    const response = await this.send({ type: 'exportSeries', format }, false);
    if (response.type === 'seriesRefused') throw new Error(response.message);
    if (response.type !== 'series') throw new Error(`unexpected answer ${response.type}`);
    return { text: response.text, buckets: response.buckets, bucketMs: response.bucketMs };
  }

  /** the page no longer waits for the current run's requests (their answers are ignored, their watchdogs stopped) */
  private abandonPending(): void {
    for (const [id, pending] of this.pending) {
      this.deps.clearTimer(pending.timer);
      pending.reject(new RunReplacedError());
      this.pending.delete(id);
    }
    this.inFlight = false;
  }

  /** forgets the run (back to nothing loaded) */
  reset(): void {
    this.stopLoop();
    this.abandonPending();
    this.generation++;
    this.pacer.reset();
    this.budget.reset();
    this.reachedMs = 0;
    this.buffered = null;
    this.holding = false;
    this.loaded = false;
    this.finished = false;
    void this.send({ type: 'dispose' }).catch(() => undefined);
  }

  destroy(): void {
    this.stopLoop();
    for (const pending of this.pending.values()) this.deps.clearTimer(pending.timer);
    this.pending.clear();
    this.backend.terminate();
  }
}
