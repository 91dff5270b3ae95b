// The future-event list, ordered by (time, seq): seq only grows, so events at the same virtual time run in
// the order they were scheduled. An event's payload sits in a slot and never moves. Few pending events live
// in a 4-ary min-heap of (time, seq, slot) in parallel typed arrays. Past RING_ON of them the list gets a far
// tier (ring.ts): the heap keeps only the events of the current time bucket, later ones are appended unsorted
// to their bucket, and a bucket moves into the heap when the heap runs dry, so an event costs O(1) however many
// are pending. Below RING_OFF the heap takes them all back.
import { Ring } from './ring';

/** more pending events than this: the ring; fewer than RING_OFF: the heap alone again */
const RING_ON = 128;
const RING_OFF = 32;

/** thrown when an event would be scheduled at a time that is not a finite number (e.g. a 1e308 ms draw) */
export class TimeOverflowError extends Error {
  constructor(timeMs: number) {
    super(`engine: an event was scheduled at ${timeMs} ms; durations this large cannot be simulated`);
    this.name = 'TimeOverflowError';
  }
}

/** An event is (time, seq, type code, integer argument a, number argument b). */
export class EventQueue {
  // the heap, in heap order: key (time, seq) and the payload slot
  private time: Float64Array;
  private seq: Float64Array;
  private slot: Int32Array;
  // payloads by slot, with their keys (the ring reads them there); free slots are chained through freeNext
  private keyTime: Float64Array;
  private keySeq: Float64Array;
  private type: Int32Array;
  private argA: Int32Array;
  private argB: Float64Array;
  private freeNext: Int32Array;
  private freeHead = -1;
  /** events pending: in the heap (heapCount of them, all of them while the ring is off) and in the ring */
  private count = 0;
  private heapCount = 0;
  private nextSeq = 0;
  /** how many pending events switch the ring on (tests set EventQueue.ringFrom to compare with the heap alone) */
  static ringFrom = RING_ON;
  private readonly ringOn = EventQueue.ringFrom;
  /** the ring, once events have been many (kept for reuse), whether it is on, and operations since it was rebuilt */
  private ring: Ring | null = null;
  private ringed = false;
  private sinceRebuild = 0;

  /** push()'s time, handed to pushSlow() (NaN: a double field from the start) */
  private pendingTimeMs = Number.NaN;
  /** the run loop's time limit for due() (a field, not an argument: see heapInsert()) */
  dueLimitMs = Infinity;

  // the event last popped, read by the caller
  poppedTime = 0;
  poppedType = 0;
  poppedA = 0;
  poppedB = 0;

  constructor(initialCapacity = 64) {
    const size = Math.max(4, initialCapacity);
    this.time = new Float64Array(size);
    this.seq = new Float64Array(size);
    this.slot = new Int32Array(size);
    this.keyTime = new Float64Array(size);
    this.keySeq = new Float64Array(size);
    this.type = new Int32Array(size);
    this.argA = new Int32Array(size);
    this.argB = new Float64Array(size);
    this.freeNext = new Int32Array(size);
  }

  get size(): number {
    return this.count;
  }

  /** time of the earliest event; Infinity when empty */
  peekTime(): number {
    return this.count > 0 ? this.headTime() : Infinity;
  }

  /** time of the earliest event, only while size > 0 (peekTime() adds the empty case; the run loop asks due()) */
  headTime(): number {
    if (this.ringed && this.heapCount === 0) this.refill();
    return this.time[0];
  }

  /** true when the earliest event's time is at most dueLimitMs (size > 0). The run loop asks this rather than for
   *  headTime(): a double returned from a call V8 does not inline is boxed, an allocation per event */
  due(): boolean {
    if (this.ringed && this.heapCount === 0) this.refill();
    return this.time[0] <= this.dueLimitMs;
  }

  /** the earliest event's payload slot (count > 0) */
  private headSlot(): number {
    if (this.ringed && this.heapCount === 0) this.refill();
    return this.slot[0];
  }

  peekType(): number {
    return this.count > 0 ? this.type[this.headSlot()] : -1;
  }

  peekA(): number {
    return this.count > 0 ? this.argA[this.headSlot()] : -1;
  }

