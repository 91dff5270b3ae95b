// Starting and cancelling the browser's experiment from the tab's settings: checks them with the experiment
// core (inline errors per field, nothing runs), then runs the plan on the Web Worker pool.
import { prepareExperiment } from '../../experiment/plan';
import { ExperimentCancelledError, type PoolRun } from '../../experiment/pool';
import type { ExperimentReport, ExperimentSettings } from '../../experiment/types';
import { parseValues } from '../../experiment/values';
import type { Scenario } from '../../model/types';
import { useExperimentStore, type ExperimentField } from '../../store/experimentStore';
import { runExperimentInBrowser } from '../../worker/experimentPool';
import { theoryValue } from './experimentModel';

let current: PoolRun<ExperimentReport> | null = null;

export function startExperiment(scenario: Scenario, sweep: boolean, messages: { cancelled: string }): void {
  const store = useExperimentStore.getState();
  if (store.status === 'running') return;
  const errors: Partial<Record<ExperimentField, string>> = {};
  const replications = /^\s*\d+\s*$/.test(store.replications) ? Number(store.replications) : NaN;
  const confidence = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(store.confidence) ? Number(store.confidence) : NaN;
  let settings: ExperimentSettings = { replications, confidence };
  if (sweep) {
    if (store.pointer === '') errors.sweep = 'choose the field to sweep';
    const values = parseValues(store.valuesText);
    if (!values.ok) errors.values = values.message;
    else settings = { ...settings, sweep: { pointer: store.pointer, values: values.values } };
  }
  const prepared = Object.keys(errors).length > 0 ? null : prepareExperiment(scenario, settings);
  if (prepared !== null && !prepared.ok) for (const problem of prepared.problems) errors[problem.field] ??= problem.message;
  if (prepared === null || !prepared.ok) {
    if (Number.isNaN(replications)) errors.replications ??= `replications must be a whole number from 2 to 10,000, got "${store.replications}"`;
    store.set({ errors });
    return;
  }
  const plan = prepared.plan;
  const theory = plan.parameter === null ? null : plan.points.map((p) => theoryValue(p.scenario, store.metric));
  store.set({ errors: {}, failure: null, status: 'running', progress: null, comparing: false, theory });
  const run = runExperimentInBrowser(plan, (progress) => useExperimentStore.getState().set({ progress }));
  current = run;
  run.result.then(
    (report) => {
      if (current === run) useExperimentStore.getState().set({ status: 'done', report, reportScenario: scenario });
    },
    (error: unknown) => {
      if (current !== run) return;
      const cancelled = error instanceof ExperimentCancelledError;
      useExperimentStore.getState().set({ status: cancelled ? 'idle' : 'failed', failure: cancelled ? messages.cancelled : error instanceof Error ? error.message : String(error) });
    },
  ).finally(() => {
    if (current === run) current = null;
  });
}

export function cancelExperiment(): void {
  current?.cancel();
}
