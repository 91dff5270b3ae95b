// The event list's far tier on its own: buckets come out in time order, overflow events come back into the
// ring as it reaches them, and it tells EventQueue when to rebuild it (sparse buckets, uncountable buckets).
import { describe, expect, it } from 'vitest';
import { Ring } from './ring';

/** a ring over the times of `slots` slots, and add(s, time): slot s's event at that time */
function ringOf(slots: number): { ring: Ring; add: (s: number, time: number) => void } {
  const keyTime = new Float64Array(slots);
  const ring = new Ring(keyTime);
  return { ring, add: (s, time) => { keyTime[s] = time; ring.add(s); } };
}

/** the ring's events bucket by bucket, each bucket's list in the order taken */
function takeAll(ring: Ring, total: number): number[][] {
  const buckets: number[][] = [];
  let taken = 0;
  while (taken < total) {
    const bucket: number[] = [];
    for (let s = ring.takeNext(); s >= 0; s = ring.after(s)) bucket.push(s);
    ring.count -= bucket.length;
    taken += bucket.length;
    buckets.push(bucket);
  }
  return buckets;
}

describe('Ring', () => {
  it('hands out buckets in time order, the overflow as the ring reaches it', () => {
    const { ring, add } = ringOf(64);
    const times = Float64Array.from({ length: 20 }, (_, i) => i); // width: 2 ms, 32 buckets
    ring.reset(times, times.length);
    // slot s at time 10 * s: slots 0-6 fit in the ring (up to 64 ms), the rest go to the overflow
    for (let s = 1; s < 40; s++) add(s, 10 * s);
    const buckets = takeAll(ring, 39);
    expect(buckets.flat()).toEqual(Array.from({ length: 39 }, (_, i) => i + 1));
    expect(buckets.every((bucket) => bucket.length === 1)).toBe(true);
    expect(ring.count).toBe(0);
    expect(ring.overflowing).toBe(0);
  });

  it('asks for a rebuild when only events beyond countable buckets are left', () => {
    const { ring, add } = ringOf(8);
    ring.reset(Float64Array.from([0, 1, 2, 3]), 4);
    add(1, 5);
    add(2, 1e300);
    expect(ring.steady).toBe(true);
    expect(takeAll(ring, 1)).toEqual([[1]]);
    expect(ring.steady).toBe(false); // 1e300 / 2 ms: no bucket number a double counts to by ones
    expect(ring.overflowing).toBe(1);
  });

  it('reports sparse buckets once most steps pass over empty ones', () => {
    const { ring, add } = ringOf(64);
    ring.reset(Float64Array.from({ length: 2000 }, (_, i) => i), 2000); // 2048 buckets of 2 ms
    for (let s = 0; s < 60; s++) add(s, 10 + 400 * s); // the later ones wait in the overflow
    takeAll(ring, 20);
    expect(ring.sparse).toBe(false); // ~4000 empty steps: not yet more than 4 per bucket of the ring
    takeAll(ring, 40);
    expect(ring.sparse).toBe(true); // ~12000 empty steps for 60 buckets taken
  });

  it('drains every event, ring and overflow', () => {
    const { ring, add } = ringOf(16);
    ring.reset(Float64Array.from([0, 1]), 2);
    add(3, 4);
    add(5, 1e9);
    const slots = new Int32Array(16).fill(-1);
    expect(ring.drain(slots, 1)).toBe(3);
    expect([slots[1], slots[2]].sort()).toEqual([3, 5]);
    expect(ring.count + ring.overflowing).toBe(0);
  });
});
