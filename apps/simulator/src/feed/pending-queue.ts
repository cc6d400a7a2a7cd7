import type { HealthEvent } from '@lib/contracts';

interface Pending {
  dueMs: number;
  /** Tie-breaker, so equal due times keep their scheduling order (determinism). */
  seq: number;
  event: HealthEvent;
}

/**
 * Events that happen later in a story already begun — a discharge after an admission, the next
 * step of a referral, an amendment, a retry — ordered by when they are due (a binary min-heap).
 * Bounded: in a long live run a story may lose its tail rather than grow memory without limit.
 */
export class PendingQueue {
  private readonly heap: Pending[] = [];
  private seq = 0;
  dropped = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.heap.length;
  }

  push(dueMs: number, event: HealthEvent): void {
    if (this.heap.length >= this.capacity) {
      this.dropped++;
      return;
    }
    this.heap.push({ dueMs, seq: this.seq++, event });
    this.up(this.heap.length - 1);
  }

  /** The earliest event due at or before `atMs`, removed; undefined if none is due. */
  popDue(atMs: number): HealthEvent | undefined {
    const top = this.heap[0];
    if (top === undefined || top.dueMs > atMs) return undefined;
    const last = this.heap.pop() as Pending;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top.event;
  }

  private less(a: Pending, b: Pending): boolean {
    return a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.seq < b.seq);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(this.heap[i], this.heap[parent])) return;
      [this.heap[i], this.heap[parent]] = [this.heap[parent], this.heap[i]];
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.heap.length && this.less(this.heap[l], this.heap[m])) m = l;
      if (r < this.heap.length && this.less(this.heap[r], this.heap[m])) m = r;
      if (m === i) return;
      [this.heap[i], this.heap[m]] = [this.heap[m], this.heap[i]];
      i = m;
    }
  }
}