  /** schedules an event; the common case (heap, room, a finite time) stays small enough for V8 to inline it */
  push(timeMs: number, type: number, a: number, b: number): void {
    if (this.ringed || this.count === this.time.length || !(timeMs < Infinity)) {
      // the time goes through a double field: as an argument to a call that is not inlined it would be boxed
      this.pendingTimeMs = timeMs;
      this.pushSlow(type, a, b);
      return;
    }
    const s = this.payload(type, a, b);
    this.count++;
    this.keyTime[s] = timeMs;
    this.keySeq[s] = this.nextSeq++;
    this.heapInsert(s);
    if (this.count > this.ringOn) this.toRing();
  }

  /** a payload slot for the event: a freed one, else the next never used (slots in use never exceed count) */
  private payload(type: number, a: number, b: number): number {
    let s = this.freeHead;
    if (s >= 0) this.freeHead = this.freeNext[s];
    else s = this.count;
    this.type[s] = type;
    this.argA[s] = a;
    this.argB[s] = b;
    return s;
  }

  /** push() of an event at pendingTimeMs into the ring or the heap under it, or after growing, or refused (a time
   *  that is not finite) */
  private pushSlow(type: number, a: number, b: number): void {
    const timeMs = this.pendingTimeMs;
    if (!(timeMs < Infinity)) throw new TimeOverflowError(this.pendingTimeMs); // also catches NaN
    if (this.count === this.time.length) this.grow();
    const s = this.payload(type, a, b);
    this.count++;
    this.keyTime[s] = timeMs;
    this.keySeq[s] = this.nextSeq++;
    if (!this.ringed) {
      this.heapInsert(s);
      if (this.count > this.ringOn) this.toRing();
    } else if (!(this.ring as Ring).addIfLater(s)) {
      this.heapInsert(s);
    }
  }

  /** adds slot s's event to the heap (sifting up). Its key is read from the slot: a double passed to a call V8
   *  does not inline is boxed (with the ring's functions inlined into the run loop, V8 runs out of inlining budget
   *  for the callers of this one: an allocation per event) */
  private heapInsert(s: number): void {
    const timeMs = this.keyTime[s];
    const seq = this.keySeq[s];
    const time = this.time;
    const seqs = this.seq;
    const slots = this.slot;
    let hole = this.heapCount++;
    while (hole > 0) {
      const parent = (hole - 1) >> 2;
      const pt = time[parent];
      if (pt < timeMs || (pt === timeMs && seqs[parent] < seq)) break;
      time[hole] = pt;
      seqs[hole] = seqs[parent];
      slots[hole] = slots[parent];
      hole = parent;
    }
    time[hole] = timeMs;
    seqs[hole] = seq;
    slots[hole] = s;
  }

  /** removes the earliest event into popped*; returns false when empty */
  pop(): boolean {
    if (this.count === 0) return false;
    if (this.ringed) return this.popRinged();
    const time = this.time;
    const seqs = this.seq;
    const slots = this.slot;
    const top = slots[0];
    this.poppedTime = time[0];
    this.poppedType = this.type[top];
    this.poppedA = this.argA[top];
    this.poppedB = this.argB[top];
    this.freeNext[top] = this.freeHead;
    this.freeHead = top;
    const last = --this.count;
    this.heapCount = last;
    if (last === 0) return true;
    if (last > 1) {
      this.siftDown(last);
      return true;
    }
    // one event left: it moves to the root (the common case of a tiny diagram, kept small for inlining)
    time[0] = time[1];
    seqs[0] = seqs[1];
    slots[0] = slots[1];
    return true;
  }

  /** pop() with more than one event left: the last event sifts down from the root hole (4-ary) */
  private siftDown(last: number): void {
    const time = this.time;
    const seqs = this.seq;
    const slots = this.slot;
    const t = time[last];
    const s = seqs[last];
    let hole = 0;
    for (;;) {
      const first = 4 * hole + 1;
      if (first >= last) break;
      // the least of up to four children
      let child = first;
      let ct = time[first];
      let cs = seqs[first];
      const end = first + 4 < last ? first + 4 : last;
      for (let c = first + 1; c < end; c++) {
        const x = time[c];
        if (x < ct || (x === ct && seqs[c] < cs)) { child = c; ct = x; cs = seqs[c]; }
      }
      if (t < ct || (t === ct && s < cs)) break;
      time[hole] = ct;
      seqs[hole] = cs;
      slots[hole] = slots[child];
      hole = child;
    }
    time[hole] = t;
    seqs[hole] = s;
    slots[hole] = slots[last];
  }

