// A Histogram (metrics.ts) that keeps its buckets in one page per octave, made when the first value falls in
// that octave: the same buckets, sums and statistics, but a new octave never copies the others and an empty one
// costs nothing. For the record log's histograms (recordLog.ts): a large diagram has thousands, each widening as
// its tails fill in over a run, and whole-range copies made ~3 times the memory their buckets need (999 nodes:
// 72 MB of slabs per run, now ~25 MB). A small diagram keeps the contiguous Histogram: its fold is ~1 ns a value
// faster, with no page to look up.
import { Histogram, OCTAVES, SUB_BITS, SUBS, bucketOf, carve } from './metrics';

/** doubles in a page: (count, sum) for each bucket of one octave */
const PAGE = 2 * SUBS;

export class PagedHistogram extends Histogram {
  /** pages[o - firstOctave]: octave o's (count, sum) per bucket, or null while no value has fallen in it */
  private pages: (Float64Array | null)[] = [];
  /** pageCounts[k]: the values in pages[k] (exact integers), so that percentiles pass over whole pages */
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
    let pages = this.pages;
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
      const j = (i >> SUB_BITS) - firstOctave;
      let page = j >= 0 && j < pages.length ? pages[j] : null;
      if (page === null) {
        page = this.pageFor(i >> SUB_BITS);
        pages = this.pages;
        pageCounts = this.pageCounts;
        firstOctave = this.firstOctave;
      }
      const c = (i & (SUBS - 1)) << 1;
      pageCounts[(i >> SUB_BITS) - firstOctave]++;
      page[c]++;
      page[c + 1] += value;
    }
    this.total = sum;
    this.low = min;
    this.high = max;
    this.zeroCount = zeros;
  }

  /** the page of an octave, made when missing; the table of pages widens to twice the octaves it spans (at least
   *  4 either side), so a histogram reaches its range in a few steps, and only a page itself is new memory */
  private pageFor(octave: number): Float64Array {
    let j = octave - this.firstOctave;
    const held = this.pages.length;
    if (j < 0 || j >= held) { // (an empty table: every octave is outside it)
      const spare = Math.max(4, held);
      const first = Math.max(0, held > 0 && j >= 0 ? this.firstOctave : octave - spare);
      const end = Math.min(OCTAVES, held > 0 && j < 0 ? this.firstOctave + held : octave + spare + 1);
      const pages: (Float64Array | null)[] = []; // filled by push: packed elements, no hole checks in the fold
      const pageCounts = new Float64Array(end - first);
      for (let o = first; o < end; o++) {
        const kept = o >= this.firstOctave && o < this.firstOctave + held;
        pages.push(kept ? this.pages[o - this.firstOctave] : null);
        if (kept) pageCounts[o - first] = this.pageCounts[o - this.firstOctave];
      }
      this.pages = pages;
      this.pageCounts = pageCounts;
      this.firstOctave = first;
      j = octave - first;
    }
    return (this.pages[j] ??= carve(PAGE));
  }

  protected override eachBucket(visit: (i: number, n: number, sum: number) => void): void {
    this.pages.forEach((page, k) => {
      if (page === null) return;
      for (let c = 0; c < PAGE; c += 2) if (page[c] !== 0) visit(((this.firstOctave + k) << SUB_BITS) + (c >> 1), page[c], page[c + 1]);
    });
  }

  protected override addToBucket(i: number, n: number, sum: number): void {
    const page = this.pageFor(i >> SUB_BITS);
    const c = (i & (SUBS - 1)) << 1;
    this.pageCounts[(i >> SUB_BITS) - this.firstOctave] += n;
    page[c] += n;
    page[c + 1] += sum;
  }

  protected override bucketMeans(ranks: number[]): number[] {
    if (this.unsortedLen > 0) this.settle();
    const found = this.zeroRanks(ranks);
    let seen = this.zeroCount;
    for (let k = 0; k < this.pages.length; k++) {
      const page = this.pages[k];
      if (page === null) continue; // adds nothing to the ranks seen
      // a page whose values all rank below the next rank asked is passed over unread (its cells are cold memory
      // by the time of a report: a large diagram's pages are tens of MB)
      const pageCount = this.pageCounts[k];
      if (seen + pageCount < ranks[found.length]) {
        seen += pageCount;
        continue;
      }
      for (let c = 0; c < PAGE && found.length < ranks.length; c += 2) {
        seen += page[c];
        while (found.length < ranks.length && seen >= ranks[found.length]) found.push(this.clamped(page[c + 1] / page[c]));
      }
      if (found.length === ranks.length) break;
    }
    return this.topRanks(found, ranks);
  }
}
