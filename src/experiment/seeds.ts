// Seeds of an experiment's replications (experiments.md, Seeds): replication 0 keeps the file's seed,
// replication i ≥ 1 takes fmix32(seed_0 + i × 0x9E3779B9 mod 2^32), bumped by 1 past any earlier seed.

const TWO_32 = 4294967296;
const GOLDEN = 0x9e3779b9;

/** MurmurHash3's 32-bit finaliser on an unsigned 32-bit integer; returns an unsigned 32-bit integer. */
export function fmix32(value: number): number {
  let z = value >>> 0;
  z ^= z >>> 16;
  z = Math.imul(z, 0x85ebca6b);
  z ^= z >>> 13;
  z = Math.imul(z, 0xc2b2ae35);
  z ^= z >>> 16;
  return z >>> 0;
}

/** The seeds of replications 0 … count − 1 of one point; every point of a sweep uses the same list. */
export function replicationSeeds(seed0: number, count: number): number[] {
  if (!Number.isInteger(seed0) || seed0 < 0 || seed0 >= TWO_32) throw new RangeError(`seed must be an integer from 0 to ${TWO_32 - 1}, got ${seed0}`);
  const seeds: number[] = [];
  const used = new Set<number>();
  for (let i = 0; i < count; i++) {
    // i × GOLDEN < 2^53 for any i this runs (≤ 10,000), so the product and the modulo are exact
    let seed = i === 0 ? seed0 : fmix32((seed0 + i * GOLDEN) % TWO_32);
    while (used.has(seed)) seed = (seed + 1) % TWO_32;
    used.add(seed);
    seeds.push(seed);
  }
  return seeds;
}
