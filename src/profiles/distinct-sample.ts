// A bottom-k sample of the distinct values an account used (Cohen & Kaplan 2007): the k values
// of smallest hash. The sample is consistent across accounts — a value shared by two accounts
// is kept by both whenever its hash is small enough for each — so accounts that rotate through
// many proxy exits still show the exits they share, where a frequency summary keeps only the
// last few. Order-independent, so every replay of the same traffic keeps the same values.
import { fmix32, hashString } from "../signals/template/hash.js";

/** Bottom-k sample of distinct string values. */
export class DistinctSample {
  private readonly hashes: Uint32Array;
  private readonly values: (string | undefined)[];
  private size = 0;

  constructor(k: number) {
    this.hashes = new Uint32Array(k);
    this.values = new Array<string | undefined>(k).fill(undefined);
  }

  /** Offers one occurrence of `value`. */
  add(value: string): void {
    const h = fmix32(hashString(value));
    const k = this.hashes.length;
    if (this.size === k && h >= this.hashes[k - 1]!) return;
    // Sorted ascending by hash: find the slot, skipping a value already held.
    let i = 0;
    while (i < this.size && this.hashes[i]! < h) i++;
    if (i < this.size && this.hashes[i] === h && this.values[i] === value) return;
    const last = Math.min(this.size, k - 1);
    for (let j = last; j > i; j--) {
      this.hashes[j] = this.hashes[j - 1]!;
      this.values[j] = this.values[j - 1];
    }
    this.hashes[i] = h;
    this.values[i] = value;
    if (this.size < k) this.size += 1;
  }

  /** The sampled values, smallest hash first. */
  keys(): string[] {
    return this.values.slice(0, this.size) as string[];
  }

  /** Bytes of the sample's slots (hashes and references). */
  get bytes(): number {
    return this.hashes.length * 12;
  }
}
