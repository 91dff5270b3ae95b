// Derived data read by React through narrow selectors: validation problems and the sets E, H, S,
// computed once per scenario object (memoised in WeakMaps), and the selected node or edge.
import type { ModelSets } from '../engine/types';
import { parseScenario } from '../model/parse';
import { deriveSets } from '../model/sets';
import { scenarioWarnings, type ScenarioWarning } from '../model/warnings';
import type { Problem, Scenario, ScenarioEdge, ScenarioNode } from '../model/types';
import { useAppStore } from './store';

const NO_PROBLEMS: Problem[] = [];
const problemCache = new WeakMap<Scenario, Problem[]>();
const setsCache = new WeakMap<Scenario, ModelSets>();

/** The model's own validation of this scenario (the same lines the CLI prints); [] when valid. */
export function problemsOf(scenario: Scenario): Problem[] {
  let problems = problemCache.get(scenario);
  if (!problems) {
    let result: ReturnType<typeof parseScenario>;
    try {
      result = parseScenario(scenario);
    } catch (error) {
      const message = `validation failed (${(error as Error).message})`;
      result = { ok: false, problems: [{ path: '$', message, text: `$: ${message}` }] };
    }
    problems = result.ok ? NO_PROBLEMS : result.problems;
    problemCache.set(scenario, problems);
  }
  return problems;
}

const warningCache = new WeakMap<Scenario, ScenarioWarning[]>();

/** Warnings (the diagram runs but something has no way out or no input), memoised per scenario. */
export function warningsOf(scenario: Scenario): ScenarioWarning[] {
  let warnings = warningCache.get(scenario);
  if (!warnings) {
    warnings = scenarioWarnings(scenario);
    warningCache.set(scenario, warnings);
  }
  return warnings;
}

export function useWarnings(): ScenarioWarning[] {
  return useAppStore((s) => warningsOf(s.scenario));
}

export function setsOf(scenario: Scenario): ModelSets {
  let sets = setsCache.get(scenario);
  if (!sets) {
    try {
      sets = deriveSets(scenario);
    } catch {
      sets = { E: [], H: [], S: [] };
    }
    setsCache.set(scenario, sets);
  }
  return sets;
}

export function useProblems(): Problem[] {
  return useAppStore((s) => problemsOf(s.scenario));
}

export function useSets(): ModelSets {
  return useAppStore((s) => setsOf(s.scenario));
}

/** The one selected node (null when none or several are selected). */
export function useSelectedNode(): ScenarioNode | null {
  return useAppStore((s) => {
    if (s.selectedNodeIds.length !== 1 || s.selectedEdgeIds.length > 0) return null;
    const id = s.selectedNodeIds[0];
    return s.scenario.nodes.find((n) => n.id === id) ?? null;
  });
}

/** The one selected edge (null when none, several, or nodes too are selected). */
export function useSelectedEdge(): ScenarioEdge | null {
  return useAppStore((s) => {
    if (s.selectedEdgeIds.length !== 1 || s.selectedNodeIds.length > 0) return null;
    const id = s.selectedEdgeIds[0];
    return s.scenario.edges.find((e) => e.id === id) ?? null;
  });
}
