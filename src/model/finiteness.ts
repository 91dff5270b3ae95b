// The message-flow graph the loop and count rules share (loops.ts, finish.ts): edges AND dead-letter
// links as arcs, each with expected copies and a mean step time; components found without recursion.
import { edgeShares, isFailureEdge } from './routing';
import { canSend, distributionMeanMs, items, num, str, type NodeEntry, type Obj } from './readers';
import type { Path } from './problems';

/** A duration shorter than this fraction of the run's horizon counts as no time at all: the clock
 *  (a float64) could not advance by it (its resolution is 2^-52 of the time), and a loop taking it
 *  would need over 2^40 rounds per copy anyway. */
export const CLOCK_RESOLUTION = 2 ** -40;

/** One way a copy at node `from` leads to copies at node `to`. */
export interface Arc {
  from: number;
  to: number;
  /** expected copies at `to` per copy at `from` (a queue's readers share: 1/readers) */
  copies: number;
  /** copies surely at least this many (a queue's expiry with readers: maybe none) */
  copiesAtLeast: number;
  /** a copy surely takes this arc (copies exactly 1): a loop of such arcs never ends by chance */
  certain: boolean;
  /** the copy arriving at `to` is a new copy (false for a queue's reader: the same copy moves on) */
  newCopy: boolean;
  /** mean time the step takes, ms (latency, service, ttl) */
  stepMs: number;
  /** where a problem about this arc points */
  path: Path;
}

export interface FlowGraph {
  nodeCount: number;
  arcs: Arc[];
  /** arcs leaving each node */
  out: Arc[][];
  /** readers of each queue (edges to handlers) */
  readers: number[];
  /** queue and handler arrivals are copies; topics only pass them on */
  isCopy: boolean[];
}

const meanMs = (value: unknown): number => (value === undefined ? 0 : (distributionMeanMs(value) ?? 0));

/** Builds the arcs: every valid edge, and each queue's dead-letter link (expired copies, and copies
 *  whose handler ran out of attempts). */
export function flowGraph(doc: Obj, byId: Map<string, NodeEntry>): FlowGraph {
  const nodes = items(doc, 'nodes');
  const nodeCount = nodes.length;
  const edges: { index: number; edge: Obj; source: NodeEntry; target: NodeEntry }[] = [];
  items(doc, 'edges').forEach((edge, index) => {
    const source = byId.get(str(edge?.source) ?? '');
    const target = byId.get(str(edge?.target) ?? '');
    if (edge && source && target && source !== target && canSend(source.type, target.type)) edges.push({ index, edge, source, target });
  });
  const readers = new Array<number>(nodeCount).fill(0);
  for (const { source } of edges) if (source.type === 'queue') readers[source.index] += 1;
  const deadLetterOf = (entry: NodeEntry): NodeEntry | undefined => {
    const target = byId.get(str(entry.node.deadLetter) ?? '');
    return target && target.type === 'queue' && target !== entry ? target : undefined;
  };
  const failAll = (handler: NodeEntry): { rate: number; attempts: number } => {
    const failureRate = num(handler.node.failureRate) ?? 0;
    const retry = handler.node.retry as { maxAttempts?: unknown; backoff?: unknown } | undefined;
    const attempts = num(retry?.maxAttempts) ?? 1;
    return { rate: failureRate ** attempts, attempts };
  };
  const arcs: Arc[] = [];
  const shares = edgeShares(Array.isArray(doc.edges) ? doc.edges : [], (id) => {
    const entry = byId.get(id);
    return entry !== undefined && (entry.type === 'publisher' || entry.type === 'handler') && entry.node.route === 'one';
  });
  for (const { index, edge, source, target } of edges) {
    let copies = 1;
    let stepMs = meanMs(edge.latency);
    if (source.type === 'queue') copies = 1 / readers[source.index];
    else if (source.type === 'publisher') copies = shares[index];
    else if (source.type === 'handler') {
      const failing = failAll(source).rate;
      copies = shares[index] * (isFailureEdge(edge) ? failing : 1 - failing);
      stepMs += meanMs(source.node.service);
    }
    arcs.push({ from: source.index, to: target.index, copies, copiesAtLeast: copies, certain: copies === 1, newCopy: source.type !== 'queue', stepMs, path: ['edges', index] });
  }
  for (const entry of byId.values()) {
    if (entry.type !== 'queue') continue;
    const deadLetter = deadLetterOf(entry);
    if (!deadLetter) continue;
    // a copy leaves for the dead-letter queue when it expires (ttl) or when the handler that read it
    // ran out of attempts (the copy came from this queue: the link is the queue's, not the handler's)
    const ttlMs = num(entry.node.ttl);
    let failMost = 0;
    let failLeast = Infinity;
    let failMs = Infinity;
    for (const { source, target } of edges) {
      if (source !== entry || target.type !== 'handler') continue;
      const { rate, attempts } = failAll(target);
      failMost = Math.max(failMost, rate);
      failLeast = Math.min(failLeast, rate);
      if (rate > 0) failMs = Math.min(failMs, attempts * meanMs(target.node.service));
    }
    const alone = readers[entry.index] === 0;
    const copies = ttlMs !== undefined ? 1 : failMost;
    if (copies === 0) continue;
    const copiesAtLeast = alone ? 1 : ttlMs === undefined ? failLeast : 0;
    const stepMs = Math.min(ttlMs ?? Infinity, failMs);
    arcs.push({ from: entry.index, to: deadLetter.index, copies, copiesAtLeast, certain: alone, newCopy: true, stepMs, path: ['nodes', entry.index, 'deadLetter'] });
  }
  const out: Arc[][] = Array.from({ length: nodeCount }, () => []);
  for (const arc of arcs) out[arc.from].push(arc);
  const isCopy = nodes.map((node) => node?.type === 'queue' || node?.type === 'handler');
  return { nodeCount, arcs, out, readers, isCopy };
}

