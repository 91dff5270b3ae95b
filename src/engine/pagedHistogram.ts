// A Histogram (metrics.ts) that keeps its buckets in one page per octave, made when the first value falls in
// that octave: the same buckets, sums and statistics, but a new octave never copies the others and an empty one
// costs nothing. For the record log's histograms (recordLog.ts): a large diagram has thousands, each widening as
// its tails fill in over a run, and whole-range copies made ~3 times the memory their buckets need (999 nodes:
// 72 MB of slabs per run, now ~25 MB). A small diagram keeps the contiguous Histogram: its fold is ~1 ns a value
// faster, with no page to look up.
// A page is an octave's bucket sums (doubles) and, apart, their counts in 16 bits: a fold of a large diagram's
// histogram misses the cache on about every line of its buckets, and 10 bytes a bucket span 37 % fewer lines than
// a (count, sum) pair of doubles. A count that reaches 65,536 wraps to 0 and adds one to the bucket's wraps.
import { Histogram, OCTAVES, SUB_BITS, SUBS, bucketOf, carve } from './metrics';

/** a bucket's count wraps to 0 at this (a 16-bit count) */
const WRAP = 65536;

/** a zeroed page of 16-bit counts, on a slab like the sums (carve() hands out doubles: 4 counts each) */
function carveCounts(): Uint16Array {
  const doubles = carve(SUBS / 4);
  return new Uint16Array(doubles.buffer, doubles.byteOffset, SUBS);
}

export class PagedHistogram extends Histogram {
  /** sums[o - firstOctave]: octave o's sum per bucket, or null while no value has fallen in it */
  private sums: (Float64Array | null)[] = [];
  /** counts[o - firstOctave]: octave o's count per bucket, modulo WRAP (null exactly where sums is) */
  private counts: (Uint16Array | null)[] = [];
  /** the buckets whose counts wrapped, and how many times (WRAP values each) */
  private wraps = new Map<number, number>();
  /** pageCounts[k]: the values in page k (exact integers), so that percentiles pass over whole pages */
  private pageCounts = new Float64Array(0);
  private firstOctave = 0;

  /** no batch preparation: a page is made when a value first needs it */
  protected override prepare(): void {}

  /** Histogram.fold() with a page looked up per value. The totals' lines repeat that loop's on purpose: a shared
   *  totals pass before a buckets pass measured 13-20 % slower in the contiguous fold, the 3-node hot path */
  protected override fold(values: Float64Array, from: number, to: number): void {
    let sum = this.total;
    let min = this.low;
    let max = this.high;
    let zeros = this.zeroCount;
    let sums = this.sums;
    let counts = this.counts;
    let pageCounts = this.pageCounts;
    let firstOctave = this.firstOctave;
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
      let j = (i >> SUB_BITS) - firstOctave;
      let page = j >= 0 && j < sums.length ? sums[j] : null;
      if (page === null) {
        page = this.pageFor(i >> SUB_BITS);
        sums = this.sums;
        counts = this.counts;
        pageCounts = this.pageCounts;
        firstOctave = this.firstOctave;
        j = (i >> SUB_BITS) - firstOctave;
      }
      const c = i & (SUBS - 1);
      pageCounts[j]++;
      page[c] += value;
      const cells = counts[j] as Uint16Array;
      const n = cells[c] + 1;
      cells[c] = n;
      if (n === WRAP) this.wrapped(i);
    }
    this.total = sum;
    this.low = min;
    this.high = max;
    this.zeroCount = zeros;
  }

  /** bucket i's count just wrapped to 0 */
  private wrapped(i: number): void {
    this.wraps.set(i, (this.wraps.get(i) ?? 0) + 1);
  }

  /** the values in bucket i: counts[j][c] with the wraps */
  private countOf(i: number, cells: Uint16Array, c: number): number {
    return this.wraps.size === 0 ? cells[c] : cells[c] + WRAP * (this.wraps.get(i) ?? 0);
  }

  /** the sums page of an octave, made (with its counts page) when missing; the table of pages widens to twice the
   *  octaves it spans (at least 4 either side), so a histogram reaches its range in a few steps, and only the pages
   *  themselves are new memory */
  private pageFor(octave: number): Float64Array {
    let j = octave - this.firstOctave;
    const held = this.sums.length;
    if (j < 0 || j >= held) { // (an empty table: every octave is outside it)
      const spare = Math.max(4, held);
      const first = Math.max(0, held > 0 && j >= 0 ? this.firstOctave : octave - spare);
      const end = Math.min(OCTAVES, held > 0 && j < 0 ? this.firstOctave + held : octave + spare + 1);
      // filled by push: packed elements, no hole checks in the fold
      const sums: (Float64Array | null)[] = [];
      const counts: (Uint16Array | null)[] = [];
      const pageCounts = new Float64Array(end - first);
      for (let o = first; o < end; o++) {
        const kept = o >= this.firstOctave && o < this.firstOctave + held;
        sums.push(kept ? this.sums[o - this.firstOctave] : null);
        counts.push(kept ? this.counts[o - this.firstOctave] : null);
        if (kept) pageCounts[o - first] = this.pageCounts[o - this.firstOctave];
      }
      this.sums = sums;
      this.counts = counts;
      this.pageCounts = pageCounts;
      this.firstOctave = first;
      j = octave - first;
    }
    let page = this.sums[j];
    if (page === null) {
      page = carve(SUBS);
      this.sums[j] = page;
      this.counts[j] = carveCounts();
    }
    return page;
  }

  protected override eachBucket(visit: (i: number, n: number, sum: number) => void): void {
    this.sums.forEach((page, k) => {
      const cells = this.counts[k];
      if (page === null || cells === null) return;
      for (let c = 0; c < SUBS; c++) {
        const i = ((this.firstOctave + k) << SUB_BITS) + c;
        const n = this.countOf(i, cells, c);
        if (n !== 0) visit(i, n, page[c]);
      }
    });
  }

  protected override addToBucket(i: number, n: number, sum: number): void {
    const page = this.pageFor(i >> SUB_BITS);
    const j = (i >> SUB_BITS) - this.firstOctave;
    const c = i & (SUBS - 1);
    const cells = this.counts[j] as Uint16Array;
    this.pageCounts[j] += n;
    page[c] += sum;
    // n may be any count (a merge): the low 16 bits in the page, the rest as wraps
    const total = cells[c] + n;
    cells[c] = total % WRAP;
    const wraps = Math.floor(total / WRAP);
    if (wraps > 0) this.wraps.set(i, (this.wraps.get(i) ?? 0) + wraps);
  }

  protected override bucketMeans(ranks: number[]): number[] {
    if (this.unsortedLen > 0) this.settle();
    const found = this.zeroRanks(ranks);
    let seen = this.zeroCount;
    for (let k = 0; k < this.sums.length; k++) {
      const page = this.sums[k];
      const cells = this.counts[k];
      if (page === null || cells === null) continue; // adds nothing to the ranks seen
      // a page whose values all rank below the next rank asked is passed over unread (its cells are cold memory
      // by the time of a report: a large diagram's pages are tens of MB)
      const pageCount = this.pageCounts[k];
      if (seen + pageCount < ranks[found.length]) {
        seen += pageCount;
        continue;
      }
      for (let c = 0; c < SUBS && found.length < ranks.length; c++) {
        const n = this.countOf(((this.firstOctave + k) << SUB_BITS) + c, cells, c);
        seen += n;
        while (found.length < ranks.length && seen >= ranks[found.length]) found.push(this.clamped(page[c] / n));
      }
      if (found.length === ranks.length) break;
    }
    return this.topRanks(found, ranks);
  }
}
