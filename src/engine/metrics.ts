// Streaming statistics: exact count, mean, min and max plus a log-bucket histogram (128 buckets per
// power of two, read straight from the float's bits, 2^-1022 .. 2^64 ms); a percentile is the mean of
// its bucket (< 0.8%). Below 2^-1022 (subnormal) buckets are linear; the validator keeps durations out of there.
import type { Stats } from './types';

export const SUB_BITS = 7;
export const SUBS = 1 << SUB_BITS; // buckets per octave
export const OCTAVES = 1023 + 64; // 2^-1022 .. 2^64 ms (the float's exponent field, from 1)
const BUCKETS = OCTAVES * SUBS;

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
// the high 32 bits of a float64 sit at index 1 on little-endian machines, index 0 otherwise
const HIGH = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 1 : 0;

/** the bucket of a positive value: its exponent and top mantissa bits, from 2^-1022 (bucket 0) up */
export function bucketOf(value: number): number {
  bits[0] = value;
  const i = words[HIGH] >>> (20 - SUB_BITS);
  return i >= BUCKETS ? BUCKETS - 1 : i;
}

const NO_CELLS = new Float64Array(0);
/** most values a histogram holds before folding them into its buckets */
const UNSORTED_MAX = 512;
/** the percentiles stats() reports, ascending */
const STAT_FRACTIONS = [0.5, 0.9, 0.95, 0.99];

// Histogram storage is carved out of shared 1 MB slabs: allocating a typed array of its own costs tens of
// microseconds (an ArrayBuffer with external memory), a view on a slab almost nothing. A slab is freed by
// the garbage collector once no histogram uses it; only the current one is held here.
const SLAB_DOUBLES = 1 << 17;
let slab = new ArrayBuffer(0);
let slabUsed = 0;

/** a zeroed array of n doubles (never handed out before) */
export function carve(n: number): Float64Array {
  if (n > SLAB_DOUBLES / 4) return new Float64Array(n);
  if (slabUsed + n > slab.byteLength / 8) {
    slab = new ArrayBuffer(SLAB_DOUBLES * 8);
    slabUsed = 0;
  }
  const view = new Float64Array(slab, slabUsed * 8, n);
  slabUsed += n;
  return view;
}

export class Histogram {
  /** values recorded (exact at all times; the other totals below are brought up to date by settle()) */
  count = 0;
  protected total = 0;
  protected low = Infinity;
  protected high = -Infinity;
  protected zeroCount = 0;
  /** (count, sum of values) per bucket for buckets first .. first + cells.length / 2 - 1, grown by whole
   *  octaves as values arrive; a bucket reports the mean of its values (exact when they are all equal) */
  private cells: Float64Array = NO_CELLS;
  private first = 0;
  /** values not yet in the totals and cells, in the order recorded: recording only appends (sequential, and no
   *  double field is written per value); settle() adds them in that order, so every sum is the same float sum */
  private unsorted: Float64Array = NO_CELLS;
  protected unsortedLen = 0;

  /** the sum of the values recorded */
  get sum(): number {
    return this.settled().total;
  }

  get min(): number {
    return this.settled().low;
  }

  get max(): number {
    return this.settled().high;
  }

  get zeros(): number {
    return this.settled().zeroCount;
  }

  /** this, with every value recorded folded into the totals and cells */
  private settled(): this {
    if (this.unsortedLen > 0) this.settle();
    return this;
  }

  /** records one non-negative value (small enough to inline anywhere: an append) */
  record(value: number): void {
    if (this.unsortedLen === this.unsorted.length) this.settle();
    this.unsorted[this.unsortedLen++] = value;
    this.count++;
  }

  /** records n zeros (a zero changes no sum and no bucket: where it falls among the other values does not matter) */
  addZeros(n: number): void {
    this.count += n;
    this.zeroCount += n;
    if (0 < this.low) this.low = 0;
    if (0 > this.high) this.high = 0;
  }

  /** records values[from .. to) in that order: the same sums, buckets and extremes as record() for each */
  absorb(values: Float64Array, from: number, to: number): void {
    if (this.unsortedLen > 0) this.settle();
    this.count += to - from;
    this.prepare(values, from, to);
    this.fold(values, from, to);
  }

  /** before a batch is folded: the cells widened once for the batch's extremes, not once per new octave met */
  protected prepare(values: Float64Array, from: number, to: number): void {
    let low = Infinity;
    let high = 0;
    for (let v = from; v < to; v++) {
      const value = values[v];
      if (value > 0 && value < low) low = value;
      if (value > high) high = value;
    }
    if (low < Infinity) this.cover(bucketOf(low), bucketOf(high));
  }

  /** adds values[from .. to) (already counted) to the totals and cells, in order; the totals are locals meanwhile */
  protected fold(values: Float64Array, from: number, to: number): void {
    let sum = this.total;
    let min = this.low;
    let max = this.high;
    let zeros = this.zeroCount;
    let cells = this.cells;
    let first = this.first;
    let held = cells.length >> 1;
    for (let v = from; v < to; v++) {
      const value = values[v];
      sum += value;
      if (value < min) min = value;
      if (value > max) max = value;
      if (value <= 0) {
        zeros++;
        continue;
      }
      const i = bucketOf(value);
      let j = i - first;
      if (j < 0 || j >= held) {
        this.cover(i, i);
        cells = this.cells;
        first = this.first;
        held = cells.length >> 1;
        j = i - first;
      }
      cells[2 * j]++;
      cells[2 * j + 1] += value;
    }
    this.total = sum;
    this.low = min;
    this.high = max;
    this.zeroCount = zeros;
  }

