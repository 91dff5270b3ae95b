// The run: status, clock, snapshot and results. Never undoable. (Owned by the run work.)
import type { Report, Snapshot } from '../engine/types';
import type { SliceCreator } from './store';

export type RunStatus = 'idle' | 'playing' | 'paused' | 'running-to-end' | 'done' | 'failed';

export interface RunSlice {
  runStatus: RunStatus;
  virtualTimeMs: number;
  snapshot: Snapshot | null;
  report: Report | null;
  /** docVersion the current results were computed from; results are stale when it differs */
  resultsDocVersion: number | null;
}

export const createRunSlice: SliceCreator<RunSlice> = () => ({
  runStatus: 'idle',
  virtualTimeMs: 0,
  snapshot: null,
  report: null,
  resultsDocVersion: null,
});
