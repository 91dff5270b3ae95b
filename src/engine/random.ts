// Seeded pseudo-random numbers: xoshiro128** on 32-bit integers, one independent stream per
// node (or edge), derived from the scenario seed and the node's id with FNV-1a + splitmix32.

/** FNV-1a hash of a string to an unsigned 32-bit integer. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** One splitmix32 step: returns [next state, output]. */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [next, z | 0];
}

/** xoshiro128**: fast, seeded, identical on every JavaScript engine. */
export class Rng {
  // initialised here so V8 keeps them as unboxed numbers (a field first set to undefined would box every write)
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  constructor(seed: number) {
    let state = seed | 0;
    let out: number;
    [state, out] = splitmix32(state); this.s0 = out;
    [state, out] = splitmix32(state); this.s1 = out;
    [state, out] = splitmix32(state); this.s2 = out;
    [, out] = splitmix32(state); this.s3 = out;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** the next 32 random bits as a signed 32-bit integer: a small integer to V8, never boxed, even returned from a
   *  call it does not inline (an unsigned one above 2^31 would be a heap number) */
  nextInt32(): number {
    const s1 = this.s1;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return r | 0;
  }

  /** the next unsigned 32-bit integer (the same bits as nextInt32()) */
  nextUint32(): number {
    return this.nextInt32() >>> 0;
  }

  /** uniform in [0, 1) */
  next(): number {
    return (this.nextInt32() >>> 0) / 4294967296;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The stream of one named thing (e.g. `node:mailer`, `edge:e1`) under a scenario seed. */
export function streamFor(seed: number, name: string): Rng {
  const [, mixed] = splitmix32((seed >>> 0) ^ Math.imul(hashString(name), 0x27d4eb2d));
  return new Rng(mixed ^ hashString(name + '#' + String(seed >>> 0)));
}
