// Queue logic: arrival (read at once by the idle-longest slot, or stored), capacity and overflow
// (reject, drop-oldest, block), partitions, priority order (priority.ts), ttl expiry, admitting blocked
// senders in order.
import { EventKind, OutcomeCode, OverflowCode } from './codes';
import type { HandlerState, Kernel, QueueState } from './kernel';
import type { Ownership } from './owned';
import { integrateToNow } from './nodeState';
import { BLOCKED, STORED, TRANSIT } from './pool';
import { deadLetter, lose, note } from './flow';
import { beginAttempt, blockSender, releaseSender, isDown, startAttempt } from './handler';

/** copy m arrives at queue q (retry: a failed copy coming back, not counted in received) */
export function queueArrive(k: Kernel, q: number, m: number, retry: boolean): void {
  const queue = k.queues[q] as QueueState;
  if (!retry) queue.received++;
  const part = queue.partitions > 0 ? partitionOf(k, queue, m, retry) : 0;
  // read at once by an idle slot when nothing is waiting ahead of it (without partitions: nothing stored or blocked)
  if (queue.partitions === 0 ? queue.stored === 0 && queue.blockedLen === 0 : queue.lens[part] === 0 && queue.locked[part] === 0 && queue.blockedIn[part] === 0) {
    const h = queue.owned === null ? idleHandler(k, queue) : idleOwner(k, queue.owned, part);
    if (h >= 0) {
      if (k.describing) note(k, 'read', h, m, q);
      startAttempt(k, h, m, q, false);
      return;
    }
  }
  if (queue.stored >= k.doubles.capacity[q] && !makeRoom(k, queue, m)) return;
  if (k.describing) note(k, 'arrive', q, m);
  store(k, queue, part, m);
  // Without partitions no slot can be idle here: copies are stored only when no slot may start (an
  // outage ending at this very instant pulls them in its own event). With partitions, another
  // partition's copy may fit a free slot.
  if (queue.partitions > 0) offer(k, queue);
}

/** the partition of copy m (assigned on its first arrival: by key, else round robin); counts it received there */
function partitionOf(k: Kernel, queue: QueueState, m: number, retry: boolean): number {
  const pool = k.pool;
  let part = pool.part[m];
  if (part < 0) {
    const key = pool.key[m];
    part = key >= 0 ? key % queue.partitions : queue.roundRobin++ % queue.partitions;
    pool.part[m] = part;
  }
  if (!retry) queue.tally.received[part]++;
  return part;
}

/** the queue is full as copy m arrives: blocks or drops it (false), or drops the oldest to make room (true) */
function makeRoom(k: Kernel, queue: QueueState, m: number): boolean {
  const q = queue.index;
  const capacity = k.doubles.capacity[q];
  if (queue.overflow === OverflowCode.block) {
    if (k.describing) note(k, 'block', q, m);
    block(k, queue, m);
    return false;
  }
  if (queue.overflow !== OverflowCode.dropOldest || capacity === 0) {
    if (k.describing) note(k, 'drop', q, m, -1, -1, capacity === 0 ? 'noRoom' : 'full');
    drop(k, queue, m);
    return false;
  }
  const lanes = queue.lanes;
  if (lanes !== null) {
    // the earliest stored of the lowest priority, the arriving copy counting as stored last
    const low = lanes.lowest();
    if (k.pool.prio[m] < low) {
      if (k.describing) note(k, 'drop', q, m, -1, -1, 'full');
      drop(k, queue, m);
      return false;
    }
    if (k.describing) note(k, 'drop', q, lanes.first[low], -1, -1, 'oldest');
    drop(k, queue, removeStored(k, queue, 0, lanes.first[low]));
  } else {
    if (k.describing) note(k, 'drop', q, queue.heads[oldestPart(k, queue)], -1, -1, 'oldest');
    drop(k, queue, takeStored(k, queue, oldestPart(k, queue)));
  }
  return true;
}

/** owned partitions: the owner of partition part when it may start now (not paused, a free slot, not down); -1 none */
function idleOwner(k: Kernel, owned: Ownership, part: number): number {
  const h = owned.paused ? -1 : owned.owner[part];
  if (h < 0) return -1;
  const handler = k.handlers[h] as HandlerState;
  return handler.free > 0 && !isDown(k, handler) ? h : -1;
}

