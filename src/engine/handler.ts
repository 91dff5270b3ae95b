// Handler logic: slots (idle-longest order), direct-feed buffers, attempts, failure and retry with
// backoff, emissions on success, outages, and senders held by full "block" queues.
import { EventKind, NodeCode, OutcomeCode } from './codes';
import type { HandlerState, Kernel, QueueState } from './kernel';
import { integrateToNow } from './nodeState';
import { BACKOFF, SERVICE, STORED, TRANSIT } from './pool';
import { sample } from './distributions';
import { standardExponential } from './ziggurat';
import { HOLD_BASE, SENDER_EMITTING, deadLetter, emitRecord, lose, note } from './flow';
import { emit, emitOnFailure } from './emit';
import { backoffWaitMs } from './backoff';
import { profileValue } from './profile';
import { handOn, offer, queueHead, queueArrive, takeHead } from './queue';
import { unblockPublisher, blockPublisher } from './publisher';

/** true while the handler is inside an outage window (it starts nothing) */
export function isDown(k: Kernel, handler: HandlerState): boolean {
  if (!handler.hasOutages) return false;
  const now = k.nowMs;
  const ends = handler.outageEnds;
  let i = handler.outagePtr;
  while (i < ends.length && ends[i] <= now) i++;
  handler.outagePtr = i;
  return i < ends.length && handler.outageStarts[i] <= now;
}

/** integrates busy slots over time after warm-up, up to now */
function busyChange(k: Kernel, handler: HandlerState): void {
  integrateToNow(k, k.doubles.busyAreaMs, k.doubles.busyLastMs, handler.index, handler.busy);
}

/** copy m reaches handler h straight from a publisher or topic (or comes back after backoff) */
export function bufferArrive(k: Kernel, h: number, m: number, _retry: boolean): void {
  const handler = k.handlers[h] as HandlerState;
  const pool = k.pool;
  if (handler.bufLen === 0 && handler.free > 0 && !isDown(k, handler)) {
    if (k.describing) note(k, 'read', h, m);
    startAttempt(k, h, m, -1, false);
    return;
  }
  if (k.describing) note(k, 'arrive', h, m);
  pool.state[m] = STORED;
  pool.stamp[m] = k.stampSeq++;
  pool.storedMs[m] = k.nowMs;
  const lanes = handler.lanes;
  if (lanes !== null) {
    lanes.insert(pool.next, m, pool.prio[m]);
    handler.bufHead = lanes.head;
    handler.bufTail = lanes.tail;
  } else {
    pool.next[m] = -1;
    if (handler.bufTail >= 0) pool.next[handler.bufTail] = m; else handler.bufHead = m;
    handler.bufTail = m;
  }
  handler.bufLen++;
  if (handler.free > 0) pull(k, handler);
}

/** a slot of handler h starts an attempt on copy m, taken from queue q (-1: its buffer); stored: it waited in q */
export function startAttempt(k: Kernel, h: number, m: number, q: number, stored: boolean): void {
  const handler = k.handlers[h] as HandlerState;
  handler.free--;
  handler.idleHead = handler.idleHead + 1 === handler.concurrency ? 0 : handler.idleHead + 1;
  busyChange(k, handler);
  handler.busy++;
  beginAttempt(k, handler, m, q, stored);
}

