// Rules that keep every accepted run finite: publishers stop, their expected message and copy counts
// stay within bounds.ts; the loop rules live in loops.ts.
import { MAX_EDGES, MAX_NODES, MAX_PUBLISHED_PER_PUBLISHER, MAX_PUBLISHED_TOTAL, MAX_SENT_TOTAL } from './bounds';
import { distributionMeanMs, isObj, items, list, num, type NodeEntry, type Obj } from './readers';
import { copiesDownstream } from './copies';
import { CLOCK_RESOLUTION, flowGraph } from './finiteness';
import { checkDeadLetterLoops, checkMessageLoops, formatMs } from './loops';
import type { RawProblem } from './problems';
import { profileIntegral } from './profileRules';

/** a profile arrival's fields when they have the right types (else undefined: reported elsewhere) */
function profileOf(arrival: Obj): { shape?: 'step' | 'linear'; repeat?: number; points: [number, number][] } | undefined {
  const points = list(arrival.points).map((pt) => list(pt).map((v) => num(v)));
  if (points.length === 0 || points.some((pt) => pt.length !== 2 || pt[0] === undefined || pt[1] === undefined)) return undefined;
  const repeat = arrival.repeat === undefined ? undefined : num(arrival.repeat);
  if (arrival.repeat !== undefined && repeat === undefined) return undefined;
  return { shape: arrival.shape === 'linear' ? 'linear' : 'step', repeat, points: points as [number, number][] };
}

/** "360,000,000" — fixed format, no locale, so the text is the same everywhere. */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return 'unboundedly many';
  if (count >= 1e15) return count.toExponential(1).replace('e+', 'e');
  return Math.round(count).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Gaps below this would not advance the clock before the publisher's window ends. */
function instantMs(startMs: number, endMs: number, stopAtMs: number | undefined): number {
  const horizonMs = Math.max(startMs, Math.min(endMs, stopAtMs ?? Infinity));
  return Number.isFinite(horizonMs) ? horizonMs * CLOCK_RESOLUTION : 0;
}

/** Expected number of messages a publisher publishes, or undefined when its fields are invalid.
 *  Infinity means without end (no stop, or, with no limit, a gap that is always 0 or too short for
 *  the clock to advance by it at the end of the window: see CLOCK_RESOLUTION). */
export function estimatePublished(node: Obj, stopAtMs: number | undefined): number | undefined {
  const arrival = node.arrival;
  if (!isObj(arrival)) return undefined;
  const limit = node.limit === undefined ? Infinity : num(node.limit);
  const startMs = node.start === undefined ? 0 : num(node.start);
  const endMs = node.end === undefined ? Infinity : num(node.end);
  if (limit === undefined || startMs === undefined || endMs === undefined) return undefined;
  const windowMs = Math.max(0, Math.min(endMs, stopAtMs ?? Infinity) - startMs);
  let count: number | undefined;
  let gapMs: number | undefined;
  switch (arrival.kind) {
    case 'poisson':
    case 'constant': {
      const rate = num(arrival.ratePerSecond);
      gapMs = rate === undefined ? undefined : 1000 / rate;
      count = rate === undefined || rate <= 0 ? undefined : windowMs === 0 ? 0 : (rate * windowMs) / 1000;
      break;
    }
    case 'interval': {
      gapMs = distributionMeanMs(arrival.gap);
      count = gapMs === undefined || gapMs < 0 ? undefined : windowMs === 0 ? 0 : gapMs === 0 ? Infinity : windowMs / gapMs;
      break;
    }
    case 'burst': {
      const size = num(arrival.size);
      const everyMs = num(arrival.every);
      gapMs = everyMs;
      count = size === undefined || everyMs === undefined || everyMs <= 0 ? undefined : windowMs === 0 ? 0 : size * Math.ceil(windowMs / everyMs);
      break;
    }
    case 'schedule':
      count = Array.isArray(arrival.times) ? arrival.times.length : undefined;
      break;
    case 'profile': {
      // the integral of the rate over the window (profileRules.ts); the shortest gap is at the largest rate
      const profile = profileOf(arrival);
      if (profile === undefined) break;
      const maxRate = Math.max(...profile.points.map((pt) => pt[1]));
      gapMs = maxRate > 0 ? 1000 / maxRate : undefined;
      const endAtMs = startMs + windowMs;
      count = maxRate <= 0 ? undefined : windowMs === 0 ? 0 : !Number.isFinite(endAtMs) ? Infinity : (profileIntegral(profile, endAtMs) - profileIntegral(profile, startMs)) / 1000;
      break;
    }
  }
  if (count === undefined) return undefined;
  if (limit === Infinity && count > 0 && gapMs !== undefined && gapMs < instantMs(startMs, endMs, stopAtMs)) return Infinity; // the clock would not advance
  // only a gap that is always 0 means "without end"; a product that overflowed is just very large
  const finite = count === Infinity && arrival.kind !== 'interval' ? Number.MAX_VALUE : count;
  return Math.min(finite, limit);
}

/** The message text for a publisher that would publish without end at one instant. */
function instantText(node: Obj, stopAtMs: number | undefined): string {
  const arrival = node.arrival as Obj;
  if (arrival.kind === 'interval' && distributionMeanMs(arrival.gap) === 0) return 'would publish without end at one instant (its gap is always 0); give it limit';
  const horizonMs = Math.min(num(node.end) ?? Infinity, stopAtMs ?? Infinity);
  return `would publish without end at one instant: its gap is below the clock's resolution at ${formatMs(horizonMs)} ms (${formatMs(horizonMs * CLOCK_RESOLUTION)} ms); give it limit, or a longer gap`;
}

function checkPublishers(doc: Obj, byId: Map<string, NodeEntry>, out: RawProblem[], loopsRefused: boolean): void {
  const stopAtMs = doc.stopAt === undefined ? undefined : num(doc.stopAt);
  if (doc.stopAt !== undefined && (stopAtMs === undefined || stopAtMs <= 0)) return; // stopAt itself is wrong
  const downstream = copiesDownstream(flowGraph(doc, byId), stopAtMs);
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
    const copies = count === 0 || loopsRefused ? 0 : count * downstream[index];
    published += count;
    sent += copies;
    if (count === Infinity) out.push({ path, message: instantText(node, stopAtMs) });
    else if (count > MAX_PUBLISHED_PER_PUBLISHER) {
      out.push({ path, message: `would publish about ${formatCount(count)} messages; lower the rate or the stop time (at most ${formatCount(MAX_PUBLISHED_PER_PUBLISHER)})` });
    } else if (copies === Infinity) {
      out.push({ path, message: `would send unboundedly many message copies: a loop on their way could go round without end; set stopAt, or lower the probabilities on the loop` });
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
  if (list(doc.nodes).length > MAX_NODES || list(doc.edges).length > MAX_EDGES) return; // refused by its size already
  checkDeadLetterLoops(doc, byId, out);
  const loopsRefused = list(doc.nodes).length > 0 && checkMessageLoops(doc, byId, out);
  checkPublishers(doc, byId, out, loopsRefused);
}