/** Strongly connected components (Tarjan, with an explicit stack: no recursion, whatever the
 *  diagram's depth), each sorted; every component, sinks first (reverse topological order). */
export function components(nodeCount: number, next: (v: number) => readonly number[]): number[][] {
  const order = new Int32Array(nodeCount).fill(-1);
  const low = new Int32Array(nodeCount);
  const onStack = new Uint8Array(nodeCount);
  const stack: number[] = [];
  const found: number[][] = [];
  // the explicit call stack: node and how many of its successors were visited
  const frameNode = new Int32Array(nodeCount);
  const frameNext = new Int32Array(nodeCount);
  let depth = 0;
  let counter = 0;
  for (let root = 0; root < nodeCount; root += 1) {
    if (order[root] !== -1) continue;
    frameNode[0] = root;
    frameNext[0] = 0;
    depth = 1;
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (depth > 0) {
      const v = frameNode[depth - 1];
      const targets = next(v);
      if (frameNext[depth - 1] < targets.length) {
        const w = targets[frameNext[depth - 1]++];
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frameNode[depth] = w;
          frameNext[depth] = 0;
          depth += 1;
        } else if (onStack[w]) low[v] = Math.min(low[v], order[w]);
        continue;
      }
      depth -= 1;
      if (depth > 0) {
        const parent = frameNode[depth - 1];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] !== order[v]) continue;
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop() as number;
        onStack[w] = 0;
        component.push(w);
      } while (w !== v);
      found.push(component.sort((a, b) => a - b));
    }
  }
  return found;
}

/** Components with a cycle (more than one node: the file allows no edge from a node to itself). */
export function cycles(nodeCount: number, arcs: readonly Arc[]): number[][] {
  const next: number[][] = Array.from({ length: nodeCount }, () => []);
  for (const arc of arcs) next[arc.from].push(arc.to);
  return components(nodeCount, (v) => next[v]).filter((component) => component.length > 1);
}

/** Bounds on the growth per step of a monotone, degree-1 map T on a component (Collatz–Wielandt):
 *  low ≤ spectral radius ≤ high, and T(vector) ≤ high · vector. Power iteration on T + I, which
 *  converges even on a plain cycle. */
export function growthBounds(size: number, apply: (x: Float64Array, y: Float64Array) => void): { low: number; high: number; vector: Float64Array } {
  let x = new Float64Array(size).fill(1);
  let low = 0;
  let high = Infinity;
  let vector = x;
  for (let iteration = 0; iteration < 2000; iteration += 1) {
    const y = new Float64Array(size);
    apply(x, y);
    let lo = Infinity;
    let hi = 0;
    let largest = 0;
    for (let i = 0; i < size; i += 1) {
      const ratio = y[i] / x[i];
      if (ratio < lo) lo = ratio;
      if (ratio > hi) hi = ratio;
      if (x[i] + y[i] > largest) largest = x[i] + y[i];
    }
    if (hi < high) { high = hi; vector = x; }
    low = Math.max(low, lo);
    if (low > 1 + 1e-9 || high <= 1 - 1e-9 || high - low < 1e-12) break;
    const z = new Float64Array(size);
    for (let i = 0; i < size; i += 1) z[i] = Math.max((x[i] + y[i]) / largest, 1e-300);
    x = z;
  }
  return { low, high, vector };
}

/** y = M x for the arcs inside a component (indices local to it) */
export function linearMap(component: number[], within: readonly Arc[], weight: (arc: Arc) => number): (x: Float64Array, y: Float64Array) => void {
  const at = new Map(component.map((node, i) => [node, i]));
  const local = within.map((arc) => ({ from: at.get(arc.from) as number, to: at.get(arc.to) as number, w: weight(arc) }));
  return (x, y) => {
    for (const { from, to, w } of local) y[to] += w * x[from];
  };
}

/** The arcs with both ends in the component. */
export function arcsWithin(component: number[], arcs: readonly Arc[]): Arc[] {
  const members = new Set(component);
  return arcs.filter((arc) => members.has(arc.from) && members.has(arc.to));
}

/** Do the given arcs (inside one component) close a cycle? Indices local to the component. */
export function closesCycle(component: number[], arcs: readonly Arc[]): boolean {
  const at = new Map(component.map((node, i) => [node, i]));
  const local = arcs.map((arc) => ({ ...arc, from: at.get(arc.from) as number, to: at.get(arc.to) as number }));
  return cycles(component.length, local).length > 0;
}
