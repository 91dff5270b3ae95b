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

const NO_CELLS = new Float64Array(0);

export class Histogram {
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  zeros = 0;
  /** (count, sum of values) per bucket for buckets first .. first + cells.length / 2 - 1, grown by whole
   *  octaves as values arrive; a bucket reports the mean of its values (exact when they are all equal) */
  private cells: Float64Array = NO_CELLS;
  private first = 0;

  /** the value being recorded: handed to add() through this double field, never boxed as an argument */
  private pending = 0;

  /** records one non-negative value */
  record(value: number): void {
    // small enough to inline anywhere; add() (larger, not always inlined) takes no double argument
    this.pending = value;
    this.add();
  }

  private add(): void {
    const value = this.pending;
    this.count++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (value <= 0) {
      this.zeros++;
      return;
    }
    // the bucket: the exponent and top mantissa bits, from 2^-64 (bucket 0) up
    bits[0] = value;
    let i = (words[HIGH] >>> (20 - SUB_BITS)) - (EXPONENT_OFFSET << SUB_BITS);
    if (i < 0) i = 0; else if (i >= BUCKETS) i = BUCKETS - 1;
    let j = i - this.first;
    if (j < 0 || 2 * j >= this.cells.length) j = this.widen(i);
    this.cells[2 * j]++;
    this.cells[2 * j + 1] += value;
  }

  /** makes room for bucket i; returns its cell index. The first cells cover i's octave and one either side;
   *  after that each widening adds as many octaves as are already held on the side of i, so a histogram
   *  reaches its range in a few copies instead of one per octave */
  private widen(i: number): number {
    const octave = Math.floor(i / SUBS);
    let lowOctave: number;
    let endOctave: number;
    if (this.cells.length === 0) {
      lowOctave = octave - 1;
      endOctave = octave + 2;
    } else {
      const spanOctaves = this.cells.length / (2 * SUBS);
      lowOctave = this.first / SUBS;
      endOctave = lowOctave + spanOctaves;
      if (octave < lowOctave) lowOctave = octave - spanOctaves;
      else endOctave = octave + 1 + spanOctaves;
    }
    const first = Math.max(0, lowOctave * SUBS);
    const end = Math.min(BUCKETS, endOctave * SUBS);
    const cells = new Float64Array(2 * (end - first));
    if (this.cells.length > 0) cells.set(this.cells, 2 * (this.first - first));
    this.cells = cells;
    this.first = first;
    return i - first;
  }

  /** adds another histogram's values into this one */
  merge(other: Histogram): void {
    this.count += other.count;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    this.zeros += other.zeros;
    const buckets = other.cells.length / 2;
    for (let b = 0; b < buckets; b++) {
      const n = other.cells[2 * b];
      if (n === 0) continue;
      const i = other.first + b;
      let j = i - this.first;
      if (j < 0 || 2 * j >= this.cells.length) j = this.widen(i);
      this.cells[2 * j] += n;
      this.cells[2 * j + 1] += other.cells[2 * b + 1];
    }
  }

  /** nearest-rank percentile (0 < fraction <= 1) from the buckets, clamped to [min, max]; null when empty */
  percentile(fraction: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.max(1, Math.ceil(fraction * this.count - 1e-9));
    if (rank <= this.zeros) return 0;
    let seen = this.zeros;
    const cells = this.cells;
    for (let j = 0; j < cells.length; j += 2) {
      seen += cells[j];
      if (seen >= rank) return Math.min(this.max, Math.max(this.min, cells[j + 1] / cells[j]));
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
