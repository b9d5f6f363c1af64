// An exact-enough set of exchange ids in 16 bytes per id: two independent 32-bit hashes (64
// bits) in an open-addressing table that doubles when half full. Two different ids collide
// with probability ~n²/2⁶⁵ (about 7·10⁻⁶ for 16M ids in one run) — the price of not keeping
// 16M id strings (~1 GB) in memory to deduplicate a file.
import { hashString } from "../signals/template/hash.js";

/** A growing set of 64-bit id fingerprints. */
export class IdSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private used = 0;

  constructor(initial = 1 << 16) {
    this.hi = new Uint32Array(initial);
    this.lo = new Uint32Array(initial);
  }

  get size(): number {
    return this.used;
  }

  /** Adds `id`; returns false when it was already present. */
  add(id: string): boolean {
    const h = hashString(id, 0x9747b28c) | 1;
    const l = hashString(id, 0x85ebca6b);
    if (this.insert(h, l)) {
      this.used += 1;
      if (this.used * 2 > this.hi.length) this.grow();
      return true;
    }
    return false;
  }

  private insert(h: number, l: number): boolean {
    const mask = this.hi.length - 1;
    let i = (h ^ l) & mask;
    for (;;) {
      const x = this.hi[i]!;
      if (x === 0) {
        this.hi[i] = h;
        this.lo[i] = l;
        return true;
      }
      if (x === h >>> 0 && this.lo[i] === l >>> 0) return false;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const { hi, lo } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    for (let i = 0; i < hi.length; i++) if (hi[i] !== 0) this.insert(hi[i]!, lo[i]!);
  }

  /** Bytes held. */
  get bytes(): number {
    return this.hi.byteLength * 2;
  }
}
