// A calendar queue (R. Brown, 1988) for the event list when many events are pending: time is cut into
// buckets of widthMs, bucket b holds the events whose virtual bucket floor(time / width) ≡ b (mod buckets),
// each bucket a list sorted by (time, seq). Popping scans from the current virtual bucket, so both operations
// cost O(1) on average when the width suits the spacing of the events near the head. The width is estimated
// from those events at every rebuild; long lists or empty scans trigger one. Exact: the event popped is always
// the least (time, seq), whatever the width (EventQueue.ts switches to this from its heap and back).

/** events sampled from the head to estimate the width */
const WIDTH_SAMPLE = 48;
/** the width: this many mean gaps between the events near the head (Brown's factor) */
const GAPS_PER_BUCKET = 3;

export class Calendar {
  // by slot (the EventQueue's payload slots): key, virtual bucket, next in its bucket's list
  private time: Float64Array;
  private seq: Float64Array;
  private vb: Float64Array;
  private next: Int32Array;
  // per bucket: first and last event
  private heads = new Int32Array(0);
  private tails = new Int32Array(0);
  private mask = 0;
  private invWidth = 1;
  /** the virtual bucket being scanned: no event has a smaller one */
  private current = 0;
  /** the least event, found by findMin() and kept until it is removed or a smaller one is inserted (-1 unknown) */
  private minSlot = -1;
  count = 0;
  /** steps walked along lists and over empty buckets since the last rebuild, and operations done */
  private steps = 0;
  private operations = 0;

  constructor(slots: number) {
    this.time = new Float64Array(slots);
    this.seq = new Float64Array(slots);
    this.vb = new Float64Array(slots);
    this.next = new Int32Array(slots);
  }

  /** room for `slots` payload slots (keeps the keys of the slots in use) */
  growSlots(slots: number): void {
    const time = new Float64Array(slots); time.set(this.time); this.time = time;
    const seq = new Float64Array(slots); seq.set(this.seq); this.seq = seq;
    const vb = new Float64Array(slots); vb.set(this.vb); this.vb = vb;
    const next = new Int32Array(slots); next.set(this.next); this.next = next;
  }

  /** true when the lists or the scans have grown long for the work done: the width no longer suits */
  get worn(): boolean {
    return this.steps > 8 * this.operations + 4 * this.heads.length;
  }

  /** empties the calendar into (time, seq, slot) arrays, in no particular order; returns the count */
  drain(times: Float64Array, seqs: Float64Array, slots: Int32Array): number {
    let n = 0;
    for (let b = 0; b < this.heads.length; b++) {
      for (let s = this.heads[b]; s >= 0; s = this.next[s]) {
        times[n] = this.time[s];
        seqs[n] = this.seq[s];
        slots[n] = s;
        n++;
      }
    }
    this.count = 0;
    this.minSlot = -1;
    return n;
  }

  /** starts over with the n given events: about one bucket per event, the width from the earliest ones */
  rebuild(times: Float64Array, seqs: Float64Array, slots: Int32Array, n: number): void {
    let buckets = 16;
    while (buckets < n) buckets *= 2;
    this.heads = new Int32Array(buckets).fill(-1);
    this.tails = new Int32Array(buckets).fill(-1);
    this.mask = buckets - 1;
    this.invWidth = 1 / widthFor(times, n);
    this.count = 0;
    this.minSlot = -1;
    this.steps = 0;
    this.operations = 0;
    this.current = Infinity;
    for (let i = 0; i < n; i++) this.insert(slots[i], times[i], seqs[i]);
  }

  /** adds event slot s with key (time, seq) */
  insert(s: number, time: number, seq: number): void {
    const v = Math.floor(time * this.invWidth);
    this.time[s] = time;
    this.seq[s] = seq;
    this.vb[s] = v;
    const b = (v | 0) & this.mask;
    const times = this.time;
    const seqs = this.seq;
    const next = this.next;
    const tail = this.tails[b];
    this.operations++;
    if (tail < 0) {
      this.heads[b] = s;
      this.tails[b] = s;
      next[s] = -1;
    } else if (time > times[tail] || (time === times[tail] && seq > seqs[tail])) {
      next[tail] = s;
      this.tails[b] = s;
      next[s] = -1;
    } else {
      let before = -1;
      let at = this.heads[b];
      while (times[at] < time || (times[at] === time && seqs[at] < seq)) {
        before = at;
        at = next[at];
        this.steps++;
      }
      next[s] = at;
      if (before < 0) this.heads[b] = s; else next[before] = s;
    }
    this.count++;
    if (v < this.current) this.current = v;
    const min = this.minSlot;
    if (min >= 0 && (time < times[min] || (time === times[min] && seq < seqs[min]))) this.minSlot = s;
  }

  /** the slot of the least event (count > 0) */
  findMin(): number {
    if (this.minSlot >= 0) return this.minSlot;
    const heads = this.heads;
    const vb = this.vb;
    const mask = this.mask;
    let v = this.current;
    for (let i = 0; i <= mask; i++) {
      const h = heads[(v | 0) & mask];
      if (h >= 0 && vb[h] === v) {
        this.current = v;
        this.minSlot = h;
        return h;
      }
      v++;
      this.steps++;
    }
    // a whole year without an event: the least head of all (each list is sorted)
    let best = -1;
    for (let b = 0; b <= mask; b++) {
      const h = heads[b];
      if (h >= 0 && (best < 0 || this.time[h] < this.time[best] || (this.time[h] === this.time[best] && this.seq[h] < this.seq[best]))) best = h;
    }
    this.current = vb[best];
    this.minSlot = best;
    return best;
  }

  /** removes the least event; returns its slot */
  removeMin(): number {
    const s = this.findMin();
    const b = (this.vb[s] | 0) & this.mask;
    const after = this.next[s];
    this.heads[b] = after;
    if (after < 0) this.tails[b] = -1;
    this.count--;
    this.operations++;
    this.minSlot = -1;
    return s;
  }

  /** the key of slot s */
  timeOf(s: number): number {
    return this.time[s];
  }
}

/** Brown's width: a few mean gaps between the earliest events (a positive, finite width in every case) */
function widthFor(times: Float64Array, n: number): number {
  const sorted = Float64Array.from(times.subarray(0, n)).sort();
  const k = Math.min(n, WIDTH_SAMPLE);
  let width = k > 1 ? (GAPS_PER_BUCKET * (sorted[k - 1] - sorted[0])) / (k - 1) : 0;
  if (!(width > 0) && n > 1) width = (GAPS_PER_BUCKET * (sorted[n - 1] - sorted[0])) / (n - 1);
  // virtual bucket numbers stay below 2^50 for the times pending (later ones only lose speed, never order)
  const floor = Math.max(Number.MIN_VALUE, Math.abs(sorted[n - 1] ?? 0) / 2 ** 50);
  return Number.isFinite(width) && width > floor ? width : Math.max(floor, 1);
}
