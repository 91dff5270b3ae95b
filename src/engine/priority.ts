// Priority order (architect.md "Priorities") for a queue or a handler's buffer: one singly linked list
// through pool.next kept sorted by priority (highest first), then stored order, with the first and last
// copy of each of the ten priority lanes, so storing, taking the head and dropping a lane's head are O(1).
export const PRIORITY_LEVELS = 10;

export class Lanes {
  /** the list's head and tail (the owner copies them into its own fields after each change) */
  head = -1;
  tail = -1;
  readonly first = new Int32Array(PRIORITY_LEVELS).fill(-1);
  readonly last = new Int32Array(PRIORITY_LEVELS).fill(-1);

  /** stores copy m of priority p behind every stored copy of priority ≥ p */
  insert(next: Int32Array, m: number, p: number): void {
    let after = -1;
    for (let q = p; q < PRIORITY_LEVELS; q++) {
      if (this.last[q] >= 0) { after = this.last[q]; break; }
    }
    if (after < 0) {
      next[m] = this.head;
      this.head = m;
    } else {
      next[m] = next[after];
      next[after] = m;
    }
    if (next[m] < 0) this.tail = m;
    if (this.first[p] < 0) this.first[p] = m;
    this.last[p] = m;
  }

  /** removes m, the first copy of lane p (the list's head, or a lane's head further down) */
  removeFirst(next: Int32Array, m: number, p: number): void {
    let before = -1;
    for (let q = p + 1; q < PRIORITY_LEVELS; q++) {
      if (this.last[q] >= 0) { before = this.last[q]; break; }
    }
    const after = next[m];
    if (before < 0) this.head = after; else next[before] = after;
    if (this.tail === m) this.tail = before;
    if (this.last[p] === m) {
      this.first[p] = -1;
      this.last[p] = -1;
    } else {
      this.first[p] = after;
    }
  }

  /** the lowest priority with a stored copy, -1 when empty */
  lowest(): number {
    for (let q = 0; q < PRIORITY_LEVELS; q++) if (this.first[q] >= 0) return q;
    return -1;
  }
}
