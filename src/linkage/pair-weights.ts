// Summed weights of unordered node pairs, kept in insertion order. An open-addressing table over
// typed arrays: the linkage graph adds a weight for every pair of accounts sharing an indicator
// on every clustering pass, and a Map keyed by a·2²²+b would box each key as a heap number.
import { fmix32 } from "../signals/template/hash.js";

export class PairWeights {
  private slots: Int32Array;
  private mask: number;
  /** Entries in insertion order. */
  a: Int32Array;
  b: Int32Array;
  w: Float64Array;
  size = 0;

  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap <<= 1;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.a = new Int32Array(expected);
    this.b = new Int32Array(expected);
    this.w = new Float64Array(expected);
  }

  /** Adds `weight` to the pair {x, y} (x ≠ y). */
  add(x: number, y: number, weight: number): void {
    const lo = x < y ? x : y;
    const hi = x < y ? y : x;
    let i = fmix32(Math.imul(lo, 0x9e3779b1) ^ hi) & this.mask;
    for (;;) {
      const e = this.slots[i]!;
      if (e < 0) break;
      if (this.a[e] === lo && this.b[e] === hi) {
        this.w[e]! += weight;
        return;
      }
      i = (i + 1) & this.mask;
    }
    if (this.size === this.a.length) this.growEntries();
    const e = this.size++;
    this.a[e] = lo;
    this.b[e] = hi;
    this.w[e] = weight;
    this.slots[i] = e;
    if (this.size * 2 > this.slots.length) this.rehash();
  }

  private growEntries(): void {
    const cap = Math.max(16, this.a.length * 2);
    const a = new Int32Array(cap);
    const b = new Int32Array(cap);
    const w = new Float64Array(cap);
    a.set(this.a);
    b.set(this.b);
    w.set(this.w);
    [this.a, this.b, this.w] = [a, b, w];
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let e = 0; e < this.size; e++) {
      let i = fmix32(Math.imul(this.a[e]!, 0x9e3779b1) ^ this.b[e]!) & mask;
      while (slots[i]! >= 0) i = (i + 1) & mask;
      slots[i] = e;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
