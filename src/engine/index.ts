// The engine's public entry: the Simulation class and simulate() for one-shot runs.
// STUB: owned by the engine work; replace wholesale.
export type * from './types';
import type { EngineInput, MessageRecord, Report, Snapshot, StepDescription } from './types';

export interface SimulationOptions {
  /** called once per message copy when it reaches its outcome (inFlight ones at the end of the run) */
  onMessage?: (record: MessageRecord) => void;
  /** most transit entries a snapshot lists (default 500) */
  maxTransit?: number;
}

export class Simulation {
  constructor(readonly input: EngineInput, readonly options: SimulationOptions = {}) {}
  get timeMs(): number { return 0; }
  get done(): boolean { return true; }
  /** runs exactly one event and describes it; null when nothing is left */
  step(): StepDescription | null { return null; }
  /** runs every event with time <= timeMs (bounded by stopAt); the clock then reads min(timeMs, end) */
  runUntil(_timeMs: number): void {}
  /** runs at most maxEvents events; returns true when the run is finished */
  runEvents(_maxEvents: number): boolean { return true; }
  runToEnd(): void {}
  snapshot(): Snapshot { throw new Error('not implemented'); }
  /** the report; call after the run is done (finishes in-flight accounting) */
  report(): Report { throw new Error('not implemented'); }
}

export function simulate(input: EngineInput, options: SimulationOptions = {}): Report {
  const simulation = new Simulation(input, options);
  simulation.runToEnd();
  return simulation.report();
}
