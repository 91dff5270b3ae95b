// How many copies each edge sends per message its source passes on (architect.md "Routing"): with
// route "all" the edge's probability (1 from a publisher); with "one" its weight over the total weight
// of its set (a handler's success edges and its failure edges are separate sets). For theory and checks.
import { isObj, num, str } from './readers';

interface EdgeLike { source?: unknown; weight?: unknown; probability?: unknown; when?: unknown }

/** Is this a handler's failure edge (sent when a copy's last attempt fails)? */
export const isFailureEdge = (edge: EdgeLike): boolean => edge.when === 'failure';

/** per edge (same order): the expected copies it sends per message its source emits from that set */
export function edgeShares(edges: readonly unknown[], routesOne: (sourceId: string) => boolean): number[] {
  const totals = new Map<string, number>();
  const setOf = (edge: EdgeLike): string => `${str(edge.source) ?? ''}\u0000${isFailureEdge(edge) ? 'f' : 's'}`;
  for (const edge of edges) {
    if (!isObj(edge) || !routesOne(str(edge.source) ?? '')) continue;
    totals.set(setOf(edge), (totals.get(setOf(edge)) ?? 0) + (num(edge.weight) ?? 1));
  }
  return edges.map((edge) => {
    if (!isObj(edge)) return 0;
    if (!routesOne(str(edge.source) ?? '')) return num(edge.probability) ?? 1;
    const total = totals.get(setOf(edge)) ?? 0;
    return total > 0 ? (num(edge.weight) ?? 1) / total : 0;
  });
}
