// Checks an experiment before anything runs (experiments.md, Bad input): replications, confidence, the
// sweep's pointer and every value (each set in a copy of the file, validated like any file) and the precision
// metric; returns the plan with one validated scenario per point, or every problem found.
import { Simulation } from '../engine/index';
import { compile } from '../model/compile';
import { parseScenario } from '../model/parse';
import type { Scenario } from '../model/types';
import { leavesOf } from './estimate';
import { fingerprint } from './hash';
import { problemPathOf, resolveScenarioPointer, setAtPath } from './pointer';
import { replicationSeeds } from './seeds';
import type { ExperimentPlan, ExperimentProblem, ExperimentSettings, PlanResult } from './types';
import { checkValues } from './values';

export const MIN_REPLICATIONS = 2;
export const MAX_REPLICATIONS = 10_000;
export const MIN_CONFIDENCE = 0.5;
export const MAX_CONFIDENCE = 0.999;
export const DEFAULT_CONFIDENCE = 0.95;

/** The pointers of every figure a report of this scenario has (the leaves of a report at time 0, nothing run). */
export function figuresOf(scenario: Scenario): string[] {
  return leavesOf(new Simulation(compile(scenario)).report()).map(([pointer]) => pointer);
}

const shorten = (texts: string[]): string => (texts.length <= 3 ? texts.join('; ') : `${texts.slice(0, 3).join('; ')}; and ${texts.length - 3} more`);

export function prepareExperiment(scenario: Scenario, settings: ExperimentSettings): PlanResult {
  const problems: ExperimentProblem[] = [];
  const { replications } = settings;
  if (typeof replications !== 'number' || !Number.isInteger(replications) || replications < MIN_REPLICATIONS || replications > MAX_REPLICATIONS) {
    problems.push({ field: 'replications', message: `replications must be a whole number from ${MIN_REPLICATIONS} to ${MAX_REPLICATIONS.toLocaleString('en-US')}, got ${String(replications)}` });
  }
  const confidence = settings.confidence ?? DEFAULT_CONFIDENCE;
  if (typeof confidence !== 'number' || !(confidence >= MIN_CONFIDENCE && confidence <= MAX_CONFIDENCE)) {
    problems.push({ field: 'confidence', message: `confidence must be from ${MIN_CONFIDENCE} to ${MAX_CONFIDENCE}, got ${String(confidence)}` });
  }
  const points: ExperimentPlan['points'] = [];
  let parameter: ExperimentPlan['parameter'] = null;
  const sweep = settings.sweep ?? null;
  if (sweep === null) {
    points.push({ value: null, scenario });
  } else {
    const target = resolveScenarioPointer(scenario, sweep.pointer);
    const values = checkValues(sweep.values);
    if (!target.ok) {
      problems.push({ field: 'sweep', pointer: sweep.pointer, message: target.message });
    } else if (!values.ok) {
      problems.push({ field: 'values', pointer: sweep.pointer, message: values.message });
    } else {
      const at = problemPathOf(target.path);
      for (const value of values.values) {
        const parsed = parseScenario(setAtPath(scenario, target.path, value));
        if (parsed.ok) {
          points.push({ value, scenario: parsed.scenario });
          continue;
        }
        const unknown = parsed.problems.find((p) => p.path === at && p.message.startsWith('unknown key'));
        if (unknown !== undefined) {
          problems.push({ field: 'sweep', pointer: sweep.pointer, message: `${sweep.pointer}: the format has no such field here (${unknown.text})` });
        } else {
          const here = parsed.problems.filter((p) => p.path === at);
          const texts = (here.length > 0 ? here : parsed.problems).map((p) => p.text);
          problems.push({ field: 'values', pointer: sweep.pointer, value, message: `${sweep.pointer} = ${value} makes an invalid file: ${shorten(texts)}` });
        }
        break; // the first refused value is enough; nothing runs
      }
      parameter = { pointer: sweep.pointer, values: values.values };
    }
  }
  const precision = settings.precision ?? null;
  if (precision !== null) {
    if (typeof precision.relative !== 'number' || !(precision.relative > 0 && precision.relative <= 1)) {
      problems.push({ field: 'precision', message: `the precision must be more than 0 % and at most 100 %, got ${String(precision.relative)}` });
    } else if (problems.length === 0 && !figuresOf(points[0].scenario).includes(precision.metric)) {
      problems.push({ field: 'precision', pointer: precision.metric, message: `${precision.metric}: the report has no such figure (e.g. /latency/publishToDone/mean)` });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const seed = scenario.seed ?? 1;
  return {
    ok: true,
    plan: {
      scenarioName: scenario.name,
      seed,
      seeds: replicationSeeds(seed, replications),
      replications,
      confidence,
      parameter,
      precision,
      points,
      fileHash: fingerprint(JSON.stringify(scenario)),
    },
  };
}
