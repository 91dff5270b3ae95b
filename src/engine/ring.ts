// The far tier of the event list (EventQueue.ts) when many events are pending: time is cut into buckets of
// widthMs, and an event later than the current bucket is appended, unsorted, to its own bucket's list on a
// ring of them, or to an overflow heap (ordered by time) when it lies beyond the ring. Nothing else is ordered here: EventQueue
// takes one whole bucket at a time into its heap once the heap runs dry, so an event costs an append and a
// push into a heap of about one bucket's events, however many are pending. The width comes from the spacing
// of the earliest events (a few mean gaps); EventQueue rebuilds the ring when it no longer suits.

/** events sampled from the head to estimate the width */
const WIDTH_SAMPLE = 48;
/** the width: this many mean gaps between the events near the head */
const GAPS_PER_BUCKET = 2;
/** virtual bucket numbers stay below this (doubles count by ones up to 2^53): beyond it, a rebuild */
const BUCKET_LIMIT = 2 ** 50;

export class Ring {
  // by slot: the event's time, shared with EventQueue (it writes them; a new array when it grows), and the next
  // event in a bucket's list. Times travel in that array, never as arguments: a double passed to a call V8 does not
  // inline is boxed, an allocation per event
  private keyTime: Float64Array;
  private next: Int32Array;
  // per bucket: first and last event
  private heads = new Int32Array(0);
  private tails = new Int32Array(0);
  private mask = 0;
  private invWidth = 1;
  /** the last virtual bucket handed out: the ring holds the buckets after it, up to current + mask */
  private current = 0;
  /** events in the ring's buckets (EventQueue counts off the ones it takes) */
  count = 0;
  // the overflow: events beyond the ring, a binary min-heap on time, and the virtual bucket of its least
  private overflowTime: Float64Array;
  private overflowSlot: Int32Array;
  private overflowCount = 0;
  private overflowMin = Infinity;
  /** buckets stepped over empty, and buckets taken, since the last rebuild */
  private emptySteps = 0;
  private taken = 0;

  constructor(keyTime: Float64Array) {
    this.keyTime = keyTime;
    this.next = new Int32Array(keyTime.length);
    this.overflowTime = new Float64Array(keyTime.length);
    this.overflowSlot = new Int32Array(keyTime.length);
  }

  /** EventQueue grew: its new array of times, and room for as many slots (keeps the lists and the overflow) */
  growSlots(keyTime: Float64Array): void {
    const slots = keyTime.length;
    this.keyTime = keyTime;
    const next = new Int32Array(slots); next.set(this.next); this.next = next;
    const overflowTime = new Float64Array(slots); overflowTime.set(this.overflowTime); this.overflowTime = overflowTime;
    const overflowSlot = new Int32Array(slots); overflowSlot.set(this.overflowSlot); this.overflowSlot = overflowSlot;
  }

  get buckets(): number {
    return this.mask + 1;
  }

  /** true when buckets are mostly stepped over empty: the width is too narrow for the events pending */
  get sparse(): boolean {
    return this.emptySteps > 8 * this.taken + 4 * this.buckets;
  }

  /** add() when slot s's event is later than the current bucket; false (nothing done) when it belongs to the heap */
  addIfLater(s: number): boolean {
    const v = Math.floor(this.keyTime[s] * this.invWidth);
    if (v <= this.current) return false;
    this.place(s, v);
    return true;
  }

  after(s: number): number {
    return this.next[s];
  }

  /** adds slot s's event, later than the current bucket */
  add(s: number): void {
    this.place(s, Math.floor(this.keyTime[s] * this.invWidth));
  }

  /** add() with the event's virtual bucket v */
  private place(s: number, v: number): void {
    this.next[s] = -1;
    if (v - this.current > this.mask) {
      this.overflowPush(s);
      return;
    }
    const b = v & this.mask;
    const tail = this.tails[b];
    if (tail < 0) this.heads[b] = s; else this.next[tail] = s;
    this.tails[b] = s;
    this.count++;
  }

  /** true when the next bucket can be taken without a rebuild (the overflow's least bucket is countable) */
  get steady(): boolean {
    return this.count > 0 || this.overflowMin < BUCKET_LIMIT;
  }

  /** events in the overflow heap */
  get overflowing(): number {
    return this.overflowCount;
  }

