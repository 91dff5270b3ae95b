// Runs a challenge's replications without freezing the page: in a Web Worker, or (no Worker, or
// ?no-worker) on the main thread one replication per timer slice.
import type { Estimates } from '../../lessons/grade';
import type { GradeRequest, GradeResponse } from '../../lessons/grade.worker';
import { createReplicator } from '../../lessons/replicate';
import type { Scenario } from '../../model/types';

export type OnProgress = (done: number, total: number) => void;

function inSlices(scenario: Scenario, replications: number, onProgress: OnProgress): Promise<Estimates> {
  return new Promise((resolve, reject) => {
    const replicator = createReplicator(scenario, replications);
    const slice = () => {
      try {
        const more = replicator.next();
        onProgress(replicator.done, replicator.total);
        if (more) setTimeout(slice, 0);
        else resolve(replicator.estimates());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    setTimeout(slice, 0);
  });
}

function inWorker(scenario: Scenario, replications: number, onProgress: OnProgress): Promise<Estimates> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../../lessons/grade.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<GradeResponse>) => {
      const message = event.data;
      if (message.kind === 'progress') onProgress(message.done, message.total);
      else {
        worker.terminate();
        if (message.kind === 'done') resolve(message.estimates);
        else reject(new Error(message.message));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message || 'the grading worker crashed'));
    };
    const request: GradeRequest = { scenario, replications };
    worker.postMessage(request);
  });
}

export function runGrading(scenario: Scenario, replications: number, onProgress: OnProgress): Promise<Estimates> {
  const noWorker = typeof Worker === 'undefined' || new URLSearchParams(location.search).has('no-worker');
  return noWorker ? inSlices(scenario, replications, onProgress) : inWorker(scenario, replications, onProgress);
}