/** the attempt itself, on a slot already counted busy */
export function beginAttempt(k: Kernel, handler: HandlerState, m: number, q: number, stored: boolean): void {
  const pool = k.pool;
  const now = k.nowMs;
  handler.attempts++;
  pool.state[m] = SERVICE;
  pool.handler[m] = handler.index;
  const pubMs = pool.pubMs[m];
  const counted = pubMs >= k.warmupMs;
  const first = pool.attempts[m] === 0;
  if (first) pool.readMs[m] = now;
  pool.attempts[m]++;
  if (q >= 0) {
    const queue = k.queues[q] as QueueState;
    if (counted) {
      const waitFromMs = stored ? pool.storedMs[m] : now;
      if (first && waitFromMs === pubMs) {
        // waiting since its publication: its publishToRead is its wait, one sample serves both
        k.log.record(handler.soleQueue !== null ? handler.soleReadId : handler.sharedReadIds[sourceSlot(handler, q)], now - pubMs);
      } else {
        if (first) k.log.record(handler.publishToReadId, now - pubMs);
        k.log.record(queue.waitId, now - waitFromMs);
      }
    }
    k.edgeCount[handler.soleQueue !== null ? handler.soleEdge : handler.sourceEdges[sourceSlot(handler, q)]]++;
    if (queue.partitions > 0) {
      queue.locked[pool.part[m]] = 1;
      queue.readBy[pool.part[m]] = handler.index;
    }
  } else if (first && counted) {
    k.log.record(handler.publishToReadId, now - pubMs);
  }
  pool.startMs[m] = now;
  // draw() with the distribution's kind and first parameter read from the handler and NodeDoubles (the same draw)
  const kind = handler.serviceKind;
  const serviceMs = kind === 1 ? k.doubles.serviceA[handler.index] * standardExponential(handler.rng)
    : kind === 0 ? k.doubles.serviceA[handler.index] : +sample(handler.serviceDist, handler.rng);
  k.heap.push(now + (handler.serviceProfile === null ? serviceMs : serviceMs * profileValue(handler.serviceProfile, now)), EventKind.done, m, 0);
}

/** the position of queue q among the handler's sources */
function sourceSlot(handler: HandlerState, q: number): number {
  const sources = handler.sources;
  for (let i = 0; i < sources.length; i++) if (sources[i] === q) return i;
  throw new Error(`engine: queue ${q} does not feed handler ${handler.index}`);
}

/** the DONE event: an attempt ends; success or failure is decided now */
export function doneEvent(k: Kernel, m: number): void {
  const pool = k.pool;
  const h = pool.handler[m];
  const handler = k.handlers[h] as HandlerState;
  const now = k.nowMs;
  const pubMs = pool.pubMs[m];
  const counted = pubMs >= k.warmupMs;
  if (counted) k.log.record(handler.serviceId, now - pool.startMs[m]);
  const source = pool.node[m];
  const q = source === h ? -1 : source;
  const part = q >= 0 ? pool.part[m] : -1;
  const failureRate = handler.failureProfile !== null ? profileValue(handler.failureProfile, pool.startMs[m]) : handler.mayFail ? k.doubles.failureRate[h] : 0;
  if (failureRate > 0 && handler.rng.next() < failureRate) {
    attemptFailed(k, handler, m, q, part);
    return;
  }
  if (k.describing) note(k, 'complete', h, m);
  handler.completed++;
  k.completed++;
  k.live--;
  const sink = handler.outCount === 0;
  const rootPubMs = pool.rootPubMs[m];
  if (sink && rootPubMs === pubMs) {
    // a root copy done at a sink handler: its publishToDone is its endToEnd, recorded once
    if (counted) {
      k.doneAtSinkAsRoot.record(now - pubMs);
      if (!handler.endToEndShared) k.log.record(handler.endToEndId, now - pubMs);
    }
  } else {
    if (counted) k.publishToDone.record(now - pubMs);
    if (sink && rootPubMs >= k.warmupMs) {
      if (handler.endToEndShared) unshareEndToEnd(k, handler);
      k.endToEnd.record(now - rootPubMs);
      k.log.record(handler.endToEndId, now - rootPubMs);
    }
  }
  if (sink) {
    if (k.onMessage !== undefined) emitRecord(k, m, OutcomeCode.completed, now);
    pool.release(m);
    releaseSlot(k, handler, q, part);
    return;
  }
  if (k.onMessage !== undefined) emitRecord(k, m, OutcomeCode.completed, now);
  emit(k, handler, m, q, part);
}

/** the sole sink completes a copy that is not a root: from now on its endToEnd has samples of its own,
 *  starting from doneAtSinkAsRoot's (the same values in the same order: merged into an empty histogram, exact) */
function unshareEndToEnd(k: Kernel, handler: HandlerState): void {
  handler.endToEndShared = false;
  k.log.get(handler.endToEndId).merge(k.doneAtSinkAsRoot);
}

