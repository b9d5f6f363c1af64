// A bottom-k sample of the distinct values an account used (Cohen & Kaplan 2007): the k values
// of smallest hash. The sample is consistent across accounts — a value shared by two accounts
// is kept by both whenever its hash is small enough for each — so accounts that rotate through
// many proxy exits still show the exits they share, where a frequency summary keeps only the
// last few. Order-independent, so every replay of the same traffic keeps the same values.
import { fmix32, hashString } from "../signals/template/hash.js";

/** Where a sample lives: `k` hashes from `hashAt` and its size at `sizeAt` of `u`, values from `keyAt`. */
export interface SampleSlots {
  u: Uint32Array;
  hashAt: number;
  sizeAt: number;
  keys: (string | undefined)[];
  keyAt: number;
  k: number;
}

/** Bottom-k sample of distinct string values (a view over its owner's slots, or self-contained). */
export class DistinctSample {
  private readonly s: SampleSlots;

  constructor(slots: SampleSlots | number) {
    this.s =
      typeof slots === "number"
        ? {
            u: new Uint32Array(slots + 1),
            hashAt: 1,
            sizeAt: 0,
            keys: new Array<string | undefined>(slots).fill(undefined),
            keyAt: 0,
            k: slots,
          }
        : slots;
  }

  /** Offers one occurrence of `value`. */
  add(value: string): void {
    const { u, hashAt, sizeAt, keys, keyAt, k } = this.s;
    sampleInto(u, hashAt, sizeAt, keys, keyAt, k, value);
  }

  /** The sampled values, smallest hash first. */
  keys(): string[] {
    const { u, sizeAt, keys, keyAt } = this.s;
    const out: string[] = [];
    for (let i = 0; i < u[sizeAt]!; i++) out.push(keys[keyAt + i]!);
    return out;
  }

  /** Values held. */
  get size(): number {
    return this.s.u[this.s.sizeAt]!;
  }
}

/** Offers `value` to the sample whose hashes start at `hashAt` of `u` and values at `keyAt` (no allocation). */
export function sampleInto(
  u: Uint32Array,
  hashAt: number,
  sizeAt: number,
  keys: (string | undefined)[],
  keyAt: number,
  k: number,
  value: string,
): void {
  const h = fmix32(hashString(value));
  const size = u[sizeAt]!;
  if (size === k && h >= u[hashAt + k - 1]!) return;
  // Sorted ascending by hash: find the slot, skipping a value already held.
  let i = 0;
  while (i < size && u[hashAt + i]! < h) i++;
  if (i < size && u[hashAt + i] === h && keys[keyAt + i] === value) return;
  const last = Math.min(size, k - 1);
  for (let j = last; j > i; j--) {
    u[hashAt + j] = u[hashAt + j - 1]!;
    keys[keyAt + j] = keys[keyAt + j - 1];
  }
  u[hashAt + i] = h;
  keys[keyAt + i] = value;
  if (size < k) u[sizeAt] = size + 1;
}
