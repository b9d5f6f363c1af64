// A bounded reorder buffer: exchanges enter in file order and leave in event-time order once
// more than `capacity` are held, or once they are more than `windowMs` of event time older than
// the newest seen. Input logs are near-sorted (a gateway writes them as requests finish, so
// disorder spans about one request's latency), so such a window puts them back in order, and
// on quiet traffic the time bound keeps few exchanges waiting in memory; anything older than
// what already left is processed at once and counted as late.

interface Entry<T> {
  ts: number;
  seq: number;
  item: T;
}

/** Min-heap on (ts, arrival order). */
export class ReorderBuffer<T> {
  private readonly heap: Entry<T>[] = [];
  private seq = 0;
  private released = -Infinity;
  /** Items that arrived earlier in event time than something already released. */
  late = 0;

  private newest = -Infinity;

  constructor(
    private readonly capacity: number,
    private readonly windowMs = Infinity,
  ) {}

  get size(): number {
    return this.heap.length;
  }

  /** Adds an item; returns the items that must leave now (oldest first). */
  push(ts: number, item: T, out: T[]): void {
    if (ts < this.released) this.late += 1;
    this.heap.push({ ts, seq: this.seq++, item });
    this.up(this.heap.length - 1);
    if (ts > this.newest) this.newest = ts;
    const h = this.heap;
    while (h.length > this.capacity || (h.length && h[0]!.ts < this.newest - this.windowMs))
      out.push(this.pop()!);
  }

  /** Releases everything, oldest first. */
  drain(out: T[]): void {
    while (this.heap.length) out.push(this.pop()!);
  }

  private pop(): T | undefined {
    const h = this.heap;
    const top = h[0];
    if (!top) return undefined;
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      this.down(0);
    }
    if (top.ts > this.released) this.released = top.ts;
    return top.item;
  }

  private less(a: Entry<T>, b: Entry<T>): boolean {
    return a.ts < b.ts || (a.ts === b.ts && a.seq < b.seq);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
