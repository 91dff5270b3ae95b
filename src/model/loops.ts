// Loops a run could never leave: dead letters going round, copies that multiply each round, and
// loops that always pass a message on (for ever without stopAt, or in no time with it).
import { alwaysZero, canSend, items, num, str, type NodeEntry, type Obj } from './readers';
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

/** Strongly connected components (Tarjan) of a graph on node indices; only those with a cycle. */
function components(nodeCount: number, next: number[][]): number[][] {
  const order = new Array<number>(nodeCount).fill(-1);
  const low = new Array<number>(nodeCount).fill(0);
  const onStack = new Array<boolean>(nodeCount).fill(false);
  const stack: number[] = [];
  const found: number[][] = [];
  let counter = 0;
  const visit = (v: number): void => {
    order[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = true;
    for (const w of next[v]) {
      if (order[w] === -1) {
        visit(w);
        low[v] = Math.min(low[v], low[w]);
      } else if (onStack[w]) low[v] = Math.min(low[v], order[w]);
    }
    if (low[v] !== order[v]) return;
    const component: number[] = [];
    let w: number;
    do {
      w = stack.pop() as number;
      onStack[w] = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort((a, b) => a - b));
  };
  for (let v = 0; v < nodeCount; v += 1) if (order[v] === -1) visit(v);
  return found;
}

interface Link { index: number; edge: Obj; source: NodeEntry; target: NodeEntry }

/** Edges between existing nodes of an allowed pair, in file order. */
function links(doc: Obj, byId: Map<string, NodeEntry>): Link[] {
  const found: Link[] = [];
  items(doc, 'edges').forEach((edge, index) => {
    const source = byId.get(str(edge?.source) ?? '');
    const target = byId.get(str(edge?.target) ?? '');
    if (edge && source && target && source !== target && canSend(source.type, target.type)) found.push({ index, edge, source, target });
  });
  return found;
}

/** Expected copies reaching the target per copy at the source: a topic copies to every edge, a
 *  queue shares among its readers, a handler emits on success (after its retries) with the edge's probability. */
function expectedCopies(link: Link, readers: Map<number, number>): number {
  const { source, edge } = link;
  if (source.type === 'queue') return 1 / (readers.get(source.index) ?? 1);
  if (source.type !== 'handler') return 1;
  const failureRate = num(source.node.failureRate) ?? 0;
  const retry = source.node.retry as { maxAttempts?: unknown } | undefined;
  const attempts = num(retry?.maxAttempts) ?? 1;
  return (num(edge.probability) ?? 1) * (1 - failureRate ** attempts);
}

/** Growth per step around a loop (at least): the spectral radius of its expected-copies matrix M,
 *  by power iteration on M + I (primitive, so it converges even on a plain cycle). */
function growthPerStep(component: number[], within: Link[], weight: (link: Link) => number): number {
  const at = new Map(component.map((node, i) => [node, i]));
  const arcs = within.map((link) => ({ from: at.get(link.source.index) as number, to: at.get(link.target.index) as number, w: weight(link) }));
  let x = new Array<number>(component.length).fill(1);
  let low = 0;
  let high = Infinity;
  for (let iteration = 0; iteration < 2000; iteration += 1) {
    const y = [...x];
    for (const { from, to, w } of arcs) y[to] += w * x[from];
    low = Infinity;
    high = 0;
    for (let i = 0; i < y.length; i += 1) {
      low = Math.min(low, y[i] / x[i]);
      high = Math.max(high, y[i] / x[i]);
    }
    if (low - 1 > 1 + 1e-9 || high - 1 <= 1 + 1e-9 || high - low < 1e-9) break;
    const largest = Math.max(...y);
    x = y.map((v) => v / largest);
  }
  return low - 1; // a lower bound (Collatz–Wielandt): a loop is called growing only when it surely is
}

const namesOf = (doc: Obj, component: number[]): string => {
  const nodes = items(doc, 'nodes');
  const names = component.slice(0, 5).map((i) => str(nodes[i]?.id) ?? `#${i}`);
  return component.length > 5 ? `${names.join(', ')}, …` : names.join(', ');
};

/** Refuses (1) loops where copies multiply each round (they would grow without bound even before
 *  stopAt), (2) loops that always pass a message on: without stopAt they never end, with stopAt
 *  they never end when they also take no time (latency and service always 0). A queue on such a
 *  loop must have a single reader, else copies can leave through another handler. */
export function checkMessageLoops(doc: Obj, byId: Map<string, NodeEntry>, out: RawProblem[]): void {
  const nodeCount = items(doc, 'nodes').length;
  const all = links(doc, byId);
  const readers = new Map<number, number>();
  for (const link of all) if (link.source.type === 'queue') readers.set(link.source.index, (readers.get(link.source.index) ?? 0) + 1);
  const weight = (link: Link): number => expectedCopies(link, readers);

  const growing = new Set<number>();
  const next: number[][] = Array.from({ length: nodeCount }, () => []);
  for (const link of all) next[link.source.index].push(link.target.index);
  for (const component of components(nodeCount, next)) {
    const members = new Set(component);
    const within = all.filter((link) => members.has(link.source.index) && members.has(link.target.index));
    const growth = growthPerStep(component, within, weight);
    if (!(growth > 1 + 1e-9)) continue;
    component.forEach((node) => growing.add(node));
    out.push({ path: ['edges', within[0].index], message: `copies would multiply without end going round the loop through ${namesOf(doc, component)}; lower the probabilities or the fan-out on it` });
  }

  const timed = doc.stopAt !== undefined;
  const certain: number[][] = Array.from({ length: nodeCount }, () => []);
  const certainLinks = all.filter((link) => {
    if (weight(link) !== 1) return false;
    if (timed && !alwaysZero(link.edge.latency)) return false;
    return !(timed && link.source.type === 'handler' && !alwaysZero(link.source.node.service));
  });
  for (const link of certainLinks) certain[link.source.index].push(link.target.index);
  for (const component of components(nodeCount, certain)) {
    if (component.some((node) => growing.has(node))) continue;
    const members = new Set(component);
    const first = certainLinks.find((link) => members.has(link.source.index) && members.has(link.target.index)) as Link;
    const loop = namesOf(doc, component);
    const message = timed
      ? `messages would go round the loop through ${loop} for ever in no time; give an edge a latency or a handler a service time above 0`
      : `messages would go round the loop through ${loop} for ever; set stopAt, or give an edge a probability below 1`;
    out.push({ path: ['edges', first.index], message });
  }
}
