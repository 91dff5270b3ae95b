// The run: status, clock, latest snapshot, live series, report and the step line. Never undoable.
// Fed by the run controller (src/ui/run/runController.ts) at most once per animation frame.
import type { Report, Snapshot, StepDescription } from '../engine/types';
import type { RunMeta, SeriesData, Update } from '../worker/protocol';
import type { SliceCreator } from './store';

export type RunStatus = 'idle' | 'loading' | 'playing' | 'paused' | 'running-to-end' | 'done' | 'failed';

export interface RunSlice {
  runStatus: RunStatus;
  virtualTimeMs: number;
  snapshot: Snapshot | null;
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
  /** grows whenever the kept message records change (they live outside the store, in the controller) */
  recordsVersion: number;
  /** message records not kept because more arrived at once than the ring holds */
  recordsSkipped: number;
  /** virtual ms per wall ms; Infinity = as fast as possible */
  speed: number;
  runError: string | null;
  /** 'worker' normally; 'main-thread' when the fallback runs the engine */
  runBackend: 'worker' | 'main-thread' | null;
  runLoaded: (meta: RunMeta, docVersion: number, backend: 'worker' | 'main-thread') => void;
  applyRunUpdate: (update: Update) => void;
  setRunStatus: (status: RunStatus) => void;
  setStepLine: (step: StepDescription | null) => void;
  setSpeed: (speed: number) => void;
  runFailed: (message: string) => void;
  resetRun: () => void;
}

const cleared = {
  runStatus: 'idle' as RunStatus,
  virtualTimeMs: 0,
  snapshot: null,
  report: null,
  resultsDocVersion: null,
  runMeta: null,
  stepLine: null,
  stepNothingLeft: false,
  series: null,
  recordsSkipped: 0,
  runError: null,
};

export const createRunSlice: SliceCreator<RunSlice> = (set, get) => ({
  ...cleared,
  recordsVersion: 0,
  speed: 1,
  runBackend: null,
  runLoaded: (meta, docVersion, backend) =>
    set({ ...cleared, runStatus: 'paused', runMeta: meta, resultsDocVersion: docVersion, runBackend: backend, recordsVersion: get().recordsVersion + 1 }),
  applyRunUpdate: (update) => {
    const state = get();
    const report = update.report ?? state.report;
    set({
      snapshot: update.losses === update.snapshot.losses ? update.snapshot : { ...update.snapshot, losses: update.losses },
      virtualTimeMs: update.snapshot.timeMs,
      report,
      series: update.series ?? state.series,
      recordsVersion: update.records.length > 0 ? state.recordsVersion + 1 : state.recordsVersion,
      recordsSkipped: state.recordsSkipped + update.recordsSkipped,
      runStatus: report ? 'done' : state.runStatus,
    });
  },
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
