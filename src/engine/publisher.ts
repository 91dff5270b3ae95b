// Publishers: the arrival processes (poisson, constant, interval, burst, schedule, profile), limit and
// [start, end), keys, and the paused arrival clock of a publisher blocked by a full queue.
import { ArrivalCode, EventKind } from './codes';
import type { Kernel, PublisherState } from './kernel';
import { draw } from './distributions';
import { standardExponential } from './ziggurat';
import { newMessage, note, sendAlong } from './flow';
import { pickEdge } from './route';
import { profileGap, type CompiledProfile } from './profile';

/** draws the gap before the publisher's next message into k.doubles.nextGapMs (-1 when the arrival process has no
 *  more), the last message at its start or now. Nothing here takes or returns a double: with V8 out of inlining
 *  budget (a large diagram's run loop) a double crossing a call is boxed, an allocation per message. Small (inlined
 *  where it is called); the other arrival kinds are drawn by otherGap(). */
function drawGap(k: Kernel, p: PublisherState, fromStart: boolean): void {
  // literal codes, type-checked against ArrivalCode (imported constants are not folded in a switch)
  const kind = p.arrivalKind;
  const doubles = k.doubles;
  if (kind === (0 satisfies typeof ArrivalCode.poisson)) doubles.nextGapMs[p.index] = doubles.meanGapMs[p.index] * standardExponential(p.rng);
  else if (kind === (1 satisfies typeof ArrivalCode.constant)) doubles.nextGapMs[p.index] = doubles.meanGapMs[p.index];
  else doubles.nextGapMs[p.index] = otherGap(k, p, fromStart ? p.startMs : k.nowMs);
}

/** drawGap() for the arrival kinds other than poisson and constant */
function otherGap(k: Kernel, p: PublisherState, fromMs: number): number {
  // (+ on the fields read: numbers to the optimizer, so the returned double is not boxed)
  switch (p.arrivalKind) {
    case 2 satisfies typeof ArrivalCode.interval: return draw(p.gap as NonNullable<PublisherState['gap']>, p.rng);
    case 3 satisfies typeof ArrivalCode.burst:
      if (++p.burstIndex < p.burstSize) return 0;
      p.burstIndex = 0;
      return +p.everyMs;
    case 5 satisfies typeof ArrivalCode.profile: return profileGap(p.profile as CompiledProfile, p.rng, fromMs, k.doubles.endMs[p.index]);
    default: { // schedule
      const i = ++p.scheduleIndex;
      return i < p.times.length ? p.times[i] - p.times[i - 1] : -1;
    }
  }
}

/** schedules every publisher's first message */
export function startPublishers(k: Kernel): void {
  for (const p of k.publishers) {
    if (p === null || p.limit <= 0) continue;
    let firstMs: number;
    if (p.arrivalKind === ArrivalCode.burst) {
      if (p.burstSize <= 0) continue;
      firstMs = p.startMs;
    } else if (p.arrivalKind === ArrivalCode.profile) {
      drawGap(k, p, true);
      const gapMs = k.doubles.nextGapMs[p.index];
      if (gapMs < 0) continue;
      firstMs = p.startMs + gapMs;
    } else if (p.arrivalKind === ArrivalCode.poisson || p.arrivalKind === ArrivalCode.constant || p.arrivalKind === ArrivalCode.interval) {
      drawGap(k, p, true);
      firstMs = p.startMs + k.doubles.nextGapMs[p.index];
    } else {
      if (p.times.length === 0) continue;
      firstMs = p.times[0];
    }
    if (!(firstMs < k.doubles.endMs[p.index]) || !Number.isFinite(firstMs)) continue;
    p.hasNext = true;
    k.heap.push(firstMs, EventKind.publish, p.index, p.gen);
  }
}

/** the PUBLISH event just popped (its generation in the event's b: read there, not passed, as no double may cross
 *  a call); false when it was cancelled (the publisher blocked meanwhile) */
export function publishEvent(k: Kernel, index: number): boolean {
  const p = k.publishers[index] as PublisherState;
  if (k.heap.poppedB !== p.gen) return false;
  p.published++;
  k.published++;
  const root = k.nextRootId++;
  p.hasNext = false; // a copy blocked and let in during the sends below must not schedule twice
  // the common case kept small (so that the run loop can inline it): one edge, no keys, not described
  if (p.outCount === 1 && p.keys === 0 && p.routeWeights === null && !k.describing) publishAlong(k, p, p.out0, root, -1);
  else publishKeyedOrRouted(k, p, root);
  if (p.published < p.limit) {
    const now = k.nowMs;
    drawGap(k, p, false);
    const gapMs = k.doubles.nextGapMs[index];
    if (gapMs >= 0 && now + gapMs < k.doubles.endMs[index]) {
      p.hasNext = true;
      if (p.blockedCount === 0) k.heap.push(now + gapMs, EventKind.publish, index, ++p.gen);
    }
  }
  return true;
}

/** publishEvent()'s sends in the other cases: a key drawn, route weights or several edges, or a Step described */
function publishKeyedOrRouted(k: Kernel, p: PublisherState, root: number): void {
  const key = p.keys > 0 ? Math.floor(p.rng.next() * p.keys) : -1;
  const firstCopyId = k.nextCopyId;
  if (k.describing) note(k, 'publish', p.index, -1);
  if (p.outCount === 1 && p.routeWeights === null) publishAlong(k, p, p.out0, root, key);
  else publishRouted(k, p, root, key);
  // the Step button names the first copy made now (none while the message travels to a topic)
  if (k.describing && k.nextCopyId > firstCopyId) k.stepNotes.message = firstCopyId;
}

/** the publisher's message sent along edge e, published now */
function publishAlong(k: Kernel, p: PublisherState, e: number, root: number, key: number): void {
  const m = newMessage(k, e, -1, root, key, p.index);
  const pool = k.pool;
  pool.pubMs[m] = k.nowMs;
  pool.rootPubMs[m] = k.nowMs;
  pool.prio[m] = p.priority;
  sendAlong(k, e, m);
}

/** the publisher's message along every out edge, or along the one picked by its route weights */
function publishRouted(k: Kernel, p: PublisherState, root: number, key: number): void {
  const weights = p.routeWeights;
  const only = weights === null ? -1 : pickEdge(p.rng, weights);
  for (let i = 0; i < p.outCount; i++) {
    if (weights === null || i === only) publishAlong(k, p, p.outEdges[i], root, key);
  }
}

/** one more of the publisher's copies waits at a full "block" queue: its clock pauses */
export function blockPublisher(k: Kernel, index: number): void {
  const p = k.publishers[index] as PublisherState;
  if (p.blockedCount++ === 0) {
    k.doubles.blockedSinceMs[index] = k.nowMs;
    p.gen++; // cancels the scheduled next message
  }
}

/** one of its blocked copies was accepted; when none is left the next message comes one gap later */
export function unblockPublisher(k: Kernel, index: number): void {
  const p = k.publishers[index] as PublisherState;
  if (--p.blockedCount > 0) return;
  const doubles = k.doubles;
  doubles.blockedMs[index] += k.nowMs - doubles.blockedSinceMs[index];
  if (!p.hasNext) return;
  const atMs = k.nowMs + doubles.nextGapMs[index];
  if (atMs < doubles.endMs[index]) k.heap.push(atMs, EventKind.publish, index, ++p.gen);
  else p.hasNext = false;
}
