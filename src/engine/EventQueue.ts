// The future-event list: a binary min-heap on typed arrays ordered by (time, seq). seq only
// grows, so events at the same virtual time run in the order they were scheduled.

/** thrown when an event would be scheduled at a time that is not a finite number (e.g. a 1e308 ms draw) */
export class TimeOverflowError extends Error {
  constructor(timeMs: number) {
    super(`engine: an event was scheduled at ${timeMs} ms; durations this large cannot be simulated`);
    this.name = 'TimeOverflowError';
  }
}

/** An event is (time, seq, type code, integer argument a, number argument b). */
export class EventQueue {
  private time: Float64Array;
  private seq: Float64Array;
  private type: Int32Array;
  private argA: Int32Array;
  private argB: Float64Array;
  private count = 0;
  private nextSeq = 0;

  // the event last popped, read by the caller
  poppedTime = 0;
  poppedType = 0;
  poppedA = 0;
  poppedB = 0;

  constructor(initialCapacity = 64) {
    this.time = new Float64Array(initialCapacity);
    this.seq = new Float64Array(initialCapacity);
    this.type = new Int32Array(initialCapacity);
    this.argA = new Int32Array(initialCapacity);
    this.argB = new Float64Array(initialCapacity);
  }

  get size(): number {
    return this.count;
  }

  /** time of the earliest event; Infinity when empty */
  peekTime(): number {
    return this.count > 0 ? this.time[0] : Infinity;
  }

  /** time of the earliest event, only while size > 0 (no Infinity case: the hot loop's double stays unboxed) */
  headTime(): number {
    return this.time[0];
  }

  peekType(): number {
    return this.count > 0 ? this.type[0] : -1;
  }

  peekA(): number {
    return this.count > 0 ? this.argA[0] : -1;
  }

  push(timeMs: number, type: number, a: number, b: number): void {
    if (!(timeMs < Infinity)) throw new TimeOverflowError(timeMs); // also catches NaN
    if (this.count === this.time.length) this.grow();
    const seq = this.nextSeq++;
    const time = this.time;
    const seqs = this.seq;
    let hole = this.count++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const pt = time[parent];
      if (pt < timeMs || (pt === timeMs && seqs[parent] < seq)) break;
      time[hole] = pt;
      seqs[hole] = seqs[parent];
      this.type[hole] = this.type[parent];
      this.argA[hole] = this.argA[parent];
      this.argB[hole] = this.argB[parent];
      hole = parent;
    }
    time[hole] = timeMs;
    seqs[hole] = seq;
    this.type[hole] = type;
    this.argA[hole] = a;
    this.argB[hole] = b;
  }

  /** removes the earliest event into popped*; returns false when empty */
  pop(): boolean {
    if (this.count === 0) return false;
    const time = this.time;
    const seqs = this.seq;
    const types = this.type;
    const as = this.argA;
    const bs = this.argB;
    this.poppedTime = time[0];
    this.poppedType = types[0];
    this.poppedA = as[0];
    this.poppedB = bs[0];
    const last = --this.count;
    if (last === 0) return true;
    const t = time[last];
    const s = seqs[last];
    let hole = 0;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last && (time[right] < time[child] || (time[right] === time[child] && seqs[right] < seqs[child]))) child = right;
      const ct = time[child];
      if (t < ct || (t === ct && s < seqs[child])) break;
      time[hole] = ct;
      seqs[hole] = seqs[child];
      types[hole] = types[child];
      as[hole] = as[child];
      bs[hole] = bs[child];
      hole = child;
    }
    time[hole] = t;
    seqs[hole] = s;
    types[hole] = types[last];
    as[hole] = as[last];
    bs[hole] = bs[last];
    return true;
  }

  private grow(): void {
    const size = this.time.length * 2;
    const time = new Float64Array(size); time.set(this.time); this.time = time;
    const seq = new Float64Array(size); seq.set(this.seq); this.seq = seq;
    const type = new Int32Array(size); type.set(this.type); this.type = type;
    const a = new Int32Array(size); a.set(this.argA); this.argA = a;
    const b = new Float64Array(size); b.set(this.argB); this.argB = b;
  }
}
