// A 4-ary min-heap of actor indices keyed by next timestamp: the k-way merge that keeps the
// output sorted by ts while each account generates lazily. Ties break on index for determinism.

/** Min-heap of (time, index) pairs. */
export class TimeHeap {
  private ts: Float64Array;
  private ix: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.ts = new Float64Array(Math.max(1, capacity));
    this.ix = new Int32Array(Math.max(1, capacity));
  }

  private less(a: number, b: number): boolean {
    const ta = this.ts[a] ?? 0;
    const tb = this.ts[b] ?? 0;
    return ta < tb || (ta === tb && (this.ix[a] ?? 0) < (this.ix[b] ?? 0));
  }

  private swap(a: number, b: number): void {
    const t = this.ts[a] ?? 0;
    this.ts[a] = this.ts[b] ?? 0;
    this.ts[b] = t;
    const i = this.ix[a] ?? 0;
    this.ix[a] = this.ix[b] ?? 0;
    this.ix[b] = i;
  }

  /** Adds an entry. */
  push(t: number, index: number): void {
    if (this.size === this.ts.length) {
      const ts = new Float64Array(this.size * 2);
      ts.set(this.ts);
      const ix = new Int32Array(this.size * 2);
      ix.set(this.ix);
      this.ts = ts;
      this.ix = ix;
    }
    let i = this.size++;
    this.ts[i] = t;
    this.ix[i] = index;
    while (i > 0) {
      const p = (i - 1) >> 2;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  /** Index of the earliest entry (heap must be non-empty). */
  peek(): number {
    return this.ix[0] ?? -1;
  }

  /** Replaces the top's key (after its actor advanced) and restores heap order. */
  updateTop(t: number): void {
    this.ts[0] = t;
    this.siftDown(0);
  }

  /** Removes the top entry. */
  pop(): void {
    this.size--;
    if (this.size > 0) {
      this.ts[0] = this.ts[this.size] ?? 0;
      this.ix[0] = this.ix[this.size] ?? 0;
      this.siftDown(0);
    }
  }

  // four children per node: half the levels of a binary heap, and a node's children share a cache line
  private siftDown(i: number): void {
    const size = this.size;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= size) return;
      let m = first;
      const last = Math.min(first + 4, size);
      for (let c = first + 1; c < last; c++) if (this.less(c, m)) m = c;
      if (!this.less(m, i)) return;
      this.swap(i, m);
      i = m;
    }
  }
}