  /** the events of the next bucket that holds any, as a list (after() walks it), with count > 0 or an overflow,
   *  and steady. The current bucket moves to it: the ring's events are all later than the ones handed out. */
  takeNext(): number {
    if (this.count === 0) {
      // only overflow events are left: the ring starts again just before the earliest of them
      this.current = this.overflowMin - 1;
      this.spreadOverflow();
    }
    for (;;) {
      const v = ++this.current;
      // the ring now reaches bucket v + mask (it shares a list with v - 1, already empty): overflow events there move in
      if (this.overflowMin - v <= this.mask) this.spreadOverflow();
      const b = v & this.mask;
      const head = this.heads[b];
      if (head < 0) {
        this.emptySteps++;
        continue;
      }
      this.heads[b] = -1;
      this.tails[b] = -1;
      this.taken++;
      return head;
    }
  }

  /** the overflow's events that the ring now reaches, into their buckets (earliest first) */
  private spreadOverflow(): void {
    while (this.overflowMin - this.current <= this.mask) this.add(this.overflowPop());
  }

  private overflowPush(s: number): void {
    const time = this.keyTime[s];
    const times = this.overflowTime;
    const slots = this.overflowSlot;
    let hole = this.overflowCount++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      if (times[parent] <= time) break;
      times[hole] = times[parent];
      slots[hole] = slots[parent];
      hole = parent;
    }
    times[hole] = time;
    slots[hole] = s;
    this.overflowMin = Math.floor(times[0] * this.invWidth);
  }

  /** removes the overflow's earliest event; returns its slot */
  private overflowPop(): number {
    const times = this.overflowTime;
    const slots = this.overflowSlot;
    const top = slots[0];
    const last = --this.overflowCount;
    const time = times[last];
    let hole = 0;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= last) break;
      if (child + 1 < last && times[child + 1] < times[child]) child++;
      if (time <= times[child]) break;
      times[hole] = times[child];
      slots[hole] = slots[child];
      hole = child;
    }
    times[hole] = time;
    slots[hole] = slots[last];
    this.overflowMin = last > 0 ? Math.floor(times[0] * this.invWidth) : Infinity;
    return top;
  }

  /** empties the ring into slots[at ..], in no particular order; returns the new end */
  drain(slots: Int32Array, at: number): number {
    let n = at;
    for (let b = 0; b < this.heads.length; b++) {
      for (let s = this.heads[b]; s >= 0; s = this.next[s]) slots[n++] = s;
    }
    for (let i = 0; i < this.overflowCount; i++) slots[n++] = this.overflowSlot[i];
    this.heads.fill(-1);
    this.tails.fill(-1);
    this.count = 0;
    this.overflowCount = 0;
    this.overflowMin = Infinity;
    return n;
  }

  /** starts over for the n events given by their times (none of them added yet): about one bucket per event, the
   *  width from the earliest ones, the current bucket the earliest event's (its events belong to the heap) */
  reset(times: Float64Array, n: number): void {
    let buckets = 16;
    while (buckets < n) buckets *= 2;
    if (buckets !== this.heads.length) {
      this.heads = new Int32Array(buckets);
      this.tails = new Int32Array(buckets);
    }
    this.heads.fill(-1);
    this.tails.fill(-1);
    this.mask = buckets - 1;
    const { width, least } = widthFor(times, n);
    this.invWidth = 1 / width;
    this.count = 0;
    this.overflowCount = 0;
    this.overflowMin = Infinity;
    this.emptySteps = 0;
    this.taken = 0;
    this.current = Math.floor(least * this.invWidth);
  }
}

/** a width of a few mean gaps between the earliest events, and the earliest time (a positive, finite width in
 *  every case, wide enough that the sampled events' virtual buckets stay below BUCKET_LIMIT; a far later event
 *  waits in the overflow, and the ring is rebuilt around it if it is ever the next one) */
function widthFor(times: Float64Array, n: number): { width: number; least: number } {
  const sorted = Float64Array.from(times.subarray(0, n)).sort();
  const k = Math.min(n, WIDTH_SAMPLE);
  let width = k > 1 ? (GAPS_PER_BUCKET * (sorted[k - 1] - sorted[0])) / (k - 1) : 0;
  if (!(width > 0) && n > 1) width = (GAPS_PER_BUCKET * (sorted[n - 1] - sorted[0])) / (n - 1);
  const largest = Math.max(Math.abs(sorted[0] ?? 0), Math.abs(sorted[k - 1] ?? 0));
  const floor = Math.max(Number.MIN_VALUE, largest / (BUCKET_LIMIT / 4));
  return { width: Number.isFinite(width) && width > floor ? width : Math.max(floor, 1), least: sorted[0] ?? 0 };
}
