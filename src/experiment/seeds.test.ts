// Seeds of replications: the spec's test vectors, uniqueness, and replication 0 as the file's seed.
import { describe, expect, it } from 'vitest';
import { fmix32, replicationSeeds } from './seeds';

describe('replicationSeeds', () => {
  it('gives the test vectors of experiments.md', () => {
    expect(replicationSeeds(1, 4)).toEqual([1, 2527132011, 314344336, 2535364964]);
    expect(replicationSeeds(3, 4)).toEqual([3, 3984711379, 746935934, 1102698049]);
    expect(replicationSeeds(42, 4)).toEqual([42, 939911724, 3948730756, 321366731]);
  });

  it('keeps the seed for replication 0 and makes every seed of a point distinct (10,000 replications)', () => {
    for (const seed0 of [0, 1, 4294967295]) {
      const seeds = replicationSeeds(seed0, 10_000);
      expect(seeds[0]).toBe(seed0);
      expect(new Set(seeds).size).toBe(10_000);
      for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
    }
  });

  it('is a prefix rule: more replications never change the earlier seeds', () => {
    expect(replicationSeeds(7, 50).slice(0, 10)).toEqual(replicationSeeds(7, 10));
  });

  it('refuses a seed outside 0 … 2^32 − 1', () => {
    expect(() => replicationSeeds(-1, 2)).toThrow(RangeError);
    expect(() => replicationSeeds(2 ** 32, 2)).toThrow(RangeError);
    expect(() => replicationSeeds(1.5, 2)).toThrow(RangeError);
  });
});

describe('fmix32', () => {
  it('is MurmurHash3 fmix32: 0 stays 0, results are unsigned', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(0xffffffff)).toBeGreaterThanOrEqual(0);
    expect(fmix32(1)).toBe(0x514e28b7); // the well-known fmix32(1)
  });
});
