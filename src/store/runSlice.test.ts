// The run slice: loading a run, applying updates (report → done), the step line, staleness, reset.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../engine/types';
import type { RunMeta, Update } from '../worker/protocol';
import { resultsAreStale } from './runSlice';
import { useAppStore } from './store';

const meta: RunMeta = { nodes: [{ id: 'q', type: 'queue' }], edges: [], events: [], tokenEvents: [], warmupMs: 0, scenarioName: 's', seed: 1 };
const totals = { published: 1, emitted: 0, sent: 1, completed: 1, retried: 0, dropped: 0, expired: 0, deadLettered: 0, failed: 0, inFlight: 0 };
const snapshot = (timeMs: number): Snapshot => ({ timeMs, done: false, events: 3, totals, depth: [2], busy: [0], transit: [], losses: [], count: [1], edgeCount: [], lanes: [] });
const update = (timeMs: number, extra: Partial<Update> = {}): Update => ({ snapshot: snapshot(timeMs), transit: { count: 0, edge: new Int32Array(0), progress: new Float32Array(0), event: new Uint16Array(0) }, records: [], recordsSkipped: 0, losses: [], ...extra });

describe('runSlice', () => {
  beforeEach(() => useAppStore.getState().resetRun());

  it('a loaded run is paused at its start and remembers the docVersion it ran', () => {
    useAppStore.getState().runLoaded(meta, 4, 'worker');
    const state = useAppStore.getState();
    expect(state.runStatus).toBe('paused');
    expect(state.resultsDocVersion).toBe(4);
    expect(state.runMeta).toBe(meta);
  });

  it('updates move the clock; losses of the update replace the snapshot’s; a report finishes the run', () => {
    const store = useAppStore.getState();
    store.runLoaded(meta, 0, 'worker');
    store.setRunStatus('playing');
    store.applyRunUpdate(update(12.5, { losses: [{ node: 0, kind: 'dropped' }] }));
    expect(useAppStore.getState().virtualTimeMs).toBe(12.5);
    expect(useAppStore.getState().snapshot?.losses).toEqual([{ node: 0, kind: 'dropped' }]);
    expect(useAppStore.getState().runStatus).toBe('playing');
    const version = useAppStore.getState().recordsVersion;
    store.applyRunUpdate(update(20, { records: [{ id: 1, parent: -1, root: 1, event: 'e', node: 'q', publishedAt: 0, readAt: 1, doneAt: 2, outcome: 'completed', attempts: 1, from: 'p', handler: 'h', startedAt: 1 }] }));
    expect(useAppStore.getState().recordsVersion).toBe(version + 1);
    store.applyRunUpdate(update(30, { report: { endTime: 30 } as never }));
    expect(useAppStore.getState().runStatus).toBe('done');
  });

  it('playing clears the step line; a null step means nothing is left', () => {
    const store = useAppStore.getState();
    store.setStepLine({ timeMs: 1, kind: 'publish', nodeId: 'p', messageId: 1 });
    expect(useAppStore.getState().stepLine?.kind).toBe('publish');
    store.setRunStatus('playing');
    expect(useAppStore.getState().stepLine).toBeNull();
    store.setStepLine(null);
    expect(useAppStore.getState().stepNothingLeft).toBe(true);
  });

  it('results are stale once the document changed after the run', () => {
    expect(resultsAreStale({ resultsDocVersion: null, docVersion: 3 })).toBe(false);
    expect(resultsAreStale({ resultsDocVersion: 3, docVersion: 3 })).toBe(false);
    expect(resultsAreStale({ resultsDocVersion: 3, docVersion: 4 })).toBe(true);
  });

  it('reset clears results but keeps the speed', () => {
    const store = useAppStore.getState();
    store.setSpeed(100);
    store.runLoaded(meta, 1, 'worker');
    store.applyRunUpdate(update(5));
    store.resetRun();
    const state = useAppStore.getState();
    expect(state.runStatus).toBe('idle');
    expect(state.snapshot).toBeNull();
    expect(state.virtualTimeMs).toBe(0);
    expect(state.speed).toBe(100);
  });
});
