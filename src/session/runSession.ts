// The run session: one per page, React-free. Owns the SimClient (worker or main-thread backend,
// pacing, recovery from a crashed or stuck worker), the kept message records and the run's state
// machine; the store and the UI subscribe to it. States and transitions: docs/architecture.md.
import type { StepDescription } from '../engine/types';
import { parseScenario } from '../model/parse';
import { RecordRing } from '../worker/recordRing';
import type { LiveCopies, RunMeta, SimBackend, Update } from '../worker/protocol';
import { DEFAULT_LOAD_OPTIONS, RunReplacedError, SimClient, type ClientDeps } from './simClient';

/**
 * idle ──load──▶ loading ──▶ loaded ──play──▶ playing ──pause──▶ paused ──play──▶ playing
 * loaded/paused/playing ──step──▶ paused;  ──runToEnd──▶ running-to-end ──cancel──▶ paused
 * playing/running-to-end/step ──report──▶ finished;  any ──crash, stuck or error──▶ failed
 * any ──reset──▶ idle;  a new load (another diagram, or after finished/failed) starts at loading.
 */
export type SessionState = 'idle' | 'loading' | 'loaded' | 'playing' | 'paused' | 'running-to-end' | 'finished' | 'failed';

/** The diagram a request is about: the current document and its version (a changed version is a new run). */
export interface SessionDoc {
  scenario: unknown;
  version: number;
}

/** What a request did: `invalid` means the diagram has problems and nothing was run. */
export type SessionOutcome = 'ok' | 'invalid';

export interface SessionListener {
  /** the state changed (`error` is set for failed) */
  onState?: (state: SessionState, previous: SessionState, error: string | null) => void;
  /** a fresh run was loaded at time 0 */
  onLoaded?: (meta: RunMeta, version: number, backend: SimBackend['kind']) => void;
  /** progress, at most once per animation frame; `wallMs` is set while the run moves on its own */
  onUpdate?: (update: Update, wallMs: number | undefined) => void;
  /** what a Step did (null: nothing was left) */
  onStep?: (step: StepDescription | null) => void;
  /** the run failed: `crashed` when the worker crashed or stopped answering, `error` when a request failed */
  onFailure?: (message: string, kind: 'crashed' | 'error') => void;
}

export type SessionDeps = ClientDeps;

const MOVING: ReadonlySet<SessionState> = new Set(['playing', 'running-to-end']);
const CONTINUABLE: ReadonlySet<SessionState> = new Set(['loaded', 'paused', 'playing']);

export class RunSession {
  private client: SimClient | null = null;
  private current: SessionState = 'idle';
  private error: string | null = null;
  private loadedVersion: number | null = null;
  private speedValue = 1;
  private readonly listeners = new Set<SessionListener>();
  private readonly ring = new RecordRing(DEFAULT_LOAD_OPTIONS.keepRecords);
  /** message copies that reached an outcome in this run (the ring keeps the latest ones) */
  private recordsTotal = 0;
  /** the copies still on their way at the latest update's time (null once the run is over) */
  private live: LiveCopies | null = null;

  constructor(private readonly deps: SessionDeps) {}

  get state(): SessionState {
    return this.current;
  }
  get failure(): string | null {
    return this.error;
  }
  get speed(): number {
    return this.speedValue;
  }
  /** the latest message records of this run */
  get keptRecords(): RecordRing {
    return this.ring;
  }
  get recordsSeen(): number {
    return this.recordsTotal;
  }
  /** the live copies (sent, no outcome yet) at the latest update, for the Messages table */
  get keptLive(): LiveCopies | null {
    return this.live;
  }

