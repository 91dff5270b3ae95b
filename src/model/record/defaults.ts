// What the engine uses for a field a file leaves out (compile.ts fills these in). Kept apart from the zod
// records on purpose: compile and the engine's worker bundles import only this, not zod.
export const NODE_DEFAULTS = {
  queue: { overflow: 'reject', sessionTimeout: 10_000, rebalance: 3_000 },
  handler: { concurrency: 1, failureRate: 0 },
} as const;

export const EDGE_DEFAULTS = { probability: 1, weight: 1, when: 'success' } as const;

export const SCENARIO_DEFAULTS = { seed: 1, warmup: 0 } as const;
