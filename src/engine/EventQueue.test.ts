// The event list pops in (time, seq) order: same-time events in the order they were scheduled.
import { describe, expect, it } from 'vitest';
import { EventQueue, TimeOverflowError } from './EventQueue';
import { Rng } from './random';

describe('EventQueue', () => {
  it('pops in time order and keeps scheduling order for ties, across growth', () => {
    const queue = new EventQueue(2);
    const rng = new Rng(3);
    const pushed: { time: number; n: number }[] = [];
    for (let n = 0; n < 5000; n++) {
      const time = Math.floor(rng.next() * 50); // many ties
      pushed.push({ time, n });
      queue.push(time, n % 7, n, n * 0.5);
    }
    const expected = [...pushed].sort((a, b) => a.time - b.time || a.n - b.n);
    const popped: number[] = [];
    while (queue.pop()) {
      expect(queue.poppedType).toBe(queue.poppedA % 7);
      expect(queue.poppedB).toBe(queue.poppedA * 0.5);
      popped.push(queue.poppedA);
    }
    expect(popped).toEqual(expected.map((e) => e.n));
    expect(queue.size).toBe(0);
    expect(queue.peekTime()).toBe(Infinity);
  });

  it('refuses a time that is not finite, loudly', () => {
    const queue = new EventQueue(4);
    expect(() => queue.push(Infinity, 0, 0, 0)).toThrow(TimeOverflowError);
    expect(() => queue.push(NaN, 0, 0, 0)).toThrow(TimeOverflowError);
    expect(queue.size).toBe(0);
  });

  it('interleaves pushes and pops correctly', () => {
    const queue = new EventQueue(4);
    queue.push(5, 0, 1, 0);
    queue.push(5, 0, 2, 0);
    queue.push(1, 0, 3, 0);
    queue.pop();
    expect(queue.poppedA).toBe(3);
    queue.push(5, 0, 4, 0);
    queue.push(2, 0, 5, 0);
    const order: number[] = [];
    while (queue.pop()) order.push(queue.poppedA);
    expect(order).toEqual([5, 1, 2, 4]);
  });

  it('pops in (time, seq) order through the ring and back, whatever the spacing of the times', () => {
    // sizes rise past the switch to the ring (128) and fall below the switch back (32) again and again;
    // times mix ties, tiny gaps, ordinary gaps and far outliers, so widths are re-estimated on the way
    const rng = new Rng(11);
    const queue = new EventQueue(4);
    const pending: { time: number; n: number }[] = [];
    let now = 0;
    let n = 0;
    const gap = (): number => {
      const r = rng.next();
      if (r < 0.2) return 0;
      if (r < 0.4) return Math.floor(rng.next() * 4);
      if (r < 0.8) return -Math.log(1 - rng.next()) * 7;
      if (r < 0.95) return rng.next() * 1e-9;
      return rng.next() * 1e9;
    };
    for (let round = 0; round < 40; round++) {
      const target = round % 2 === 0 ? 150 + Math.floor(rng.next() * 3000) : Math.floor(rng.next() * 20);
      while (pending.length < target || pending.length > target) {
        if (pending.length < target && (rng.next() < 0.7 || pending.length === 0)) {
          const time = now + gap();
          queue.push(time, 0, n, 0);
          pending.push({ time, n: n++ });
        } else {
          expect(queue.peekTime()).toBe(Math.min(...pending.map((p) => p.time)));
          expect(queue.pop()).toBe(true);
          let least = 0;
          for (let i = 1; i < pending.length; i++) {
            const p = pending[i];
            if (p.time < pending[least].time || (p.time === pending[least].time && p.n < pending[least].n)) least = i;
          }
          expect([queue.poppedTime, queue.poppedA]).toEqual([pending[least].time, pending[least].n]);
          now = queue.poppedTime;
          pending.splice(least, 1);
        }
      }
      expect(queue.size).toBe(pending.length);
    }
  });

  it('keeps order with huge times and events scheduled before the last one popped', () => {
    const queue = new EventQueue(4);
    const times: number[] = [];
    for (let i = 0; i < 300; i++) times.push(i % 3 === 0 ? 1e300 * (1 + (i % 7)) : i % 3 === 1 ? i * 1e-300 : 1e15 + i);
    times.forEach((time, i) => queue.push(time, 0, i, 0));
    queue.pop();
    queue.push(0, 0, 1000, 0); // earlier than the one just popped (the engine never does this; the list copes)
    const order: number[] = [];
    while (queue.pop()) order.push(queue.poppedA);
    const expected = [1000, ...times.map((time, i) => ({ time, i })).sort((a, b) => a.time - b.time || a.i - b.i).map((e) => e.i).slice(1)];
    expect(order).toEqual(expected);
  });

  it('orders events pushed ahead of every pending one, and their ties, with the ring on', () => {
    // 200 far events keep the ring on; short delays then land before all of them, one after another
    const queue = new EventQueue(4);
    for (let i = 0; i < 200; i++) queue.push(1000 + i, 0, i, 0);
    const order: number[] = [];
    queue.push(5, 0, 200, 0);
    queue.push(3, 0, 201, 0); // ahead of the event ahead
    queue.push(3, 0, 202, 0); // a tie with it: after it
    queue.push(4, 0, 203, 0);
    queue.pop();
    order.push(queue.poppedA);
    queue.push(3, 0, 204, 0); // the same time as the one just popped: after the tie still pending
    while (queue.pop()) order.push(queue.poppedA);
    expect(order).toEqual([201, 202, 204, 203, 200, ...Array.from({ length: 200 }, (_, i) => i)]);
  });
  it('keeps order when the spacing of the events changes under the ring, and past bucket numbers it can count', () => {
    // 2000 events 1 ms apart set a narrow width and a long ring; once few are left, new ones come 0.5-3.5 s apart
    // (most buckets empty: the width is re-estimated); 40 events at 1e300 ms, beyond any bucket such widths can
    // count, wait in the overflow and are the last ones left
    const queue = new EventQueue(4);
    const pending: { time: number; n: number }[] = [];
    let n = 0;
    const push = (time: number): void => {
      queue.push(time, 0, n, 0);
      pending.push({ time, n: n++ });
    };
    const popLeast = (): void => {
      let least = 0;
      for (let i = 1; i < pending.length; i++) {
        const p = pending[i];
        if (p.time < pending[least].time || (p.time === pending[least].time && p.n < pending[least].n)) least = i;
      }
      expect(queue.pop()).toBe(true);
      expect([queue.poppedTime, queue.poppedA]).toEqual([pending[least].time, pending[least].n]);
      pending.splice(least, 1);
    };
    for (let i = 0; i < 2000; i++) push(i);
    for (let i = 0; i < 40; i++) push(1e300 * (1 + (i % 9)));
    while (pending.length > 80) popLeast();
    for (let i = 0; i < 3000; i++) {
      popLeast();
      push(queue.poppedTime + 500 + (i % 7) * 500);
    }
    while (pending.length > 0) popLeast();
    expect(queue.pop()).toBe(false);
  });
});
