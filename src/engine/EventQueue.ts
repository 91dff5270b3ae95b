// The future-event list, ordered by (time, seq): seq only grows, so events at the same virtual time run in
// the order they were scheduled. An event's payload sits in a slot and never moves. Few pending events live
// in a 4-ary min-heap of (time, seq, slot) in parallel typed arrays; past CALENDAR_ON of them the events move
// to a calendar queue (calendar.ts: O(1) on average however many are pending), and back below CALENDAR_OFF.
import { Calendar } from './calendar';

/** more pending events than this: the calendar queue; fewer than CALENDAR_OFF: the heap again */
const CALENDAR_ON = 128;
const CALENDAR_OFF = 32;

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
  // payloads by slot; free slots are chained through freeNext
  private type: Int32Array;
  private argA: Int32Array;
  private argB: Float64Array;
  private freeNext: Int32Array;
  private freeHead = -1;
  private count = 0;
  private nextSeq = 0;
  /** how many pending events switch to the calendar (tests set EventQueue.calendarFrom to compare both) */
  static calendarFrom = CALENDAR_ON;
  private readonly calendarOn = EventQueue.calendarFrom;
  /** the calendar, once events have been many (kept for reuse), and whether it holds the events now */
  private calendar: Calendar | null = null;
  private inCalendar = false;

  /** push()'s time, handed to pushSlow() (NaN: a double field from the start) */
  private pendingTimeMs = Number.NaN;

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

  /** time of the earliest event, only while size > 0 (no Infinity case: the hot loop's double stays unboxed) */
  headTime(): number {
    if (!this.inCalendar) return this.time[0];
    const calendar = this.calendar as Calendar;
    return calendar.timeOf(calendar.findMin());
  }

  /** the earliest event's payload slot (count > 0) */
  private headSlot(): number {
    return this.inCalendar ? (this.calendar as Calendar).findMin() : this.slot[0];
  }

  peekType(): number {
    return this.count > 0 ? this.type[this.headSlot()] : -1;
  }

  peekA(): number {
    return this.count > 0 ? this.argA[this.headSlot()] : -1;
  }

  /** schedules an event; the common case (heap, room, a finite time) stays small enough for V8 to inline it */
  push(timeMs: number, type: number, a: number, b: number): void {
    if (this.inCalendar || this.count === this.time.length || !(timeMs < Infinity)) {
      // the time goes through a double field: as an argument to a call that is not inlined it would be boxed
      this.pendingTimeMs = timeMs;
      this.pushSlow(type, a, b);
      return;
    }
    const time = this.time;
    const seqs = this.seq;
    const slots = this.slot;
    const seq = this.nextSeq++;
    const s = this.payload(type, a, b);
    let hole = this.count++;
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
    if (this.count > this.calendarOn) this.toCalendar();
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

  /** push() of an event at pendingTimeMs into the calendar, or after growing, or refused (a time that is not finite) */
  private pushSlow(type: number, a: number, b: number): void {
    const timeMs = this.pendingTimeMs;
    if (!(timeMs < Infinity)) throw new TimeOverflowError(timeMs); // also catches NaN
    if (this.count === this.time.length) this.grow();
    if (!this.inCalendar) {
      this.push(timeMs, type, a, b);
      return;
    }
    const s = this.payload(type, a, b);
    this.count++;
    const calendar = this.calendar as Calendar;
    calendar.insert(s, timeMs, this.nextSeq++);
    if (calendar.worn) this.recalibrate();
  }

  /** removes the earliest event into popped*; returns false when empty */
  pop(): boolean {
    if (this.count === 0) return false;
    if (this.inCalendar) return this.popCalendar();
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

  private popCalendar(): boolean {
    const calendar = this.calendar as Calendar;
    const s = calendar.removeMin();
    this.poppedTime = calendar.timeOf(s);
    this.poppedType = this.type[s];
    this.poppedA = this.argA[s];
    this.poppedB = this.argB[s];
    this.freeNext[s] = this.freeHead;
    this.freeHead = s;
    if (--this.count < CALENDAR_OFF) this.toHeap();
    else if (calendar.worn) this.recalibrate();
    return true;
  }

  /** the heap's events into the calendar (the heap arrays are scratch space from now on) */
  private toCalendar(): void {
    this.calendar ??= new Calendar(this.time.length);
    this.calendar.rebuild(this.time, this.seq, this.slot, this.count);
    this.inCalendar = true;
  }

  /** the calendar's events back into the heap: sorted by (time, seq), which is a valid heap */
  private toHeap(): void {
    const n = (this.calendar as Calendar).drain(this.time, this.seq, this.slot);
    const time = this.time;
    const seqs = this.seq;
    const slots = this.slot;
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
    this.inCalendar = false;
  }

  /** a new width for the calendar, from the events pending now */
  private recalibrate(): void {
    const calendar = this.calendar as Calendar;
    const n = calendar.drain(this.time, this.seq, this.slot);
    calendar.rebuild(this.time, this.seq, this.slot, n);
  }

  private grow(): void {
    const size = this.time.length * 2;
    const time = new Float64Array(size); time.set(this.time); this.time = time;
    const seq = new Float64Array(size); seq.set(this.seq); this.seq = seq;
    const slot = new Int32Array(size); slot.set(this.slot); this.slot = slot;
    const type = new Int32Array(size); type.set(this.type); this.type = type;
    const a = new Int32Array(size); a.set(this.argA); this.argA = a;
    const b = new Float64Array(size); b.set(this.argB); this.argB = b;
    const free = new Int32Array(size); free.set(this.freeNext); this.freeNext = free;
    this.calendar?.growSlots(size);
  }
}
