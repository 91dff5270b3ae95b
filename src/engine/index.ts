// The engine's public entry: the Simulation class and simulate() for one-shot runs, plus the
// named error a broken invariant throws. Everything else in src/engine is internal.
export type * from './types';
export { Simulation, simulate, type SimulationOptions } from './Simulation';
export { InvariantError } from './report';
export { TimeOverflowError } from './EventQueue';
export { MAX_COPIES_IN_FLIGHT, MAX_EVENTS, type BudgetLimits } from './budget';
