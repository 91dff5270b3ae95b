// Moving messages: creating copies, sending them along edges (with or without latency), topic
// fan-out, dead-lettering, the in-transit list, per-copy records and the Step button's notes.
import { EventKind, NodeCode, OUTCOMES, OutcomeCode, type LossCode, type StepKind } from './codes';
import type { Kernel } from './kernel';
import { FREE, SERVICE, TRANSIT } from './pool';
import { draw, type Sampler } from './distributions';
import { queueArrive } from './queue';
import { bufferArrive } from './handler';

/** sender code for copies a handler emits right now with no latency (may hold its slot) */
export const SENDER_EMITTING = -2;
/** sender codes >= HOLD_BASE name a hold: HOLD_BASE + hold id */
export const HOLD_BASE = 1 << 28;

/** a new message (a copy, or a message travelling to a topic) for edge e; the caller sets pub and rootPub */
export function newMessage(k: Kernel, e: number, parent: number, root: number, key: number, sender: number): number {
  const pool = k.pool;
  const m = pool.alloc();
  const target = k.edgeTarget[e];
  const source = k.edgeSource[e];
  if (k.nodeType[target] === NodeCode.topic) {
    pool.id[m] = -1;
  } else {
    pool.id[m] = k.nextCopyId++;
    k.sent++;
    k.live++;
  }
  pool.parent[m] = parent;
  pool.root[m] = root;
  pool.event[m] = k.nodeEvent[source];
  pool.node[m] = target;
  pool.edge[m] = e;
  pool.key[m] = key;
  pool.part[m] = -1;
  pool.sender[m] = sender;
  pool.attempts[m] = 0;
  pool.handler[m] = -1;
  pool.origin[m] = source;
  pool.readMs[m] = -1;
  if (k.describing) noteSent(k, target, m);
  return m;
}

/** the Step button's list of nodes sent to (copies only, not a message travelling to a topic) */
function noteSent(k: Kernel, target: number, m: number): void {
  if (k.nodeType[target] === NodeCode.topic) return;
  const notes = k.stepNotes;
  if (notes.sent.length === 0) notes.event = k.pool.event[m];
  notes.sent.push(target);
}

/** sends message m along edge e: schedules its arrival after the edge's latency, or delivers it now */
export function sendAlong(k: Kernel, e: number, m: number): void {
  k.edgeCount[e]++;
  const latency = k.edgeLatency[e];
  if (latency !== null && sendLater(k, e, m, latency)) return;
  deliver(k, k.edgeTarget[e], m);
}

/** draws edge e's latency for message m: when positive, m travels (an arrive event) and this returns true */
function sendLater(k: Kernel, e: number, m: number, latency: Sampler): boolean {
  const latencyMs = draw(latency, k.edgeRng[e]);
  if (!(latencyMs > 0)) return false;
  const pool = k.pool;
  if (pool.sender[m] === SENDER_EMITTING) pool.sender[m] = -1; // the slot does not wait for transit
  pool.state[m] = TRANSIT;
  pool.startMs[m] = k.nowMs;
  pool.arriveMs[m] = k.nowMs + latencyMs;
  // link at the head of the transit list
  pool.prev[m] = -1;
  pool.next[m] = k.transitHead;
  if (k.transitHead >= 0) pool.prev[k.transitHead] = m;
  k.transitHead = m;
  k.transitCount++;
  k.heap.push(k.nowMs + latencyMs, EventKind.arrive, m, 0);
  return true;
}

/** the ARRIVE event: message m reaches the end of its edge */
export function arriveEvent(k: Kernel, m: number): void {
  const pool = k.pool;
  const prev = pool.prev[m];
  const next = pool.next[m];
  if (prev >= 0) pool.next[prev] = next; else k.transitHead = next;
  if (next >= 0) pool.prev[next] = prev;
  k.transitCount--;
  deliver(k, k.edgeTarget[pool.edge[m]], m);
}

function deliver(k: Kernel, target: number, m: number): void {
  const type = k.nodeType[target];
  if (type === NodeCode.queue) queueArrive(k, target, m, false);
  else if (type === NodeCode.handler) bufferArrive(k, target, m, false);
  else topicArrive(k, target, m);
}

/** a topic routes at once: one copy per outgoing edge */
function topicArrive(k: Kernel, t: number, m: number): void {
  const topic = k.topics[t];
  if (topic === null) throw new Error(`engine: node ${k.input.nodes[t].id} is not a topic`);
  topic.received++;
  if (k.describing) note(k, 'arrive', t, m);
  const pool = k.pool;
  const parent = pool.parent[m];
  const root = pool.root[m];
  const key = pool.key[m];
  const pubMs = pool.pubMs[m];
  const rootPubMs = pool.rootPubMs[m];
  const sender = pool.sender[m];
  const origin = pool.origin[m];
  const prio = pool.prio[m];
  pool.release(m);
  const outs = topic.outEdges;
  for (let i = 0; i < outs.length; i++) {
    const copy = newMessage(k, outs[i], parent, root, key, sender);
    pool.origin[copy] = origin;
    pool.prio[copy] = prio;
    pool.pubMs[copy] = pubMs;
    pool.rootPubMs[copy] = rootPubMs;
    sendAlong(k, outs[i], copy);
  }
}

