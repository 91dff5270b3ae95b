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
});
