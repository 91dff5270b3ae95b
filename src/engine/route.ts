// Routing (architect.md "Routing: all, or exactly one"): the cumulative weights of a node's edges
// when it routes one, and the choice itself: one uniform from the node's stream, first edge whose
// cumulative weight exceeds draw × total.
import type { EngineInput } from './types';
import type { Rng } from './random';

/** cumulative weights of `edges` (edge indices) when their source routes one, else null */
export function cumulativeWeights(input: EngineInput, routesOne: boolean, edges: readonly number[]): Float64Array | null {
  if (!routesOne) return null;
  const out = new Float64Array(edges.length);
  let sum = 0;
  for (let i = 0; i < edges.length; i++) {
    sum += input.edges[edges[i]].weight ?? 1;
    out[i] = sum;
  }
  return out;
}

/** the position of the chosen edge in the weights' list; -1 when there is none (the draw is still made) */
export function pickEdge(rng: Rng, cumulative: Float64Array): number {
  const n = cumulative.length;
  const x = rng.next() * (n > 0 ? cumulative[n - 1] : 0);
  for (let i = 0; i < n; i++) if (cumulative[i] > x) return i;
  return n - 1;
}
