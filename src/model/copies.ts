// How many copies one message becomes downstream of each node, loops included: an estimate (never
// recursive) from the flow graph of finiteness.ts, by components from the sinks up.
import { CLOCK_RESOLUTION, arcsWithin, closesCycle, components, growthBounds, linearMap, type FlowGraph } from './finiteness';

/**
 * For each node, the expected number of copies created downstream of one message at it (a copy at a
 * queue or handler is not counted again; a copy sent to one is). Along a path: topics copy to every
 * edge, handlers emit with their probability, a queue's copy goes to its busiest-case reader. Around
 * a loop whose copies shrink by a factor h < 1 a round: at most 1/(1 − h) rounds (Collatz–Wielandt
 * bound). With stopAt, around a loop that does not grow: at most stopAt / (its shortest step above the
 * clock's resolution) rounds per node on it — the estimate of events per virtual ms. Infinity when
 * neither bound holds.
 */
export function copiesDownstream(graph: FlowGraph, stopAtMs: number | undefined): Float64Array {
  const { nodeCount, out, isCopy } = graph;
  const value = new Float64Array(nodeCount);
  const received = (node: number): number => (isCopy[node] ? 1 : 0) + value[node];
  const next = out.map((arcs) => arcs.map((arc) => arc.to));
  const instantMs = (stopAtMs ?? 0) * CLOCK_RESOLUTION;
  for (const component of components(nodeCount, (v) => next[v])) {
    if (component.length === 1) {
      const v = component[0];
      let readerMost = 0;
      let total = 0;
      for (const arc of out[v]) {
        if (arc.newCopy) total += arc.copies * received(arc.to);
        else readerMost = Math.max(readerMost, value[arc.to]); // the copy moves on to one reader
      }
      value[v] = total + readerMost;
      continue;
    }
    const members = new Set(component);
    const within = arcsWithin(component, graph.arcs);
    // what leaves the loop (or is created on it) per visit of each node
    const leaving = component.map((v) => {
      let total = 0;
      for (const arc of out[v]) {
        if (members.has(arc.to)) total += arc.newCopy ? arc.copies * (isCopy[arc.to] ? 1 : 0) : 0;
        else total += arc.copies * (arc.newCopy ? received(arc.to) : value[arc.to]);
      }
      return total;
    });
    // copies flow backwards here: a node's value takes its successors' values (y[from] += w x[to])
    const reversed = within.map((arc) => ({ ...arc, from: arc.to, to: arc.from }));
    const { high, vector } = growthBounds(component.length, linearMap(component, reversed, (arc) => arc.copies));
    let beta = 0;
    component.forEach((_, i) => { beta = Math.max(beta, leaving[i] / vector[i]); });
    let rounds = high < 1 - 1e-12 ? 1 / (1 - high) : Infinity;
    if (stopAtMs !== undefined && high <= 1 + 1e-9 && !closesCycle(component, within.filter((arc) => arc.stepMs < instantMs))) {
      let shortestMs = Infinity;
      for (const arc of within) if (arc.stepMs >= instantMs && arc.stepMs < shortestMs) shortestMs = arc.stepMs;
      rounds = Math.min(rounds, component.length * (stopAtMs / shortestMs + 1) + 1);
    }
    component.forEach((v, i) => { value[v] = beta === 0 ? 0 : beta * vector[i] * rounds; });
  }
  return value;
}
