// Streaming statistics: exact count, mean, min and max plus a log-bucket histogram (128 buckets per
// power of two, read straight from the float's bits); a percentile is the mean of its bucket (< 0.8%).
import type { Stats } from './types';

const SUB_BITS = 7;
const SUBS = 1 << SUB_BITS; // buckets per octave
const OCTAVES = 128; // 2^-64 .. 2^64 ms
const EXPONENT_OFFSET = 1023 - 64;
const BUCKETS = OCTAVES * SUBS;

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
// the high 32 bits of a float64 sit at index 1 on little-endian machines, index 0 otherwise
const HIGH = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 1 : 0;

const EMPTY = new Uint32Array(0);
const EMPTY_SUMS = new Float64Array(0);

export class Histogram {
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  zeros = 0;
  /** bucket counts, OCTAVES x SUBS, allocated on the first non-zero value */
  private buckets: Uint32Array = EMPTY;
  /** sum of the values in each bucket: a bucket reports the mean of its values (exact for repeated values) */
  private sums: Float64Array = EMPTY_SUMS;

  /** records one non-negative value */
  record(value: number): void {
    this.count++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (value <= 0) {
      this.zeros++;
      return;
    }
    bits[0] = value;
    // exponent and the top SUB_BITS mantissa bits, from 2^-64 (bucket 0) up
    let i = (words[HIGH] >>> (20 - SUB_BITS)) - (EXPONENT_OFFSET << SUB_BITS);
    if (i < 0) i = 0; else if (i >= BUCKETS) i = BUCKETS - 1;
    if (this.buckets === EMPTY) this.allocate();
    this.buckets[i]++;
    this.sums[i] += value;
  }

  private allocate(): void {
    this.buckets = new Uint32Array(OCTAVES * SUBS);
    this.sums = new Float64Array(OCTAVES * SUBS);
  }

  /** adds another histogram's values into this one */
  merge(other: Histogram): void {
    this.count += other.count;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    this.zeros += other.zeros;
    if (other.buckets === EMPTY) return;
    if (this.buckets === EMPTY) this.allocate();
    for (let i = 0; i < OCTAVES * SUBS; i++) {
      this.buckets[i] += other.buckets[i];
      this.sums[i] += other.sums[i];
    }
  }

  /** nearest-rank percentile (0 < fraction <= 1) from the buckets, clamped to [min, max]; null when empty */
  percentile(fraction: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.max(1, Math.ceil(fraction * this.count - 1e-9));
    if (rank <= this.zeros) return 0;
    let seen = this.zeros;
    const buckets = this.buckets;
    for (let i = 0; i < buckets.length; i++) {
      seen += buckets[i];
      if (seen >= rank) return Math.min(this.max, Math.max(this.min, this.sums[i] / buckets[i]));
    }
    return this.max;
  }

  stats(): Stats {
    if (this.count === 0) return emptyStats();
    return {
      count: this.count,
      mean: this.sum / this.count,
      min: this.min,
      p50: this.percentile(0.5),
      p90: this.percentile(0.9),
      p95: this.percentile(0.95),
      p99: this.percentile(0.99),
      max: this.max,
    };
  }
}

export function emptyStats(): Stats {
  return { count: 0, mean: null, min: null, p50: null, p90: null, p95: null, p99: null, max: null };
}

/** exact nearest-rank percentile of a sorted array (for tests and checks) */
export function exactPercentile(sorted: ArrayLike<number>, fraction: number): number {
  const rank = Math.max(1, Math.ceil(fraction * sorted.length - 1e-9));
  return sorted[rank - 1];
}