/** a failed attempt: back after the backoff, or dead-lettered, or failed */
function attemptFailed(k: Kernel, handler: HandlerState, m: number, q: number, part: number): void {
  const pool = k.pool;
  const h = handler.index;
  handler.failed++;
  if (pool.attempts[m] < handler.maxAttempts) {
    if (k.describing) note(k, 'retry', h, m, -1, -1, 'failed');
    handler.retried++;
    k.retried++;
    pool.state[m] = BACKOFF;
    pool.sender[m] = -1;
    const drawMs = sample(handler.backoff ?? handler.serviceDist, handler.rng);
    k.heap.push(k.nowMs + backoffWaitMs(drawMs, handler.backoffMultiplier, handler.maxBackoffMs, pool.attempts[m]), EventKind.backoff, m, 0);
  } else if (handler.failEdges.length > 0) {
    // read before the copy is dead-lettered or lost: the failure message is made from it
    const parent = pool.id[m];
    const root = pool.root[m];
    const key = pool.key[m];
    const rootPubMs = pool.rootPubMs[m];
    const prio = handler.priority >= 0 ? handler.priority : pool.prio[m];
    lastAttemptFailed(k, handler, m, q);
    emitOnFailure(k, handler, parent, root, key, rootPubMs, prio);
  } else {
    lastAttemptFailed(k, handler, m, q);
  }
  releaseSlot(k, handler, q, part);
}

/** the copy's last attempt failed: dead-lettered by its queue, or failed */
function lastAttemptFailed(k: Kernel, handler: HandlerState, m: number, q: number): void {
  const pool = k.pool;
  const h = handler.index;
  if (q >= 0 && (k.queues[q] as QueueState).deadLetter >= 0) {
    if (k.describing) note(k, 'deadLetter', h, m, q, -1, 'retries');
    deadLetter(k, q, m);
  } else {
    if (k.describing) note(k, 'fail', h, m, -1, -1, 'retries');
    k.failed++;
    k.live--;
    lose(k, q >= 0 ? q : h, m, OutcomeCode.failed);
    pool.release(m);
  }
}

/** frees one slot of the handler (and the partition it read), then lets it take more work */
export function releaseSlot(k: Kernel, handler: HandlerState, q: number, part: number): void {
  const sole = handler.soleQueue;
  if (sole !== null && handler.free === 0 && sole.stored > 0 && handler.bufLen === 0 && !isDown(k, handler)) {
    // the common case: the slot goes straight on to the next stored copy (no other slot is idle)
    if (k.describing) note(k, 'read', handler.index, sole.heads[0], sole.index);
    handOn(k, sole, handler);
    return;
  }
  freeSlot(k, handler, q, part);
}

/** releaseSlot() when the slot does not go straight on: it becomes idle, then pulls what it may take */
function freeSlot(k: Kernel, handler: HandlerState, q: number, part: number): void {
  busyChange(k, handler);
  handler.busy--;
  const tail = handler.idleHead + handler.free;
  k.doubles.idleSinceMs[handler.idleAt + (tail >= handler.concurrency ? tail - handler.concurrency : tail)] = k.nowMs;
  handler.free++;
  if (part >= 0) {
    const queue = k.queues[q] as QueueState;
    queue.locked[part] = 0;
    offer(k, queue);
  }
  pull(k, handler);
}

