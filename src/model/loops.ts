// Loops a run could never leave: dead letters going round, copies that multiply each round, and
// loops that always pass a message on (for ever without stopAt, or in no time with it). The graph,
// dead-letter links included, is built by finiteness.ts.
import { items, num, str, type NodeEntry, type Obj } from './readers';
import { CLOCK_RESOLUTION, arcsWithin, cycles, flowGraph, growthBounds, linearMap } from './finiteness';
import type { RawProblem } from './problems';

/** At most six names of a loop, e.g. `a → b → a`, or `a → b → c → d → e → … → a`. */
function loopText(names: string[]): string {
  const shown = names.length > 6 ? [...names.slice(0, 5), '…'] : names;
  return [...shown, names[0]].join(' → ');
}

/** Each queue has at most one dead-letter queue, so loops are found by walking each chain once. */
export function checkDeadLetterLoops(doc: Obj, byId: Map<string, NodeEntry>, out: RawProblem[]): void {
  const state = new Map<string, 'walking' | 'done'>();
  items(doc, 'nodes').forEach((node) => {
    const first = str(node?.id);
    if (!node || node.type !== 'queue' || first === undefined || state.has(first)) return;
    const chain: string[] = [];
    let id: string | undefined = first;
    while (id !== undefined && !state.has(id)) {
      const entry = byId.get(id);
      if (!entry || entry.type !== 'queue') break;
      state.set(id, 'walking');
      chain.push(id);
      id = str(entry.node.deadLetter);
    }
    // a queue naming itself is reported by validate.ts
    if (id !== undefined && state.get(id) === 'walking' && chain[chain.length - 1] !== id) {
      const loop = chain.slice(chain.indexOf(id));
      const start = loop.map((queue) => byId.get(queue) as NodeEntry).reduce((a, b) => (b.index < a.index ? b : a));
      const from = loop.indexOf(str(start.node.id) as string);
      out.push({ path: ['nodes', start.index, 'deadLetter'], message: `dead letters would go round a loop: ${loopText([...loop.slice(from), ...loop.slice(0, from)])}` });
    }
    chain.forEach((queue) => state.set(queue, 'done'));
  });
}

const namesOf = (doc: Obj, component: number[]): string => {
  const nodes = items(doc, 'nodes');
  const names = component.slice(0, 5).map((i) => str(nodes[i]?.id) ?? `#${i}`);
  return component.length > 5 ? `${names.join(', ')}, …` : names.join(', ');
};

/** Refuses (1) loops where copies multiply each round (they would grow without bound even before
 *  stopAt), (2) loops that always pass a message on: without stopAt they never end, with stopAt
 *  they never end when they also take no time (every step below the clock's resolution at stopAt).
 *  Dead-letter links are arcs too (a queue's expiry, a handler's exhausted retries). A queue on
 *  such a loop must have a single reader, else copies can leave through another handler.
 *  Returns true when it refused something (the copy counts of finish.ts then say nothing more). */
export function checkMessageLoops(doc: Obj, byId: Map<string, NodeEntry>, out: RawProblem[]): boolean {
  const graph = flowGraph(doc, byId);
  const before = out.length;
  const nodes = items(doc, 'nodes');
  const deadLettersOnly = (component: number[]): boolean => component.every((node) => nodes[node]?.type === 'queue');
  const growing = new Set<number>();
  for (const component of cycles(graph.nodeCount, graph.arcs)) {
    if (deadLettersOnly(component)) continue; // reported by checkDeadLetterLoops
    const within = arcsWithin(component, graph.arcs);
    const { low } = growthBounds(component.length, linearMap(component, within, (arc) => arc.copiesAtLeast));
    if (!(low > 1 + 1e-9)) continue;
    component.forEach((node) => growing.add(node));
    out.push({ path: within[0].path, message: `copies would multiply without end going round the loop through ${namesOf(doc, component)}; lower the probabilities or the fan-out on it` });
  }

  const stopAtMs = num(doc.stopAt);
  const timed = doc.stopAt !== undefined;
  const instantMs = (stopAtMs ?? 0) * CLOCK_RESOLUTION;
  const certainArcs = graph.arcs.filter((arc) => arc.certain && (!timed || arc.stepMs < instantMs));
  for (const component of cycles(graph.nodeCount, certainArcs)) {
    if (component.some((node) => growing.has(node)) || deadLettersOnly(component)) continue;
    const first = arcsWithin(component, certainArcs)[0];
    const loop = namesOf(doc, component);
    const message = timed
      ? `messages would go round the loop through ${loop} for ever in no time; give an edge a latency or a handler a service time above 0 (at least ${formatMs(instantMs)} ms, the clock's resolution at stopAt)`
      : `messages would go round the loop through ${loop} for ever; set stopAt, or give an edge a probability below 1`;
    out.push({ path: first.path, message });
  }
  return out.length > before;
}

/** A duration for a message, 3 significant digits, in exponent form outside 0.001 … 999,999 (no locale). */
export function formatMs(ms: number): string {
  if (ms !== 0 && (ms < 1e-3 || ms >= 1e6)) return ms.toExponential(1).replace('e+', 'e');
  return String(Number(ms.toPrecision(3)));
}
