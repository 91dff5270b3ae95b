// A handler's emissions: on success along its success edges (all, or one by weight), holding the slot
// while an emission waits at a full "block" queue; on a last failed attempt along its failure edges.
// Emissions carry the handler's priority when it has one, else the completed message's.
import type { HandlerState, Kernel } from './kernel';
import { pickEdge } from './route';
import { SENDER_EMITTING, newMessage, sendAlong } from './flow';
import { releaseSlot } from './handler';

/** architect.md: a copy whose last attempt failed makes a new message along the failure edges (all with
 *  their probabilities, or one by weight); the slot does not wait for these (a blocked one holds nothing) */
export function emitOnFailure(k: Kernel, handler: HandlerState, parent: number, root: number, key: number, rootPubMs: number, prio: number): void {
  const pool = k.pool;
  const outs = handler.failEdges;
  const weights = handler.failWeights;
  const only = weights === null ? -1 : pickEdge(handler.rng, weights);
  for (let i = 0; i < outs.length; i++) {
    if (weights !== null) {
      if (i !== only) continue;
    } else {
      const p = handler.failProbability[i];
      if (p < 1 && handler.rng.next() >= p) continue;
    }
    k.emitted++;
    const copy = newMessage(k, outs[i], parent, root, key, -1);
    pool.pubMs[copy] = k.nowMs;
    pool.rootPubMs[copy] = rootPubMs;
    pool.prio[copy] = prio;
    sendAlong(k, outs[i], copy);
  }
}

/** a successful copy m emits along the handler's edges; the slot waits for emissions blocked on arrival */
export function emit(k: Kernel, handler: HandlerState, m: number, q: number, part: number): void {
  const pool = k.pool;
  const now = k.nowMs;
  const h = handler.index;
  const outs = handler.outEdges;
  const parent = pool.id[m];
  const root = pool.root[m];
  const key = pool.key[m];
  const rootPubMs = pool.rootPubMs[m];
  const prio = handler.priority >= 0 ? handler.priority : pool.prio[m];
  pool.release(m);
  const outerHold = k.emitHold;
  const outerHandler = k.emitHandler;
  const outerQueue = k.emitQueue;
  const outerPart = k.emitPart;
  k.emitHold = -1;
  k.emitHandler = h;
  k.emitQueue = q;
  k.emitPart = part;
  const probabilities = handler.outProbability;
  const weights = handler.outWeights;
  const only = weights === null ? -1 : pickEdge(handler.rng, weights);
  for (let i = 0; i < outs.length; i++) {
    if (weights !== null) {
      if (i !== only) continue;
    } else {
      const p = probabilities[i];
      if (p < 1 && handler.rng.next() >= p) continue;
    }
    k.emitted++;
    const copy = newMessage(k, outs[i], parent, root, key, SENDER_EMITTING);
    pool.pubMs[copy] = now;
    pool.rootPubMs[copy] = rootPubMs;
    pool.prio[copy] = prio;
    sendAlong(k, outs[i], copy);
  }
  const hold = k.emitHold;
  k.emitHold = outerHold;
  k.emitHandler = outerHandler;
  k.emitQueue = outerQueue;
  k.emitPart = outerPart;
  if (hold < 0) {
    releaseSlot(k, handler, q, part);
  } else if ((k.holds.get(hold)?.pending ?? 0) === 0) {
    // every blocked emission was already let in while the others were being sent
    k.holds.delete(hold);
    releaseSlot(k, handler, q, part);
  }
}
