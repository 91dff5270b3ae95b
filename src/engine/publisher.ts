// Publishers: the arrival processes (poisson, constant, interval, burst, schedule, profile), limit and
// [start, end), keys, and the paused arrival clock of a publisher blocked by a full queue.
import { ArrivalCode, EventKind } from './codes';
import type { Kernel, PublisherState } from './kernel';
import { draw } from './distributions';
import { standardExponential } from './ziggurat';
import { newMessage, note, sendAlong } from './flow';
import { pickEdge } from './route';
import { profileGap, type CompiledProfile } from './profile';

/** the gap before the publisher's next message (the last at fromMs); -1 when the arrival process has no more */
function nextGap(k: Kernel, p: PublisherState, fromMs: number): number {
  // (+ on the fields read: numbers to the optimizer, so the returned double is not boxed)
  // literal codes, type-checked against ArrivalCode (imported constants are not folded in a switch)
  switch (p.arrivalKind) {
    case 0 satisfies typeof ArrivalCode.poisson: return k.doubles.meanGapMs[p.index] * standardExponential(p.rng);
    case 1 satisfies typeof ArrivalCode.constant: return k.doubles.meanGapMs[p.index];
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
      const gapMs = nextGap(k, p, p.startMs);
      if (gapMs < 0) continue;
      firstMs = p.startMs + gapMs;
    } else if (p.arrivalKind === ArrivalCode.poisson || p.arrivalKind === ArrivalCode.constant || p.arrivalKind === ArrivalCode.interval) {
      firstMs = p.startMs + nextGap(k, p, p.startMs);
    } else {
      if (p.times.length === 0) continue;
      firstMs = p.times[0];
    }
    if (!(firstMs < k.doubles.endMs[p.index]) || !Number.isFinite(firstMs)) continue;
    p.hasNext = true;
    k.heap.push(firstMs, EventKind.publish, p.index, p.gen);
  }
}

/** the PUBLISH event; false when it was cancelled (the publisher blocked meanwhile) */
export function publishEvent(k: Kernel, index: number, gen: number): boolean {
  const p = k.publishers[index] as PublisherState;
  if (gen !== p.gen) return false;
  const now = k.nowMs;
  p.published++;
  k.published++;
  const root = k.nextRootId++;
  const key = p.keys > 0 ? Math.floor(p.rng.next() * p.keys) : -1;
  const firstCopyId = k.nextCopyId;
  if (k.describing) note(k, 'publish', index, -1);
  p.hasNext = false; // a copy blocked and let in during the sends below must not schedule twice
  const outCount = p.outCount;
  const pool = k.pool;
  const weights = p.routeWeights;
  const only = weights === null ? -1 : pickEdge(p.rng, weights);
  for (let i = 0; i < outCount; i++) {
    if (weights !== null && i !== only) continue;
    const e = outCount === 1 ? p.out0 : p.outEdges[i];
    const m = newMessage(k, e, -1, root, key, index);
    pool.pubMs[m] = now;
    pool.rootPubMs[m] = now;
    pool.prio[m] = p.priority;
    sendAlong(k, e, m);
  }
  // the Step button names the first copy made now (none while the message travels to a topic)
  if (k.describing && k.nextCopyId > firstCopyId) k.stepNotes.message = firstCopyId;
  if (p.published < p.limit) {
    const gapMs = nextGap(k, p, now);
    if (gapMs >= 0 && now + gapMs < k.doubles.endMs[index]) {
      p.hasNext = true;
      k.doubles.nextGapMs[index] = gapMs;
      if (p.blockedCount === 0) k.heap.push(now + gapMs, EventKind.publish, index, ++p.gen);
    }
  }
  return true;
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