/** the handler (of queue's readers) whose slot has been idle longest and may start now; -1 none */
export function idleHandler(k: Kernel, queue: QueueState): number {
  const sole = queue.soleReader;
  if (sole >= 0) {
    const handler = k.handlers[sole] as HandlerState;
    return handler.free > 0 && !isDown(k, handler) ? sole : -1;
  }
  const hs = queue.handlers;
  let best = -1;
  let bestIdle = 0; // read only once best >= 0 (no Infinity start: it would box every idle time read)
  for (let i = 0; i < hs.length; i++) {
    const handler = k.handlers[hs[i]];
    if (handler === null || handler.free === 0) continue;
    const idle = k.doubles.idleSinceMs[handler.idleAt + handler.idleHead];
    if ((best < 0 || idle < bestIdle) && !isDown(k, handler)) {
      best = hs[i];
      bestIdle = idle;
    }
  }
  return best;
}

function drop(k: Kernel, queue: QueueState, m: number): void {
  queue.dropped++;
  k.dropped++;
  k.live--;
  lose(k, queue.index, m, OutcomeCode.dropped);
  k.pool.release(m);
}

/** integrates partition part's stored count over time after warm-up, up to now (before its count changes) */
function partDepthChange(k: Kernel, queue: QueueState, part: number): void {
  integrateToNow(k, queue.tally.areaMs, queue.tally.lastMs, part, queue.lens[part]);
}

/** integrates the stored count over time after warm-up, up to now */
export function depthChange(k: Kernel, queue: QueueState): void {
  integrateToNow(k, k.doubles.depthAreaMs, k.doubles.depthLastMs, queue.index, queue.stored);
}

function store(k: Kernel, queue: QueueState, part: number, m: number): void {
  const pool = k.pool;
  depthChange(k, queue);
  pool.state[m] = STORED;
  const stamp = k.stampSeq++;
  pool.stamp[m] = stamp;
  pool.storedMs[m] = k.nowMs;
  if (queue.lanes !== null) {
    storeInLane(k, queue, m);
  } else {
    pool.next[m] = -1;
    const tail = queue.tails[part];
    if (tail >= 0) pool.next[tail] = m; else queue.heads[part] = m;
    queue.tails[part] = m;
  }
  if (queue.partitions > 0) partStored(k, queue, part);
  queue.lens[part]++;
  if (++queue.stored > queue.maxDepth) {
    queue.maxDepth = queue.stored;
    k.doubles.peakAtMs[queue.index] = k.nowMs;
    k.doubles.drainedAtMs[queue.index] = -1;
  }
  if (k.doubles.ttlMs[queue.index] > 0) scheduleTtl(k, queue, m, stamp);
}

/** store() with priority order: m goes to the tail of its priority's lane */
function storeInLane(k: Kernel, queue: QueueState, m: number): void {
  const lanes = queue.lanes as NonNullable<QueueState['lanes']>;
  lanes.insert(k.pool.next, m, k.pool.prio[m]);
  queue.heads[0] = lanes.head;
  queue.tails[0] = lanes.tail;
}

/** store() with partitions: partition part's depth over time and its peak (before its count grows) */
function partStored(k: Kernel, queue: QueueState, part: number): void {
  partDepthChange(k, queue, part);
  if (queue.lens[part] + 1 > queue.tally.maxDepth[part]) queue.tally.maxDepth[part] = queue.lens[part] + 1;
}

/** the ttl event of copy m, stored now with this stamp */
function scheduleTtl(k: Kernel, queue: QueueState, m: number, stamp: number): void {
  k.heap.push(k.nowMs + k.doubles.ttlMs[queue.index], EventKind.ttl, m, stamp);
}

/** removes and returns the head of partition part (0 without partitions) */
function takeStored(k: Kernel, queue: QueueState, part: number): number {
  return removeStored(k, queue, part, queue.heads[part]);
}

/** removes and returns m: the head of partition part, or with priority order the first of its lane */
function removeStored(k: Kernel, queue: QueueState, part: number, m: number): number {
  if (queue.lanes !== null || queue.partitions > 0) return removeOrdered(k, queue, part, m);
  // the common case kept small (inlined where a slot hands on): a plain FIFO list
  const pool = k.pool;
  depthChange(k, queue);
  const next = pool.next[m];
  queue.heads[0] = next;
  if (next < 0) queue.tails[0] = -1;
  queue.lens[0]--;
  if (--queue.stored === 0 && k.doubles.drainedAtMs[queue.index] < 0) k.doubles.drainedAtMs[queue.index] = k.nowMs;
  pool.state[m] = TRANSIT;
  return m;
}

