// compile(scenario) -> the engine's input: node indices, defaults filled in, sets derived.
// STUB: owned by the engine work; replace wholesale.
import type { EngineInput } from '../engine/types';
import type { Scenario } from './types';
import { deriveSets } from './sets';

export function compile(scenario: Scenario): EngineInput {
  return { name: scenario.name, seed: scenario.seed ?? 1, stopAtMs: scenario.stopAt, warmupMs: scenario.warmup ?? 0, nodes: [], edges: [], sets: deriveSets(scenario) };
}
