// Rules across fields that the schema cannot see: unique ids, edges between existing nodes of
// allowed types, dead-letter queues, windows (start < end), uniform min ≤ max, warmup < stopAt, routing,
// priorities with partitions, profiles (profileRules.ts).
// Reads a document that may be invalid elsewhere, so every problem is found in one pass.
import { canSend, indexNodes, isObj, isNodeType, items, list, num, str, type NodeEntry, type Obj } from './readers';
import { MAX_LOGNORMAL_CV, MIN_DURATION_MS } from './bounds';
import { ID_PATTERN } from './schema';
import type { Path, RawProblem } from './problems';
import { checkFinishing } from './termination';
import { checkProfile } from './profileRules';

function checkDuplicateIds(doc: Obj, key: 'nodes' | 'edges', out: RawProblem[]): void {
  const seen = new Set<string>();
  items(doc, key).forEach((item, index) => {
    const id = str(item?.id);
    if (id === undefined || id === '') return;
    if (seen.has(id)) out.push({ path: [key, index, 'id'], message: `duplicate id ${JSON.stringify(id)}` });
    seen.add(id);
  });
}

function checkWindow(value: unknown, path: Path, out: RawProblem[]): void {
  if (!isObj(value)) return;
  const start = num(value.start);
  const end = num(value.end);
  if (start !== undefined && end !== undefined && end <= start) out.push({ path: [...path, 'end'], message: `must be greater than start (${start})` });
}

/** Rules between a distribution's parameters: durations 0 or at least MIN_DURATION_MS; uniform
 *  min ≤ max; a lognormal's sd within MAX_LOGNORMAL_CV × mean. */
function checkDistribution(value: unknown, path: Path, out: RawProblem[]): void {
  if (!isObj(value)) return;
  for (const key of ['value', 'mean', 'min', 'max'] as const) {
    const ms = num(value[key]);
    if (ms !== undefined && ms > 0 && ms < MIN_DURATION_MS) out.push({ path: [...path, key], message: `must be 0 or at least ${MIN_DURATION_MS} ms (shorter durations are below what the statistics can tell apart)` });
  }
  list(value.values).forEach((v, i) => {
    const ms = num(v);
    if (ms !== undefined && ms > 0 && ms < MIN_DURATION_MS) out.push({ path: [...path, 'values', i], message: `must be 0 or at least ${MIN_DURATION_MS} ms (shorter durations are below what the statistics can tell apart)` });
  });
  if (value.kind === 'uniform') {
    const min = num(value.min);
    const max = num(value.max);
    if (min !== undefined && max !== undefined && max < min) out.push({ path: [...path, 'max'], message: `must be at least min (${min})` });
  } else if (value.kind === 'lognormal') {
    const mean = num(value.mean);
    const sd = num(value.sd);
    if (mean !== undefined && sd !== undefined && mean > 0 && sd > MAX_LOGNORMAL_CV * mean) {
      out.push({ path: [...path, 'sd'], message: `must be at most ${MAX_LOGNORMAL_CV} × mean (${MAX_LOGNORMAL_CV * mean})` });
    }
  }
}

function checkNodes(doc: Obj, byId: Map<string, NodeEntry>, out: RawProblem[]): void {
  items(doc, 'nodes').forEach((node, index) => {
    if (!node) return;
    const at: Path = ['nodes', index];
    switch (node.type) {
      case 'publisher':
        checkWindow(node, at, out);
        if (isObj(node.arrival)) checkDistribution(node.arrival.gap, [...at, 'arrival', 'gap'], out);
        if (isObj(node.arrival) && node.arrival.kind === 'profile') checkProfile(node.arrival, [...at, 'arrival'], 'rate', out);
        break;
      case 'handler':
        checkDistribution(node.service, [...at, 'service'], out);
        checkProfile(node.serviceProfile, [...at, 'serviceProfile'], 'multiplier', out);
        checkProfile(node.failureProfile, [...at, 'failureProfile'], 'failureRate', out);
        if (isObj(node.retry)) checkDistribution(node.retry.backoff, [...at, 'retry', 'backoff'], out);
        list(node.outages).forEach((outage, j) => checkWindow(outage, [...at, 'outages', j], out));
        break;
      case 'queue': {
        checkOwned(doc, node, at, out);
        if (node.order === 'priority' && node.partitions !== undefined) {
          out.push({ path: [...at, 'order'], message: 'cannot be "priority" on a queue with partitions (each partition is read in order, as in Kafka)' });
        }
        const target = str(node.deadLetter);
        if (target === undefined || !ID_PATTERN.test(target)) break;
        const found = byId.get(target);
        const path = [...at, 'deadLetter'];
        if (!found) out.push({ path, message: `no node ${JSON.stringify(target)}` });
        else if (found.type !== 'queue') out.push({ path, message: `node ${JSON.stringify(target)} is a ${found.type || 'node'}, not a queue` });
        else if (target === node.id) out.push({ path, message: 'must name another queue, not this one' });
        break;
      }
    }
  });
}

