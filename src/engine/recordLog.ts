// The kernel's per-node latency samples (the three run-wide histograms, always in cache, are recorded directly).
// Every value is appended to one log of (histogram id, value):
// sequential writes in one place however many nodes the diagram has, so recording touches no per-node
// memory. When the log is full (and before any histogram is read) it is folded: a stable counting sort
// groups the values by histogram, and each histogram absorbs its values in record order, so every sum,
// bucket and extreme is exactly what recording them one by one would give. A small diagram (few histograms,
// all of them in the nearest cache) skips the log: each value is appended to its histogram's own buffer. Zeros
// (a copy read the instant it arrived) change no sum and no bucket, whatever their order: they are only counted.
import { Histogram } from './metrics';
import { PagedHistogram } from './pagedHistogram';

/** log entries per histogram registered (at least MIN_ENTRIES, at most MAX_ENTRIES: 999 nodes, 1,332 histograms,
 *  682K entries, 14 MB). More values per histogram per fold touch its buckets' cache lines fewer times per value;
 *  past this the log's own memory traffic costs as much (2^21 measured equal, 2^19 6 % slower: docs/benchmarks.md) */
const ENTRIES_PER_HISTOGRAM = 512;
const MIN_ENTRIES = 4096;
const MAX_ENTRIES = 1 << 20;
/** at most this many histograms: values go straight to each histogram's buffer (sorting would cost more than it saves) */
const UNSORTED_MAX = 16;

export class RecordLog {
  private readonly histograms: Histogram[] = [];
  /** histograms added so far (made by seal()) */
  private added = 0;
  private ids = new Int32Array(0);
  private values = new Float64Array(0);
  private grouped = new Float64Array(0);
  private starts = new Int32Array(0);
  /** zeros recorded per histogram and not yet handed to it */
  private zeros = new Float64Array(0);
  private length = 0;
  /** few histograms (all in the nearest cache): values go straight to their histogram's own append buffer */
  private direct = false;

  /** a new histogram fed through the log; returns its id */
  add(): number {
    return this.added++;
  }

  /** makes the histograms and sizes the log once every histogram is added: a few contiguous ones fed directly,
   *  or many paged ones (pagedHistogram.ts) fed by the log */
  seal(): void {
    this.zeros = new Float64Array(this.added);
    this.direct = this.added <= UNSORTED_MAX;
    for (let id = 0; id < this.added; id++) this.histograms.push(this.direct ? new Histogram() : new PagedHistogram());
    if (this.direct) return; // values go to the histograms: no log to size
    const entries = Math.min(MAX_ENTRIES, Math.max(MIN_ENTRIES, ENTRIES_PER_HISTOGRAM * this.histograms.length));
    this.ids = new Int32Array(entries);
    this.values = new Float64Array(entries);
    this.grouped = new Float64Array(entries);
    this.starts = new Int32Array(this.histograms.length + 1);
  }

  /** records a non-negative value into histogram id (small: inlined where it is called, the double stays unboxed) */
  record(id: number, value: number): void {
    if (value === 0) {
      this.zeros[id]++;
      return;
    }
    if (this.direct) {
      this.histograms[id].record(value);
      return;
    }
    const at = this.length;
    this.ids[at] = id;
    this.values[at] = value;
    if ((this.length = at + 1) === this.ids.length) this.fold();
  }

  /** histogram id with every value recorded so far */
  get(id: number): Histogram {
    if (this.length > 0) this.fold();
    const histogram = this.histograms[id];
    if (this.zeros[id] > 0) {
      histogram.addZeros(this.zeros[id]);
      this.zeros[id] = 0;
    }
    return histogram;
  }

  /** groups the logged values by histogram (stable) and hands each histogram its values in order */
  fold(): void {
    const n = this.length;
    const ids = this.ids;
    this.length = 0;
    const starts = this.starts;
    const histograms = this.histograms.length;
    starts.fill(0);
    for (let i = 0; i < n; i++) starts[ids[i] + 1]++;
    for (let h = 0; h < histograms; h++) starts[h + 1] += starts[h];
    // starts[h] is now where histogram h's values go; filling moves it to the start of h + 1
    const values = this.values;
    const grouped = this.grouped;
    for (let i = 0; i < n; i++) grouped[starts[ids[i]]++] = values[i];
    let from = 0;
    for (let h = 0; h < histograms; h++) {
      const to = starts[h];
      if (to > from) this.histograms[h].absorb(grouped, from, to);
      from = to;
    }
  }
}
