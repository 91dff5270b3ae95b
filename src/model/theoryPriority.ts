// Non-preemptive priority M/G/1 (Cobham 1954), the formula priority queues are checked against and the
// Theory panel shows per class: W_k = W0 / ((1 − σ_{k−1})(1 − σ_k)), W0 = Σ λ_i E[S_i²] / 2, σ_k the load
// of the classes served before or with class k. Rates per ms, times in ms; an overloaded class gets Infinity.

export interface PriorityClass {
  /** 0 … 9, 9 served first */
  priority: number;
  lambdaPerMs: number;
  meanServiceMs: number;
  secondMomentMs2: number;
}

export interface PriorityClassFigures {
  priority: number;
  /** mean wait before service, ms */
  waitMs: number;
  /** wait + mean service, ms */
  sojournMs: number;
}

/** per class, highest priority first: the mean waits of one non-preemptive priority server (classes with
 *  the same priority are merged, as the engine serves them first come, first served) */
export function priorityMg1(classes: readonly PriorityClass[]): PriorityClassFigures[] {
  const merged = new Map<number, PriorityClass>();
  for (const c of classes) {
    if (!(c.lambdaPerMs >= 0) || !(c.meanServiceMs >= 0)) throw new RangeError(`class ${c.priority}: rates and service times must be >= 0`);
    const before = merged.get(c.priority);
    if (!before) { merged.set(c.priority, { ...c }); continue; }
    const lambda = before.lambdaPerMs + c.lambdaPerMs;
    const mix = (a: number, b: number): number => (lambda > 0 ? (before.lambdaPerMs * a + c.lambdaPerMs * b) / lambda : a);
    merged.set(c.priority, { priority: c.priority, lambdaPerMs: lambda, meanServiceMs: mix(before.meanServiceMs, c.meanServiceMs), secondMomentMs2: mix(before.secondMomentMs2, c.secondMomentMs2) });
  }
  const ordered = [...merged.values()].sort((a, b) => b.priority - a.priority);
  const residualMs = ordered.reduce((sum, c) => sum + (c.lambdaPerMs * c.secondMomentMs2) / 2, 0);
  let sigma = 0;
  return ordered.map((c) => {
    const above = sigma;
    sigma += c.lambdaPerMs * c.meanServiceMs;
    const waitMs = sigma >= 1 ? Infinity : residualMs / ((1 - above) * (1 - sigma));
    return { priority: c.priority, waitMs, sojournMs: waitMs + c.meanServiceMs };
  });
}
