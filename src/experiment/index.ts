// The experiment core's public entry (experiments.md): pure, synchronous pieces that the CLI's worker
// threads, the browser's Web Workers and tests share. Imports model and engine only.
export type * from './types';
export { fmix32, replicationSeeds } from './seeds';
export { parsePointer, pointerOf, resolveScenarioPointer, escapeSegment } from './pointer';
export { parseValues, checkValues, MAX_VALUES } from './values';
export { studentTQuantile } from './studentT';
export { leavesOf, estimate, estimatesOf } from './estimate';
export { prepareExperiment, figuresOf, MIN_REPLICATIONS, MAX_REPLICATIONS, MIN_CONFIDENCE, MAX_CONFIDENCE, DEFAULT_CONFIDENCE } from './plan';
export { ExperimentScheduler, MIN_PRECISION_REPLICATIONS, buildReport, type PairTask } from './scheduler';
export { runReplication, runPair, runPlan, runShard, runExperiment, runReplications, ExperimentSettingsError } from './run';
export { mergeParts, type MergeResult } from './merge';
export { experimentCsv, EXPERIMENT_CSV_HEADER } from './csv';
