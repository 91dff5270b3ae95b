// The copies sent and not yet at an outcome, read straight from the message pool (taken when the page
// asks: after a Step, on pause, with each progress update), as typed arrays cheap to post to the page.
import type { LiveState } from './types';
import type { Kernel } from './kernel';
import { BACKOFF, BLOCKED, SERVICE, STORED, TRANSIT } from './pool';

/** the LiveState of each code in LiveCopies.state */
export const LIVE_STATES: LiveState[] = ['transit', 'waiting', 'blocked', 'service', 'backoff'];

/** Live copies as parallel arrays sorted by copy id; node indices follow EngineInput.nodes, events RunMeta-style names. */
export interface LiveCopies {
  /** copies live in all (may exceed count when capped) */
  total: number;
  count: number;
  id: Int32Array;
  parent: Int32Array;
  root: Int32Array;
  /** index into `events` */
  event: Uint16Array;
  events: string[];
  /** the queue or handler it was sent to */
  node: Int32Array;
  /** the node that made it (publisher, emitting handler, dead-lettering queue) */
  from: Int32Array;
  /** the handler handling or last handling it, -1 none */
  handler: Int32Array;
  /** index into LIVE_STATES */
  state: Uint8Array;
  attempts: Int32Array;
  publishedAt: Float64Array;
  /** first read, NaN before */
  readAt: Float64Array;
  /** start of the current or last attempt, NaN before the first read */
  startedAt: Float64Array;
}

function stateCode(state: number): number {
  switch (state) {
    case TRANSIT: return 0;
    case STORED: return 1;
    case BLOCKED: return 2;
    case SERVICE: return 3;
    case BACKOFF: return 4;
    default: return 0;
  }
}

/** the live copies, oldest copy ids first, at most `max` (the rest only counted) */
export function liveCopies(k: Kernel, max: number): LiveCopies {
  const pool = k.pool;
  const slots: number[] = [];
  let total = 0;
  for (let m = 0; m < pool.highWater; m++) {
    if (pool.state[m] === 0 || pool.id[m] < 0) continue;
    total++;
    slots.push(m);
  }
  slots.sort((x, y) => pool.id[x] - pool.id[y]);
  if (slots.length > max) slots.length = Math.max(0, max);
  const count = slots.length;
  const out: LiveCopies = {
    total, count, events: k.eventNames,
    id: new Int32Array(count), parent: new Int32Array(count), root: new Int32Array(count), event: new Uint16Array(count),
    node: new Int32Array(count), from: new Int32Array(count), handler: new Int32Array(count), state: new Uint8Array(count),
    attempts: new Int32Array(count), publishedAt: new Float64Array(count), readAt: new Float64Array(count), startedAt: new Float64Array(count),
  };
  slots.forEach((m, i) => {
    out.id[i] = pool.id[m];
    out.parent[i] = pool.parent[m];
    out.root[i] = pool.root[m];
    out.event[i] = pool.event[m];
    out.node[i] = pool.node[m];
    out.from[i] = pool.origin[m];
    out.handler[i] = pool.handler[m];
    out.state[i] = stateCode(pool.state[m]);
    out.attempts[i] = pool.attempts[m];
    out.publishedAt[i] = pool.pubMs[m];
    const read = pool.readMs[m];
    out.readAt[i] = read >= 0 ? read : NaN;
    out.startedAt[i] = read >= 0 ? pool.startMs[m] : NaN;
  });
  return out;
}
