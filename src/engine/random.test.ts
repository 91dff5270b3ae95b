// The seeded generator is deterministic, uniform enough, and gives independent streams per name.
import { describe, expect, it } from 'vitest';
import { Rng, hashString, streamFor } from './random';

describe('random', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('is uniform on [0, 1): mean and decile counts', () => {
    const rng = new Rng(7);
    const deciles = new Array<number>(10).fill(0);
    let sum = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      sum += x;
      deciles[Math.floor(x * 10)]++;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    for (const count of deciles) expect(Math.abs(count - n / 10)).toBeLessThan(600);
  });

  it('derives one stream per name: equal for the same (seed, name), different otherwise', () => {
    const draw = (seed: number, name: string) => { const r = streamFor(seed, name); return [r.next(), r.next(), r.next()]; };
    expect(draw(1, 'node:a')).toEqual(draw(1, 'node:a'));
    expect(draw(1, 'node:a')).not.toEqual(draw(1, 'node:b'));
    expect(draw(1, 'node:a')).not.toEqual(draw(2, 'node:a'));
    expect(hashString('abc')).toBe(hashString('abc'));
    expect(hashString('abc')).not.toBe(hashString('abd'));
  });

  it('gives the same 32 bits signed (nextInt32, a small integer) and unsigned (nextUint32)', () => {
    const signed = new Rng(99);
    const unsigned = new Rng(99);
    let negatives = 0;
    for (let n = 0; n < 10_000; n++) {
      const bits = signed.nextInt32();
      expect(bits).toBe(bits | 0);
      expect(bits >>> 0).toBe(unsigned.nextUint32());
      if (bits < 0) negatives++;
    }
    expect(negatives).toBeGreaterThan(4_000); // the top bit is drawn too
  });
});