/** free slots take the oldest head among the handler's buffer and queues */
export function pull(k: Kernel, handler: HandlerState): void {
  const pool = k.pool;
  if (handler.bufLen === 0 && (handler.soleQueue !== null || handler.sources.length === 1)) {
    // one queue and an empty buffer: the common case (a sole queue is read without its sources array)
    const queue = handler.soleQueue ?? (k.queues[handler.sources[0]] as QueueState);
    while (handler.free > 0 && (queue.stored > 0 || queue.blockedLen > 0) && !isDown(k, handler)) {
      const m = queueHead(k, queue, handler.index);
      if (m < 0) return;
      if (k.describing) note(k, 'read', handler.index, m, queue.index);
      takeHead(k, queue, m, handler.index);
    }
    return;
  }
  const sources = handler.sources;
  while (handler.free > 0 && !isDown(k, handler)) {
    // among the heads: the highest priority, then the earliest stored (architect.md "Priorities")
    let bestQueue: QueueState | null = null;
    let bestMessage = -1;
    let bestStamp = Infinity;
    let bestPrio = -1;
    if (handler.bufLen > 0) {
      bestMessage = handler.bufHead;
      bestStamp = pool.stamp[bestMessage];
      bestPrio = pool.prio[bestMessage];
    }
    for (let i = 0; i < sources.length; i++) {
      const queue = k.queues[sources[i]] as QueueState;
      if (queue.stored === 0 && queue.blockedLen === 0) continue;
      const m = queueHead(k, queue, handler.index);
      if (m >= 0 && (pool.prio[m] > bestPrio || (pool.prio[m] === bestPrio && pool.stamp[m] < bestStamp))) {
        bestQueue = queue;
        bestMessage = m;
        bestStamp = pool.stamp[m];
        bestPrio = pool.prio[m];
      }
    }
    if (bestMessage < 0) return;
    if (bestQueue === null) {
      takeBuffered(pool, handler, bestMessage);
      pool.state[bestMessage] = TRANSIT;
      if (k.describing) note(k, 'read', handler.index, bestMessage);
      startAttempt(k, handler.index, bestMessage, -1, false);
    } else {
      if (k.describing) note(k, 'read', handler.index, bestMessage, bestQueue.index);
      takeHead(k, bestQueue, bestMessage, handler.index);
    }
  }
}

/** removes m, the head of the handler's buffer */
function takeBuffered(pool: Kernel['pool'], handler: HandlerState, m: number): void {
  const next = pool.next;
  const lanes = handler.lanes;
  if (lanes !== null) {
    lanes.removeFirst(next, m, pool.prio[m]);
    handler.bufHead = lanes.head;
    handler.bufTail = lanes.tail;
  } else {
    handler.bufHead = next[m];
    if (handler.bufHead < 0) handler.bufTail = -1;
  }
  handler.bufLen--;
}

/** the BACKOFF event: a failed copy re-enters the tail of the queue or buffer it came from */
export function backoffEvent(k: Kernel, m: number): void {
  const source = k.pool.node[m];
  k.pool.state[m] = TRANSIT;
  if (k.describing) note(k, 'retry', source, m, -1, -1, 'back');
  if (k.nodeType[source] === NodeCode.queue) queueArrive(k, source, m, true);
  else bufferArrive(k, source, m, true);
}

/** the OUTAGE_END event: the handler resumes pulling; true when it started something */
export function outageEndEvent(k: Kernel, h: number): boolean {
  const handler = k.handlers[h] as HandlerState;
  const before = handler.attempts;
  pull(k, handler);
  return handler.attempts !== before;
}

/** copy m just blocked at a full queue: its sender (publisher or emitting slot) waits */
export function blockSender(k: Kernel, m: number): void {
  const pool = k.pool;
  const sender = pool.sender[m];
  if (sender === SENDER_EMITTING) {
    if (k.emitHold < 0) {
      k.emitHold = k.nextHoldId++;
      k.holds.set(k.emitHold, { handler: k.emitHandler, queue: k.emitQueue, part: k.emitPart, pending: 0 });
    }
    const hold = k.holds.get(k.emitHold);
    if (hold !== undefined) hold.pending++;
    pool.sender[m] = HOLD_BASE + k.emitHold;
  } else if (sender >= HOLD_BASE) {
    const hold = k.holds.get(sender - HOLD_BASE);
    if (hold !== undefined) hold.pending++;
  } else if (sender >= 0) {
    blockPublisher(k, sender);
  }
}

/** copy m left the blocked list (stored or read): its sender may go on */
export function releaseSender(k: Kernel, m: number): void {
  const pool = k.pool;
  const sender = pool.sender[m];
  pool.sender[m] = -1;
  if (sender >= HOLD_BASE) {
    const id = sender - HOLD_BASE;
    const hold = k.holds.get(id);
    if (hold === undefined) return;
    if (--hold.pending > 0 || id === k.emitHold) return;
    k.holds.delete(id);
    releaseSlot(k, k.handlers[hold.handler] as HandlerState, hold.queue, hold.part);
  } else if (sender >= 0) {
    unblockPublisher(k, sender);
  }
}
