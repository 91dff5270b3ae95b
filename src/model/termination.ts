// Rules that keep every accepted run finite: publishers stop, their expected message and copy counts
// stay within bounds.ts; the loop rules live in loops.ts.
import { MAX_PUBLISHED_PER_PUBLISHER, MAX_PUBLISHED_TOTAL, MAX_SENT_TOTAL } from './bounds';
import { canSend, distributionMeanMs, isObj, items, list, num, str, type NodeEntry, type Obj } from './readers';
import { checkDeadLetterLoops, checkMessageLoops } from './loops';
import type { RawProblem } from './problems';

/** "360,000,000" — fixed format, no locale, so the text is the same everywhere. */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return 'unboundedly many';
  if (count >= 1e15) return count.toExponential(1).replace('e+', 'e');
  return Math.round(count).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Expected number of messages a publisher publishes, or undefined when its fields are invalid.
 *  Infinity means without end (no stop, or a gap that is always 0 with no limit). */
export function estimatePublished(node: Obj, stopAtMs: number | undefined): number | undefined {
  const arrival = node.arrival;
  if (!isObj(arrival)) return undefined;
  const limit = node.limit === undefined ? Infinity : num(node.limit);
  const startMs = node.start === undefined ? 0 : num(node.start);
  const endMs = node.end === undefined ? Infinity : num(node.end);
  if (limit === undefined || startMs === undefined || endMs === undefined) return undefined;
  const windowMs = Math.max(0, Math.min(endMs, stopAtMs ?? Infinity) - startMs);
  let count: number | undefined;
  switch (arrival.kind) {
    case 'poisson':
    case 'constant': {
      const rate = num(arrival.ratePerSecond);
      count = rate === undefined || rate <= 0 ? undefined : windowMs === 0 ? 0 : (rate * windowMs) / 1000;
      break;
    }
    case 'interval': {
      const gapMs = distributionMeanMs(arrival.gap);
      count = gapMs === undefined || gapMs < 0 ? undefined : windowMs === 0 ? 0 : gapMs === 0 ? Infinity : windowMs / gapMs;
      break;
    }
    case 'burst': {
      const size = num(arrival.size);
      const everyMs = num(arrival.every);
      count = size === undefined || everyMs === undefined || everyMs <= 0 ? undefined : windowMs === 0 ? 0 : size * Math.ceil(windowMs / everyMs);
      break;
    }
    case 'schedule':
      count = Array.isArray(arrival.times) ? arrival.times.length : undefined;
      break;
  }
  if (count === undefined) return undefined;
  // only a gap that is always 0 means "without end"; a product that overflowed is just very large
  const finite = count === Infinity && arrival.kind !== 'interval' ? Number.MAX_VALUE : count;
  return Math.min(finite, limit);
}

/** Expected copies sent toward queues and handlers per message a node sends, through fan-out
 *  (topics copy to every edge, handlers emit along each edge with its probability). An edge that
 *  closes a loop counts 0 here; loops are checked by checkMessageLoops. */
function fanOut(doc: Obj, byId: Map<string, NodeEntry>): (id: string) => number {
  const outgoing = new Map<string, { target: NodeEntry; probability: number }[]>();
  for (const edge of items(doc, 'edges')) {
    const source = byId.get(str(edge?.source) ?? '');
    const target = byId.get(str(edge?.target) ?? '');
    if (!edge || !source || !target || source === target || !canSend(source.type, target.type)) continue;
    const probability = source.type === 'handler' ? (num(edge.probability) ?? 1) : 1;
    const list = outgoing.get(str(source.node.id) as string) ?? [];
    list.push({ target, probability });
    outgoing.set(str(source.node.id) as string, list);
  }
  const memo = new Map<string, number>();
  /** Copies created when one message leaves `id` along all its edges. */
  const sends = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    memo.set(id, 0); // a loop back to a node being computed counts 0
    let total = 0;
    for (const { target, probability } of outgoing.get(id) ?? []) total += probability * received(target);
    memo.set(id, total);
    return total;
  };
  /** Copies created when one copy arrives at `entry`: itself (queue, handler) and what follows. */
  const received = (entry: NodeEntry): number => {
    const id = str(entry.node.id) as string;
    if (entry.type === 'topic') return sends(id);
    if (entry.type === 'handler') return 1 + sends(id);
    const readers = (outgoing.get(id) ?? []).map(({ target }) => sends(str(target.node.id) as string));
    return 1 + Math.max(0, ...readers);
  };
  return sends;
}

function checkPublishers(doc: Obj, byId: Map<string, NodeEntry>, out: RawProblem[]): void {
  const stopAtMs = doc.stopAt === undefined ? undefined : num(doc.stopAt);
  if (doc.stopAt !== undefined && (stopAtMs === undefined || stopAtMs <= 0)) return; // stopAt itself is wrong
  const copiesPerMessage = fanOut(doc, byId);
  let published = 0;
  let sent = 0;
  let refused = false;
  items(doc, 'nodes').forEach((node, index) => {
    if (!node || node.type !== 'publisher') return;
    const stops = stopAtMs !== undefined || node.limit !== undefined || node.end !== undefined || (isObj(node.arrival) && node.arrival.kind === 'schedule');
    const path = ['nodes', index];
    if (!stops) {
      out.push({ path, message: 'never stops; give it limit or end, or set stopAt' });
      return;
    }
    const count = estimatePublished(node, stopAtMs);
    if (count === undefined) return;
    const copies = count === 0 ? 0 : count * copiesPerMessage(str(node.id) ?? '');
    published += count;
    sent += copies;
    if (count === Infinity) out.push({ path, message: 'would publish without end at one instant (its gap is always 0); give it limit' });
    else if (count > MAX_PUBLISHED_PER_PUBLISHER) {
      out.push({ path, message: `would publish about ${formatCount(count)} messages; lower the rate or the stop time (at most ${formatCount(MAX_PUBLISHED_PER_PUBLISHER)})` });
    } else if (copies > MAX_SENT_TOTAL) {
      out.push({ path, message: `would send about ${formatCount(copies)} message copies (${formatCount(count)} messages, each fanned out about ${formatCount(copies / count)} times); lower the rate, the stop time or the fan-out (at most ${formatCount(MAX_SENT_TOTAL)})` });
    } else return;
    refused = true;
  });
  if (refused || !Number.isFinite(published)) return;
  if (published > MAX_PUBLISHED_TOTAL) {
    out.push({ path: ['nodes'], message: `the publishers would publish about ${formatCount(published)} messages in all; lower the rates or the stop time (at most ${formatCount(MAX_PUBLISHED_TOTAL)})` });
  } else if (sent > MAX_SENT_TOTAL) {
    out.push({ path: ['nodes'], message: `the publishers would send about ${formatCount(sent)} message copies in all; lower the rates, the stop time or the fan-out (at most ${formatCount(MAX_SENT_TOTAL)})` });
  }
}

/** Problems of runs that could not finish. */
export function checkFinishing(doc: Obj, byId: Map<string, NodeEntry>, out: RawProblem[]): void {
  checkPublishers(doc, byId, out);
  checkDeadLetterLoops(doc, byId, out);
  if (list(doc.nodes).length > 0) checkMessageLoops(doc, byId, out);
}
