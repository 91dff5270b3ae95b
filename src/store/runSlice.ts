// The run: status, clock, latest snapshot, live series, report and the step line. Never undoable.
// Fed by the run session (src/session/runSession.ts, bound in ./run.ts) at most once per animation frame.
import type { Report, SloVerdict, Snapshot, StepDescription } from '../engine/types';
import type { PackedTransit, RunMeta, SeriesData, Update, WaitUncertainty } from '../worker/protocol';
import type { SliceCreator } from './store';

export type RunStatus = 'idle' | 'loading' | 'playing' | 'paused' | 'running-to-end' | 'done' | 'failed';

export interface RunSlice {
  runStatus: RunStatus;
  virtualTimeMs: number;
  snapshot: Snapshot | null;
  /** grows with every applied update (one per animation frame at most); badges refresh in phases of it */
  frameNo: number;
  /** messages in transit for the token layer (every update) */
  tokens: PackedTransit | null;
  /** the snapshot at most ~10 times a second while playing or running to end: for badges and live totals */
  liveSnapshot: Snapshot | null;
  report: Report | null;
  /** docVersion the current results were computed from; results are stale when it differs */
  resultsDocVersion: number | null;
  /** the compiled run's nodes and edges (indices match the snapshot arrays) */
  runMeta: RunMeta | null;
  /** what the last Step did */
  stepLine: StepDescription | null;
  /** the last Step found nothing left to do */
  stepNothingLeft: boolean;
  series: SeriesData | null;
  /** with the report: the sampling uncertainty of each node's mean wait (batch means), keyed by node id */
  waits: Record<string, WaitUncertainty> | null;
  /** the scenario's goals judged on the run so far (live, with the series), then the report's own verdicts */
  slo: SloVerdict[] | null;
  /** grows whenever the kept message records change (they live outside the store, in the run session) */
  recordsVersion: number;
  /** records arrived since recordsVersion last grew */
  pendingRecords: boolean;
  /** message records not kept because more arrived at once than the ring holds */
  recordsSkipped: number;
  /** virtual ms per wall ms; Infinity = as fast as possible */
  speed: number;
  runError: string | null;
  /** wall ms of the last liveSnapshot refresh while playing (not shown; throttles the refreshes) */
  liveWallMs: number;
  /** 'worker' normally; 'main-thread' when the fallback runs the engine */
  runBackend: 'worker' | 'main-thread' | null;
  runLoaded: (meta: RunMeta, docVersion: number, backend: 'worker' | 'main-thread') => void;
  /** `wallMs` (while playing) throttles liveSnapshot to LIVE_EVERY_MS; without it liveSnapshot follows at once */
  applyRunUpdate: (update: Update, wallMs?: number) => void;
  /** liveSnapshot catches up with snapshot (after a pause) */
  syncLive: () => void;
  setRunStatus: (status: RunStatus) => void;
  setStepLine: (step: StepDescription | null) => void;
  setSpeed: (speed: number) => void;
  runFailed: (message: string) => void;
  resetRun: () => void;
}

/** how often badges and live totals refresh while playing, wall ms */
export const LIVE_EVERY_MS = 250;

const cleared = {
  runStatus: 'idle' as RunStatus,
  virtualTimeMs: 0,
  snapshot: null,
  liveSnapshot: null,
  tokens: null,
  frameNo: 0,
  report: null,
  resultsDocVersion: null,
  runMeta: null,
  stepLine: null,
  stepNothingLeft: false,
  series: null,
  waits: null,
  slo: null,
  recordsSkipped: 0,
  runError: null,
  pendingRecords: false,
};

export const createRunSlice: SliceCreator<RunSlice> = (set, get) => ({
  ...cleared,
  recordsVersion: 0,
  speed: 1,
  runBackend: null,
  liveWallMs: -Infinity,
  runLoaded: (meta, docVersion, backend) =>
    set({ ...cleared, runStatus: 'paused', runMeta: meta, resultsDocVersion: docVersion, runBackend: backend, recordsVersion: get().recordsVersion + 1 }),
  applyRunUpdate: (update, wallMs) => {
    const state = get();
    const report = update.report ?? state.report;
    const snapshot = update.losses === update.snapshot.losses ? update.snapshot : { ...update.snapshot, losses: update.losses };
    const live = wallMs === undefined || report !== null || wallMs - state.liveWallMs >= LIVE_EVERY_MS;
    const changed = update.records.length > 0 || update.live !== undefined;
    set({
      liveWallMs: live && wallMs !== undefined ? wallMs : state.liveWallMs,
      snapshot,
      frameNo: state.frameNo + 1,
      tokens: update.transit,
      liveSnapshot: live ? snapshot : state.liveSnapshot,
      virtualTimeMs: update.snapshot.timeMs,
      report,
      series: update.series ?? state.series,
      waits: update.waits ?? state.waits,
      slo: update.report ? update.report.slo ?? null : update.slo ?? state.slo,
      // the kept records (and live copies) already hold the new ones; readers re-read them at the live rate
      recordsVersion: live && (changed || state.pendingRecords) ? state.recordsVersion + 1 : state.recordsVersion,
      pendingRecords: live ? false : state.pendingRecords || changed,
      recordsSkipped: state.recordsSkipped + update.recordsSkipped,
      runStatus: report ? 'done' : state.runStatus,
    });
  },
  syncLive: () => set({ liveSnapshot: get().snapshot, recordsVersion: get().recordsVersion + (get().pendingRecords ? 1 : 0), pendingRecords: false }),
  setRunStatus: (runStatus) => set(runStatus === 'playing' || runStatus === 'running-to-end' ? { runStatus, stepLine: null, stepNothingLeft: false } : { runStatus }),
  setStepLine: (stepLine) => set({ stepLine, stepNothingLeft: stepLine === null }),
  setSpeed: (speed) => set({ speed }),
  runFailed: (runError) => set({ runStatus: 'failed', runError }),
  resetRun: () => set({ ...cleared, recordsVersion: get().recordsVersion + 1 }),
});

/** true when results exist and the diagram changed since they were computed */
export function resultsAreStale(state: { resultsDocVersion: number | null; docVersion: number }): boolean {
  return state.resultsDocVersion !== null && state.resultsDocVersion !== state.docVersion;
}