/** copy m (just taken out of queue q) is dead-lettered: a new copy goes to q's dead-letter queue */
export function deadLetter(k: Kernel, q: number, m: number): void {
  const queue = k.queues[q];
  if (queue === null) throw new Error('engine: dead-letter from a non-queue');
  const pool = k.pool;
  queue.deadLettered++;
  k.deadLettered++;
  k.live--;
  lose(k, q, m, OutcomeCode.deadLettered);
  const target = queue.deadLetter;
  const n = pool.alloc();
  pool.id[n] = k.nextCopyId++;
  k.sent++;
  k.live++;
  pool.parent[n] = pool.id[m];
  pool.root[n] = pool.root[m];
  pool.event[n] = pool.event[m];
  pool.node[n] = target;
  pool.edge[n] = -1;
  pool.key[n] = pool.key[m];
  pool.part[n] = -1;
  pool.sender[n] = -1;
  pool.attempts[n] = 0;
  pool.handler[n] = -1;
  pool.origin[n] = q;
  pool.prio[n] = pool.prio[m];
  if (k.describing) k.stepNotes.sent.push(target);
  pool.pubMs[n] = k.nowMs;
  pool.rootPubMs[n] = pool.rootPubMs[m];
  pool.readMs[n] = -1;
  pool.release(m);
  queueArrive(k, target, n, false);
}

/** copy m is lost at `node` now: a loss for the next snapshot (bounded) and its record */
export function lose(k: Kernel, node: number, m: number, outcome: LossCode): void {
  if (k.losses.length < 2000) k.losses.push(node, outcome);
  if (k.onMessage !== undefined) emitRecord(k, m, outcome, k.nowMs);
}

/** hands copy m's record to the listener */
export function emitRecord(k: Kernel, m: number, outcome: OutcomeCode, doneAtMs: number | null): void {
  const listener = k.onMessage;
  if (listener === undefined) return;
  const pool = k.pool;
  const read = pool.readMs[m];
  const handler = pool.handler[m];
  listener({
    id: pool.id[m],
    parent: pool.parent[m],
    root: pool.root[m],
    event: k.eventNames[pool.event[m]],
    node: k.input.nodes[pool.node[m]].id,
    publishedAt: pool.pubMs[m],
    readAt: read >= 0 ? read : null,
    doneAt: doneAtMs,
    outcome: OUTCOMES[outcome],
    attempts: pool.attempts[m],
    from: k.input.nodes[pool.origin[m]].id,
    handler: handler >= 0 ? k.input.nodes[handler].id : null,
    startedAt: read >= 0 ? pool.startMs[m] : null,
    priority: pool.prio[m],
    key: pool.key[m] >= 0 ? pool.key[m] : null,
    partition: pool.part[m] >= 0 ? pool.part[m] : null,
  });
}

/** the live copies (sent, no outcome yet): in transit, stored, blocked, in service or backing off */
export function forEachLiveCopy(k: Kernel, visit: (slot: number) => void): void {
  const pool = k.pool;
  for (let m = 0; m < pool.highWater; m++) {
    if (pool.state[m] !== FREE && pool.id[m] >= 0) visit(m);
  }
}

/**
 * notes what the current Step did (only while describing), in order, at most MAX_STEP_NOTES. For a read the
 * wait is r − p; for the end of an attempt its service time; `extraMs` carries a limit (a queue's ttl);
 * `reason` says why a copy was lost or retried.
 */
export function note(k: Kernel, kind: StepKind, node: number, m: number, from = -1, extraMs = -1, reason = ''): void {
  const pool = k.pool;
  let waitMs = -1;
  let serviceMs = -1;
  let attempt = 0;
  if (m >= 0) {
    attempt = pool.attempts[m];
    if (kind === 'read') {
      waitMs = k.nowMs - pool.pubMs[m];
      attempt++;
    } else if (pool.state[m] === SERVICE) {
      serviceMs = k.nowMs - pool.startMs[m];
    }
  }
  const id = m >= 0 ? pool.id[m] : -1;
  const notes = k.stepNotes.notes;
  if (notes.length === 0) k.stepNotes.message = id;
  if (notes.length < MAX_STEP_NOTES) notes.push({ kind, node, id, from, waitMs, serviceMs, attempt, extraMs, reason });
}

/** most notes one Step keeps (a topic fanning out to many handlers makes one per copy) */
export const MAX_STEP_NOTES = 12;