/** removeStored() from a queue with priority lanes or partitions */
function removeOrdered(k: Kernel, queue: QueueState, part: number, m: number): number {
  const pool = k.pool;
  depthChange(k, queue);
  const lanes = queue.lanes;
  if (lanes !== null) {
    lanes.removeFirst(pool.next, m, pool.prio[m]);
    queue.heads[0] = lanes.head;
    queue.tails[0] = lanes.tail;
  } else {
    const next = pool.next[m];
    queue.heads[part] = next;
    if (next < 0) queue.tails[part] = -1;
  }
  if (queue.partitions > 0) partDepthChange(k, queue, part);
  queue.lens[part]--;
  if (--queue.stored === 0 && k.doubles.drainedAtMs[queue.index] < 0) k.doubles.drainedAtMs[queue.index] = k.nowMs;
  pool.state[m] = TRANSIT;
  return m;
}

/** the partition whose head was stored first (drop-oldest) */
function oldestPart(k: Kernel, queue: QueueState): number {
  const stamps = k.pool.stamp;
  let best = 0;
  let bestStamp = Infinity;
  for (let p = 0; p < queue.heads.length; p++) {
    if (queue.lens[p] > 0 && stamps[queue.heads[p]] < bestStamp) { best = p; bestStamp = stamps[queue.heads[p]]; }
  }
  return best;
}

/** the copy a free slot of handler h (-1: any reader) would take next from the queue (-1 none); sets queue.pickPart */
export function queueHead(k: Kernel, queue: QueueState, h: number): number {
  const pool = k.pool;
  const owned = queue.owned;
  if (queue.partitions === 0) {
    if (queue.lens[0] > 0) { queue.pickPart = 0; return queue.heads[0]; }
  } else {
    if (owned !== null && owned.paused) return -1;
    let best = -1;
    let bestStamp = Infinity;
    for (let p = 0; p < queue.partitions; p++) {
      if (queue.lens[p] === 0 || queue.locked[p] !== 0) continue;
      if (owned !== null && owned.owner[p] !== h) continue;
      const m = queue.heads[p];
      if (pool.stamp[m] < bestStamp) { best = p; bestStamp = pool.stamp[m]; }
    }
    if (best >= 0) { queue.pickPart = best; return queue.heads[best]; }
  }
  // the first blocked copy goes straight to a slot when nothing is stored ahead of it (in its
  // partition) and the partition is free: with capacity 0, or a partition that emptied
  const blocked = queue.blockedHead;
  const blockedPart = blocked >= 0 && queue.partitions > 0 ? pool.part[blocked] : 0;
  if (blocked >= 0 && queue.lens[blockedPart] === 0 && queue.locked[blockedPart] === 0 && (owned === null || owned.owner[blockedPart] === h)) {
    queue.pickPart = -1;
    return blocked;
  }
  return -1;
}

/** handler h takes copy m, the head queueHead() picked, and starts an attempt */
export function takeHead(k: Kernel, queue: QueueState, m: number, h: number): void {
  const part = queue.pickPart;
  if (part >= 0) {
    takeStored(k, queue, part);
    startAttempt(k, h, m, queue.index, true);
    if (queue.blockedLen > 0) admitBlocked(k, queue);
  } else {
    unlinkBlockedHead(k, queue);
    startAttempt(k, h, m, queue.index, false);
    releaseSender(k, m);
  }
}

/** a busy slot of the handler goes straight on to the head of the (unpartitioned) queue */
export function handOn(k: Kernel, queue: QueueState, handler: HandlerState): void {
  const m = takeStored(k, queue, 0);
  beginAttempt(k, handler, m, queue.index, true);
  if (queue.blockedLen > 0) admitBlocked(k, queue);
}

/** gives waiting copies to idle slots while both exist */
export function offer(k: Kernel, queue: QueueState): void {
  if (queue.owned !== null) {
    offerOwned(k, queue);
    return;
  }
  for (;;) {
    const m = queueHead(k, queue, -1);
    if (m < 0) return;
    const h = idleHandler(k, queue);
    if (h < 0) return;
    takeHead(k, queue, m, h);
  }
}

