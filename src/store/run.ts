// The page's one run session (src/session/runSession.ts) and the run slice's subscription to it:
// every state change, load, update and step of the session lands in the store here, nowhere else.
import { createBackend } from '../session/backends';
import { browserSessionDeps, RunSession } from '../session/runSession';
import { useAppStore, type AppState } from './store';

type StoreApi = { getState: () => AppState };

/** Mirrors the session into the run slice (the slice's status names predate the session's: loaded
 *  shows as paused at time 0, finished as done). */
export function bindRunSlice(session: RunSession, store: StoreApi): () => void {
  return session.subscribe({
    onState: (state, _previous, error) => {
      const s = store.getState();
      switch (state) {
        case 'idle':
          s.resetRun();
          break;
        case 'loading':
          s.resetRun();
          s.setRunStatus('loading');
          break;
        case 'loaded':
          break; // onLoaded already showed it, paused at time 0
        case 'playing':
        case 'running-to-end':
          s.setRunStatus(state);
          break;
        case 'paused':
          s.setRunStatus('paused');
          s.syncLive();
          break;
        case 'finished':
          s.setRunStatus('done');
          s.syncLive();
          break;
        case 'failed':
          s.runFailed(error ?? '');
          break;
      }
    },
    onLoaded: (meta, version, backend) => store.getState().runLoaded(meta, version, backend),
    onUpdate: (update, wallMs) => store.getState().applyRunUpdate(update, wallMs),
    onStep: (step) => store.getState().setStepLine(step),
  });
}

const preferMainThread = (): boolean => typeof location !== 'undefined' && new URLSearchParams(location.search).has('no-worker');

export const runSession = new RunSession(browserSessionDeps(() => createBackend(preferMainThread())));
bindRunSlice(runSession, useAppStore);

/** The current diagram, as the session's requests take it. */
export const currentDoc = () => ({ scenario: useAppStore.getState().scenario, version: useAppStore.getState().docVersion });