  /** pop() while the ring is on: from the heap, refilled from the ring's next bucket when it runs dry */
  private popRinged(): boolean {
    if (this.heapCount === 0) this.refill();
    const top = this.slot[0];
    this.poppedTime = this.time[0];
    this.poppedType = this.type[top];
    this.poppedA = this.argA[top];
    this.poppedB = this.argB[top];
    this.freeNext[top] = this.freeHead;
    this.freeHead = top;
    this.count--;
    const last = --this.heapCount;
    if (last > 0) this.siftDown(last);
    if (this.count < RING_OFF) this.toHeap();
    // checked every 64 pops, once as many operations as events pending have passed since the last rebuild
    else if ((++this.sinceRebuild & 63) === 0 && this.sinceRebuild > this.count && this.worn()) this.rebuild();
    return true;
  }

  /** the heap is empty and the ring is not: the ring's next bucket moves into the heap (a rebuild first when the
   *  overflow has times too far to count buckets to) */
  private refill(): void {
    const ring = this.ring as Ring;
    if (!ring.steady) {
      this.rebuild();
      if (this.heapCount > 0) return;
    }
    let moved = 0;
    for (let s = ring.takeNext(); s >= 0; s = ring.after(s)) {
      this.heapInsert(s);
      moved++;
    }
    ring.count -= moved;
  }

  /** true when the ring's width or size no longer suits the events pending: buckets mostly empty, the heap
   *  holding most events (buckets too wide), or many events beyond the ring */
  private worn(): boolean {
    const ring = this.ring as Ring;
    return ring.sparse || this.heapCount > 64 + (this.count >> 1) || ring.overflowing > 16 + (this.count >> 2);
  }

  /** the heap's events into the ring and the heap under it */
  private toRing(): void {
    this.ring ??= new Ring(this.keyTime);
    this.ringed = true;
    this.rebuild();
  }

  /** every pending event gathered, a new width and bucket count for the ring, and the events shared out again:
   *  the earliest bucket's to the heap, the rest to the ring */
  private rebuild(): void {
    const ring = this.ring as Ring;
    const n = ring.drain(this.slot, this.heapCount);
    const slots = this.slot.slice(0, n);
    ring.reset(Float64Array.from(slots, (s) => this.keyTime[s]), n);
    this.heapCount = 0;
    this.sinceRebuild = 0;
    for (let i = 0; i < n; i++) if (!ring.addIfLater(slots[i])) this.heapInsert(slots[i]);
  }

  /** the ring's events back into the heap: sorted by (time, seq), which is a valid heap */
  private toHeap(): void {
    const n = (this.ring as Ring).drain(this.slot, this.heapCount);
    const time = this.time;
    const seqs = this.seq;
    const slots = this.slot;
    for (let i = 0; i < n; i++) {
      time[i] = this.keyTime[slots[i]];
      seqs[i] = this.keySeq[slots[i]];
    }
    for (let i = 1; i < n; i++) {
      const t = time[i];
      const q = seqs[i];
      const s = slots[i];
      let j = i - 1;
      for (; j >= 0 && (time[j] > t || (time[j] === t && seqs[j] > q)); j--) {
        time[j + 1] = time[j];
        seqs[j + 1] = seqs[j];
        slots[j + 1] = slots[j];
      }
      time[j + 1] = t;
      seqs[j + 1] = q;
      slots[j + 1] = s;
    }
    this.heapCount = n;
    this.ringed = false;
  }

  private grow(): void {
    const size = this.time.length * 2;
    const time = new Float64Array(size); time.set(this.time); this.time = time;
    const seq = new Float64Array(size); seq.set(this.seq); this.seq = seq;
    const slot = new Int32Array(size); slot.set(this.slot); this.slot = slot;
    const keyTime = new Float64Array(size); keyTime.set(this.keyTime); this.keyTime = keyTime;
    const keySeq = new Float64Array(size); keySeq.set(this.keySeq); this.keySeq = keySeq;
    const type = new Int32Array(size); type.set(this.type); this.type = type;
    const a = new Int32Array(size); a.set(this.argA); this.argA = a;
    const b = new Float64Array(size); b.set(this.argB); this.argB = b;
    const free = new Int32Array(size); free.set(this.freeNext); this.freeNext = free;
    this.ring?.growSlots(this.keyTime);
  }
}