/** architect.md "Consumer groups": assignment, sessionTimeout and rebalance need partitions; an owned
 *  queue numbers its readers by edge, so two edges to one handler are refused */
function checkOwned(doc: Obj, node: Obj, at: Path, out: RawProblem[]): void {
  if (node.partitions === undefined) {
    for (const key of ['assignment', 'sessionTimeout', 'rebalance'] as const) {
      if (node[key] !== undefined) out.push({ path: [...at, key], message: 'needs partitions (it is about how partitions are shared out)' });
    }
    return;
  }
  if (node.assignment !== 'owned') return;
  const seen = new Set<string>();
  items(doc, 'edges').forEach((edge, index) => {
    if (!edge || edge.source !== node.id) return;
    const target = str(edge.target) ?? '';
    if (seen.has(target)) out.push({ path: ['edges', index], message: `a second connection from owned queue ${JSON.stringify(node.id)} to ${JSON.stringify(target)} (each handler is one member of the group)` });
    seen.add(target);
  });
}

const article = (type: string): string => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

function checkEdges(doc: Obj, byId: Map<string, NodeEntry>, out: RawProblem[]): void {
  if (!Array.isArray(doc.nodes)) return; // the nodes are reported; every edge would dangle
  items(doc, 'edges').forEach((edge, index) => {
    if (!edge) return;
    const at: Path = ['edges', index];
    const ends = (['source', 'target'] as const).map((end) => {
      const id = str(edge[end]);
      if (id === undefined || !ID_PATTERN.test(id)) return undefined;
      const found = byId.get(id);
      if (!found) out.push({ path: [...at, end], message: `no node ${JSON.stringify(id)}` });
      return found;
    });
    const [source, target] = ends;
    checkDistribution(edge.latency, [...at, 'latency'], out);
    if (source && source.type !== 'handler' && edge.probability !== undefined) {
      out.push({ path: [...at, 'probability'], message: `only edges leaving a handler may have a probability (this one leaves ${article(source.type)})` });
    }
    if (source) checkRouting(edge, source, at, out);
    if (!source || !target || !isNodeType(source.type) || !isNodeType(target.type)) return;
    if (source === target) out.push({ path: at, message: `connects node ${JSON.stringify(edge.source)} to itself` });
    else if (!canSend(source.type, target.type)) {
      out.push({ path: at, message: `${article(source.type)} cannot send to ${article(target.type)}` });
    }
  });
}

/** architect.md "Routing": `weight` only from publishers and handlers, `when` only from handlers,
 *  and no `probability` where the source routes one (weights say it) */
function checkRouting(edge: Obj, source: NodeEntry, at: Path, out: RawProblem[]): void {
  const routed = source.type === 'publisher' || source.type === 'handler';
  if (!routed && edge.weight !== undefined) {
    out.push({ path: [...at, 'weight'], message: `only edges leaving a publisher or a handler may have a weight (this one leaves ${article(source.type)})` });
  }
  if (source.type !== 'handler' && edge.when !== undefined) {
    out.push({ path: [...at, 'when'], message: `only edges leaving a handler may say when they send (this one leaves ${article(source.type)})` });
  }
  if (routed && source.node.route === 'one' && edge.probability !== undefined) {
    out.push({ path: [...at, 'probability'], message: `its source routes "one": the edges' weights choose, so probability is not allowed` });
  }
}

/** architect.md "Service-level objectives": each goal has max and/or min, min ≤ max (pointers are
 *  checked against the report before a run, src/slo/slo.ts) */
function checkGoals(doc: Obj, out: RawProblem[]): void {
  list(doc.slo).forEach((goal, i) => {
    if (!isObj(goal)) return;
    const max = num(goal.max);
    const min = num(goal.min);
    if (goal.max === undefined && goal.min === undefined) out.push({ path: ['slo', i], message: 'needs max, min or both' });
    else if (max !== undefined && min !== undefined && min > max) out.push({ path: ['slo', i, 'min'], message: `must be at most max (${max})` });
  });
}

function checkRoot(doc: Obj, out: RawProblem[]): void {
  checkGoals(doc, out);
  const stopAt = num(doc.stopAt);
  const warmup = num(doc.warmup);
  if (stopAt !== undefined && warmup !== undefined && stopAt > 0 && warmup >= stopAt) {
    out.push({ path: ['warmup'], message: `must be less than stopAt (${stopAt})` });
  }
}

/** Every cross-field problem of a (migrated, extension-free) document, in no particular order. */
export function validateScenario(doc: Obj): RawProblem[] {
  const out: RawProblem[] = [];
  const byId = indexNodes(doc);
  checkRoot(doc, out);
  checkDuplicateIds(doc, 'nodes', out);
  checkDuplicateIds(doc, 'edges', out);
  checkNodes(doc, byId, out);
  checkEdges(doc, byId, out);
  checkFinishing(doc, byId, out);
  return out;
}