/** owned partitions: each reader (edge order) with a free slot takes the oldest head among its partitions;
 *  true when any read started */
function offerOwned(k: Kernel, queue: QueueState): boolean {
  const hs = queue.handlers;
  let any = false;
  for (let started = true; started;) {
    started = false;
    for (let i = 0; i < hs.length; i++) {
      const handler = k.handlers[hs[i]] as HandlerState;
      if (handler.free === 0 || isDown(k, handler)) continue;
      const m = queueHead(k, queue, hs[i]);
      if (m < 0) continue;
      if (k.describing) note(k, 'read', hs[i], m, queue.index);
      takeHead(k, queue, m, hs[i]);
      started = any = true;
    }
  }
  return any;
}

/** the REBALANCE event: a change of the consumer group pauses every read from the queue */
export function rebalanceEvent(k: Kernel, q: number): void {
  const owned = (k.queues[q] as QueueState).owned as Ownership;
  owned.paused = true;
}

/** the REBALANCE_END event of epoch e (the end of its pause, later changes included): the new owners read; true when one started */
export function rebalanceEndEvent(k: Kernel, q: number, e: number): boolean {
  const queue = k.queues[q] as QueueState;
  const owned = queue.owned as Ownership;
  owned.owner.set(owned.epochs[e].owner);
  owned.paused = false;
  return offerOwned(k, queue);
}

function block(k: Kernel, queue: QueueState, m: number): void {
  const pool = k.pool;
  pool.state[m] = BLOCKED;
  pool.stamp[m] = k.stampSeq++;
  pool.next[m] = -1;
  if (queue.blockedTail >= 0) pool.next[queue.blockedTail] = m; else queue.blockedHead = m;
  queue.blockedTail = m;
  queue.blockedLen++;
  queue.blockedIn[queue.partitions > 0 ? pool.part[m] : 0]++;
  blockSender(k, m);
}

function unlinkBlockedHead(k: Kernel, queue: QueueState): number {
  const m = queue.blockedHead;
  const next = k.pool.next[m];
  queue.blockedHead = next;
  if (next < 0) queue.blockedTail = -1;
  queue.blockedLen--;
  queue.blockedIn[queue.partitions > 0 ? k.pool.part[m] : 0]--;
  k.pool.state[m] = TRANSIT;
  return m;
}

/** lets blocked copies in, in the order they blocked, while there is room */
export function admitBlocked(k: Kernel, queue: QueueState): void {
  let admitted = false;
  while (queue.blockedLen > 0 && queue.stored < k.doubles.capacity[queue.index]) {
    const m = unlinkBlockedHead(k, queue);
    const part = queue.partitions > 0 ? k.pool.part[m] : 0;
    store(k, queue, part, m);
    releaseSender(k, m);
    admitted = true;
  }
  if (admitted) offer(k, queue);
}

/** the TTL event: copy m expires if it is still stored since the same stamp */
export function ttlEvent(k: Kernel, m: number, stamp: number): boolean {
  const pool = k.pool;
  if (pool.state[m] !== STORED || pool.stamp[m] !== stamp) return false;
  const q = pool.node[m];
  const queue = k.queues[q] as QueueState;
  const part = queue.partitions > 0 ? pool.part[m] : 0;
  const first = queue.lanes !== null ? queue.lanes.first[pool.prio[m]] : queue.heads[part];
  if (first !== m) throw new Error(`engine invariant: expiring copy ${pool.id[m]} is not at the head of queue ${k.input.nodes[q].id}`);
  removeStored(k, queue, part, m);
  if (queue.deadLetter >= 0) {
    if (k.describing) note(k, 'deadLetter', q, m, -1, k.doubles.ttlMs[q], 'ttl');
    queue.deadLetteredTtl++;
    deadLetter(k, q, m);
  } else {
    if (k.describing) note(k, 'expire', q, m, -1, k.doubles.ttlMs[q], 'ttl');
    queue.expired++;
    k.expired++;
    k.live--;
    lose(k, q, m, OutcomeCode.expired);
    pool.release(m);
  }
  admitBlocked(k, queue);
  return true;
}