  subscribe(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit<K extends keyof SessionListener>(key: K, ...args: Parameters<NonNullable<SessionListener[K]>>): void {
    for (const listener of this.listeners) (listener[key] as ((...a: typeof args) => void) | undefined)?.(...args);
  }

  private enter(state: SessionState, error: string | null = null): void {
    const previous = this.current;
    this.current = state;
    this.error = error;
    if (previous !== state || error !== null) this.emit('onState', state, previous, error);
  }

  private getClient(): SimClient {
    if (this.client) return this.client;
    this.client = new SimClient(this.deps, {
      onUpdate: (update) => {
        this.ring.pushAll(update.records);
        this.recordsTotal += update.records.length + update.recordsSkipped;
        if (update.live !== undefined) this.live = update.live;
        if (update.report !== undefined) this.live = null;
        this.emit('onUpdate', update, MOVING.has(this.current) ? this.deps.now() : undefined);
        if (update.report && this.current !== 'failed') this.enter('finished');
      },
      onFailure: (message) => this.fail(message, 'crashed'),
      onPlaybackEnded: () => {
        if (this.current === 'playing') this.enter(this.client?.isFinished ? 'finished' : 'paused');
      },
    });
    this.client.setSpeed(this.speedValue);
    return this.client;
  }

  private fail(message: string, kind: 'crashed' | 'error'): void {
    if (kind === 'error' && this.current === 'failed') return; // the crash was reported already
    this.enter('failed', message);
    this.emit('onFailure', message, kind);
  }

  private failWith(error: unknown): void {
    if (error instanceof RunReplacedError) return;
    this.fail(error instanceof Error ? error.message : String(error), 'error');
  }

  /** the current run can go on: loaded, not finished, same diagram version */
  private canContinue(doc: SessionDoc): boolean {
    const client = this.client;
    return client !== null && client.isLoaded && !client.isFinished && this.loadedVersion === doc.version && CONTINUABLE.has(this.current);
  }

  /** loads a fresh run of the diagram at time 0; false when the diagram is invalid */
  private async loadFresh(doc: SessionDoc): Promise<boolean> {
    const parsed = parseScenario(doc.scenario);
    if (!parsed.ok) return false;
    const client = this.getClient();
    this.ring.clear();
    this.recordsTotal = 0;
    this.live = null;
    this.loadedVersion = null;
    this.enter('loading');
    const meta = await client.load(parsed.scenario);
    this.loadedVersion = doc.version;
    this.emit('onLoaded', meta, doc.version, client.backendKind);
    this.enter('loaded');
    return true;
  }

  private async ready(doc: SessionDoc): Promise<boolean> {
    return this.canContinue(doc) || this.loadFresh(doc);
  }

  /** Run: plays the current run on, or a fresh one of this diagram */
  async play(doc: SessionDoc): Promise<SessionOutcome> {
    try {
      if (!(await this.ready(doc))) return 'invalid';
      const client = this.getClient();
      if (client.isFinished) {
        this.enter('finished');
        return 'ok';
      }
      this.enter('playing');
      client.play();
    } catch (error) {
      this.failWith(error);
    }
    return 'ok';
  }

  pause(): void {
    if (!this.client) return;
    this.client.pause();
    if (this.current === 'playing') this.enter('paused');
  }

  /** Step: exactly one event of the current run (or of a fresh one). After the end of a run that still
   *  matches the diagram, Step says the run is over (onStep(null)) instead of starting again at 0. */
  async step(doc: SessionDoc): Promise<SessionOutcome> {
    try {
      if (this.current === 'finished' && this.client?.isFinished === true && this.loadedVersion === doc.version) {
        this.emit('onStep', null);
        return 'ok';
      }
      if (!(await this.ready(doc))) return 'invalid';
      const client = this.getClient();
      const description = await client.step();
      this.emit('onStep', description);
      this.enter(client.isFinished ? 'finished' : 'paused');
    } catch (error) {
      this.failWith(error);
    }
    return 'ok';
  }

  /** Run to end: as fast as possible, with progress; cancel() stops it (paused) */
  async runToEnd(doc: SessionDoc): Promise<SessionOutcome> {
    try {
      if (!(await this.ready(doc))) return 'invalid';
      const client = this.getClient();
      this.enter('running-to-end');
      const { cancelled } = await client.runToEnd();
      this.enter(cancelled ? 'paused' : 'finished');
    } catch (error) {
      this.failWith(error);
    }
    return 'ok';
  }

  cancel(): void {
    this.client?.cancel();
  }

  /** forgets the run: back to idle (the worker stays for the next run) */
  reset(): void {
    this.client?.reset();
    this.ring.clear();
    this.recordsTotal = 0;
    this.live = null;
    this.loadedVersion = null;
    this.enter('idle');
  }

  setSpeed(speed: number): void {
    this.speedValue = speed;
    this.client?.setSpeed(speed);
  }

  /** every message copy of a full run as CSV: of the loaded run, else of a fresh load of `doc` */
  async exportCsv(doc: SessionDoc): Promise<{ blob: Blob; rows: number } | 'invalid'> {
    const client = this.getClient();
    if (!client.isLoaded && !(await this.loadFresh(doc))) return 'invalid';
    return client.exportCsv();
  }

  /** the time series of a full run: of the loaded run, else of a fresh load of `doc` */
  async exportSeries(doc: SessionDoc, format: 'csv' | 'json'): Promise<{ text: string; buckets: number; bucketMs: number } | 'invalid'> {
    const client = this.getClient();
    if (!client.isLoaded && !(await this.loadFresh(doc))) return 'invalid';
    return client.exportSeries(format);
  }

  /** reports a failure of a request made outside the session's own actions (an export) */
  reportError(error: unknown): void {
    this.failWith(error);
  }
}

/** The page's clocks and frames; the backend is the Web Worker, or the main thread when asked or unavailable. */
export function browserSessionDeps(createBackend: () => SimBackend): SessionDeps {
  return {
    createBackend,
    now: () => performance.now(),
    requestFrame: (callback) => requestAnimationFrame(callback),
    cancelFrame: (handle) => cancelAnimationFrame(handle),
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}