  /** folds the values recorded since the last call; a larger buffer after each fold (up to UNSORTED_MAX) */
  protected settle(): void {
    const values = this.unsorted;
    const n = this.unsortedLen;
    this.unsortedLen = 0;
    this.fold(values, 0, n);
    if (values.length < UNSORTED_MAX) this.unsorted = carve(values.length === 0 ? 16 : values.length * 2);
  }

  /** makes room for bucket i; returns its cell index (cover() for the one bucket) */
  private widen(i: number): number {
    this.cover(i, i);
    return i - this.first;
  }

  /** makes room for buckets low .. high in one copy. The first cells cover their octaves and one either side;
   *  after that a side that grows gains as many octaves as are already held, so a histogram reaches its range
   *  in a few copies instead of one per octave */
  private cover(low: number, high: number): void {
    const held = this.cells.length / 2;
    if (held > 0 && low >= this.first && high < this.first + held) return;
    const lowOctave = Math.floor(low / SUBS);
    const highOctave = Math.floor(high / SUBS);
    let fromOctave: number;
    let endOctave: number;
    if (held === 0) {
      fromOctave = lowOctave - 1;
      endOctave = highOctave + 2;
    } else {
      const spanOctaves = held / SUBS;
      fromOctave = this.first / SUBS;
      endOctave = fromOctave + spanOctaves;
      if (lowOctave < fromOctave) fromOctave = lowOctave - spanOctaves;
      if (highOctave >= endOctave) endOctave = highOctave + 1 + spanOctaves;
    }
    const first = Math.max(0, fromOctave * SUBS);
    const end = Math.min(BUCKETS, endOctave * SUBS);
    const cells = carve(2 * (end - first));
    if (held > 0) cells.set(this.cells, 2 * (this.first - first));
    this.cells = cells;
    this.first = first;
  }

  /** adds another histogram's values into this one (bucket by bucket, in bucket order) */
  merge(other: Histogram): void {
    if (this.unsortedLen > 0) this.settle();
    if (other.unsortedLen > 0) other.settle();
    this.count += other.count;
    this.total += other.total;
    if (other.low < this.low) this.low = other.low;
    if (other.high > this.high) this.high = other.high;
    this.zeroCount += other.zeroCount;
    other.eachBucket((i, n, sum) => this.addToBucket(i, n, sum));
  }

  /** calls visit(bucket, count, sum) for every bucket holding values, in bucket order */
  protected eachBucket(visit: (i: number, n: number, sum: number) => void): void {
    const cells = this.cells;
    for (let b = 0; b < cells.length / 2; b++) if (cells[2 * b] !== 0) visit(this.first + b, cells[2 * b], cells[2 * b + 1]);
  }

  /** adds n values summing to sum to bucket i */
  protected addToBucket(i: number, n: number, sum: number): void {
    let j = i - this.first;
    if (j < 0 || 2 * j >= this.cells.length) j = this.widen(i);
    this.cells[2 * j] += n;
    this.cells[2 * j + 1] += sum;
  }

  /** nearest-rank percentile (0 < fraction <= 1) from the buckets, clamped to [min, max]; null when empty */
  percentile(fraction: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.max(1, Math.ceil(fraction * this.count - 1e-9));
    if (rank <= this.zeros) return 0;
    return this.bucketMeans([rank])[0];
  }

  stats(): Stats {
    if (this.count === 0) return emptyStats();
    // the four percentiles in one pass over the buckets (each the same value percentile() gives)
    const found = this.bucketMeans(STAT_FRACTIONS.map((f) => Math.max(1, Math.ceil(f * this.count - 1e-9))));
    return { count: this.count, mean: this.sum / this.count, min: this.min, p50: found[0], p90: found[1], p95: found[2], p99: found[3], max: this.max };
  }

  /** for each rank (ascending, 1 .. count), the rank-th smallest value: 0 among the zeros, else its bucket's mean
   *  clamped to [min, max] (an empty bucket adds nothing to the ranks seen, so it never reaches a rank first) */
  protected bucketMeans(ranks: number[]): number[] {
    if (this.unsortedLen > 0) this.settle();
    const found = this.zeroRanks(ranks);
    let seen = this.zeroCount;
    const cells = this.cells;
    for (let j = 0; j < cells.length && found.length < ranks.length; j += 2) {
      seen += cells[j];
      while (found.length < ranks.length && seen >= ranks[found.length]) found.push(this.clamped(cells[j + 1] / cells[j]));
    }
    return this.topRanks(found, ranks);
  }

  /** the answers for the ranks among the zeros */
  protected zeroRanks(ranks: number[]): number[] {
    const found: number[] = [];
    while (found.length < ranks.length && ranks[found.length] <= this.zeroCount) found.push(0);
    return found;
  }

  /** the ranks no bucket reached (only by rounding): the max */
  protected topRanks(found: number[], ranks: number[]): number[] {
    while (found.length < ranks.length) found.push(this.high);
    return found;
  }

  protected clamped(mean: number): number {
    return Math.min(this.high, Math.max(this.low, mean));
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
