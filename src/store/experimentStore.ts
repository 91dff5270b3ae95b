// The Experiments tab's state, kept apart from the undoable document: the settings being typed, the running
// experiment's progress, the last report and the kept baseline. A vanilla zustand store of its own.
import { create } from 'zustand';
import type { ExperimentProgress, ExperimentReport } from '../experiment/types';
import type { Scenario } from '../model/types';

export type ExperimentField = 'replications' | 'confidence' | 'sweep' | 'values' | 'precision';

export interface ExperimentState {
  replications: string;
  confidence: string;
  pointer: string;
  valuesText: string;
  metric: string;
  status: 'idle' | 'running' | 'done' | 'failed';
  progress: ExperimentProgress | null;
  report: ExperimentReport | null;
  /** the scenario `report` was run on (the Theory panel uses the report only while it is still the one shown) */
  reportScenario: Scenario | null;
  /** the scenario the report was made from (its saved name), to label the baseline */
  baseline: ExperimentReport | null;
  comparing: boolean;
  /** the theory value of the charted figure at each point, where the Theory panel has a formula */
  theory: (number | null)[] | null;
  errors: Partial<Record<ExperimentField, string>>;
  failure: string | null;
  set: (patch: Partial<Omit<ExperimentState, 'set'>>) => void;
}

export const useExperimentStore = create<ExperimentState>((set) => ({
  replications: '20',
  confidence: '0.95',
  pointer: '',
  valuesText: '',
  metric: '/latency/publishToDone/mean',
  status: 'idle',
  progress: null,
  report: null,
  reportScenario: null,
  baseline: null,
  comparing: false,
  theory: null,
  errors: {},
  failure: null,
  set: (patch) => set(patch),
}));
