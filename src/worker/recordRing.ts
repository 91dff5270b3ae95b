// A fixed-size ring of the latest message records (the Q set the browser keeps), plus a batch of the
// records added since the last take(), capped at the ring size. Used in the worker and on the page.
import type { MessageRecord } from '../engine/types';

export class RecordRing {
  private readonly slots: (MessageRecord | undefined)[];
  private next = 0;
  /** records ever pushed */
  total = 0;
  private pendingFrom = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be an integer >= 1, got ${capacity}`);
    this.slots = new Array<MessageRecord | undefined>(capacity);
  }

  readonly push = (record: MessageRecord): void => {
    this.slots[this.next] = record;
    this.next = (this.next + 1) % this.capacity;
    this.total++;
  };

  pushAll(records: readonly MessageRecord[]): void {
    for (const record of records) this.push(record);
  }

  get size(): number {
    return Math.min(this.total, this.capacity);
  }

  /** the i-th kept record, oldest first */
  at(index: number): MessageRecord {
    const first = this.total <= this.capacity ? 0 : this.next;
    const record = this.slots[(first + index) % this.capacity];
    if (record === undefined || index < 0 || index >= this.size) throw new RangeError(`no record at ${index}`);
    return record;
  }

  /** every kept record, oldest first */
  toArray(): MessageRecord[] {
    const out: MessageRecord[] = [];
    for (let i = 0; i < this.size; i++) out.push(this.at(i));
    return out;
  }

  /** records pushed since the previous take(), oldest first (only the latest `capacity` of them), and how many were skipped */
  take(): { records: MessageRecord[]; skipped: number } {
    const fresh = this.total - this.pendingFrom;
    const kept = Math.min(fresh, this.capacity);
    const records: MessageRecord[] = [];
    for (let i = this.size - kept; i < this.size; i++) records.push(this.at(i));
    this.pendingFrom = this.total;
    return { records, skipped: fresh - kept };
  }

  clear(): void {
    this.slots.fill(undefined);
    this.next = 0;
    this.total = 0;
    this.pendingFrom = 0;
  }
}
