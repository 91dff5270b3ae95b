// The message pool: every live message copy is a slot in parallel typed arrays (struct of
// arrays) with a free list, grown by doubling; no per-message objects are kept.

/** where a slot's message is */
export const FREE = 0;
export const TRANSIT = 1;
export const STORED = 2;
export const BLOCKED = 3;
export const SERVICE = 4;
export const BACKOFF = 5;

export class MessagePool {
  capacity: number;
  /** copy id (Q set), -1 for a message travelling to a topic (not a copy yet) */
  id: Int32Array;
  parent: Int32Array;
  root: Int32Array;
  event: Int32Array;
  /** the queue or handler the copy was sent to */
  node: Int32Array;
  edge: Int32Array;
  key: Int32Array;
  part: Int32Array;
  /** -1 nobody; publisher node index; or a hold token (see flow.ts) */
  sender: Int32Array;
  attempts: Int32Array;
  handler: Int32Array;
  /** architect.md "Priorities": 0 … 9 */
  prio: Int32Array;
  /** the node that made the copy: its publisher, the handler that emitted it, or the queue that dead-lettered it */
  origin: Int32Array;
  state: Int32Array;
  next: Int32Array;
  prev: Int32Array;
  pubMs: Float64Array;
  rootPubMs: Float64Array;
  /** first read time, -1 before */
  readMs: Float64Array;
  /** time stored (queue wait, ttl) */
  storedMs: Float64Array;
  /** attempt start, or transit send time */
  startMs: Float64Array;
  /** transit arrival time */
  arriveMs: Float64Array;
  /** store/block order stamp */
  stamp: Float64Array;
  private freeHead = -1;
  private used = 0;
  /** most slots before `onFull` is called (the pool still grows: the event under way must finish) */
  limit = Infinity;
  onFull: (() => void) | null = null;

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    this.id = new Int32Array(initialCapacity);
    this.parent = new Int32Array(initialCapacity);
    this.root = new Int32Array(initialCapacity);
    this.event = new Int32Array(initialCapacity);
    this.node = new Int32Array(initialCapacity);
    this.edge = new Int32Array(initialCapacity);
    this.key = new Int32Array(initialCapacity);
    this.part = new Int32Array(initialCapacity);
    this.sender = new Int32Array(initialCapacity);
    this.attempts = new Int32Array(initialCapacity);
    this.handler = new Int32Array(initialCapacity);
    this.prio = new Int32Array(initialCapacity);
    this.origin = new Int32Array(initialCapacity);
    this.state = new Int32Array(initialCapacity);
    this.next = new Int32Array(initialCapacity);
    this.prev = new Int32Array(initialCapacity);
    this.pubMs = new Float64Array(initialCapacity);
    this.rootPubMs = new Float64Array(initialCapacity);
    this.readMs = new Float64Array(initialCapacity);
    this.storedMs = new Float64Array(initialCapacity);
    this.startMs = new Float64Array(initialCapacity);
    this.arriveMs = new Float64Array(initialCapacity);
    this.stamp = new Float64Array(initialCapacity);
  }

  /** number of slots ever handed out (live or on the free list) */
  get highWater(): number {
    return this.used;
  }

  alloc(): number {
    const head = this.freeHead;
    if (head >= 0) {
      this.freeHead = this.next[head];
      return head;
    }
    if (this.used === this.capacity) this.grow();
    return this.used++;
  }

  release(slot: number): void {
    this.state[slot] = FREE;
    this.next[slot] = this.freeHead;
    this.freeHead = slot;
  }

  private grow(): void {
    const size = this.capacity * 2;
    if (this.capacity >= this.limit && this.onFull !== null) this.onFull();
    this.capacity = size;
    this.id = growInt(this.id, size);
    this.parent = growInt(this.parent, size);
    this.root = growInt(this.root, size);
    this.event = growInt(this.event, size);
    this.node = growInt(this.node, size);
    this.edge = growInt(this.edge, size);
    this.key = growInt(this.key, size);
    this.part = growInt(this.part, size);
    this.sender = growInt(this.sender, size);
    this.attempts = growInt(this.attempts, size);
    this.handler = growInt(this.handler, size);
    this.prio = growInt(this.prio, size);
    this.origin = growInt(this.origin, size);
    this.state = growInt(this.state, size);
    this.next = growInt(this.next, size);
    this.prev = growInt(this.prev, size);
    this.pubMs = growFloat(this.pubMs, size);
    this.rootPubMs = growFloat(this.rootPubMs, size);
    this.readMs = growFloat(this.readMs, size);
    this.storedMs = growFloat(this.storedMs, size);
    this.startMs = growFloat(this.startMs, size);
    this.arriveMs = growFloat(this.arriveMs, size);
    this.stamp = growFloat(this.stamp, size);
  }
}

function growInt(old: Int32Array, size: number): Int32Array {
  const next = new Int32Array(size);
  next.set(old);
  return next;
}

function growFloat(old: Float64Array, size: number): Float64Array {
  const next = new Float64Array(size);
  next.set(old);
  return next;
}
