// Misra–Gries frequent-items summary (Misra & Gries 1982) with k counters: any item with more
// than n/(k+1) occurrences is kept, in O(k) memory. Used for an account's top templates,
// IP prefixes, ASNs and user agents. The summary is a view over slots its owner holds (the
// profile's packed counters and key array), so that a profile carries no per-summary arrays.

/** Where a summary's keys and counts live: `k` keys from `keyAt`, `k` counts from `countAt`. */
export interface SummarySlots<K> {
  keys: { [i: number]: K | undefined };
  keyAt: number;
  counts: Uint32Array;
  countAt: number;
  k: number;
}

/** A k-counter frequent-items summary over keys of type K. */
export class HeavyHitters<K> {
  private readonly s: SummarySlots<K>;

  /** A summary over `slots`, or with storage of its own for `k` keys. */
  constructor(slots: SummarySlots<K> | number) {
    this.s =
      typeof slots === "number"
        ? {
            keys: new Array<K | undefined>(slots).fill(undefined),
            keyAt: 0,
            counts: new Uint32Array(slots),
            countAt: 0,
            k: slots,
          }
        : slots;
  }

  /** Counts one occurrence of `key`. */
  add(key: K): void {
    const { keys, keyAt, counts, countAt, k } = this.s;
    addTo(keys, keyAt, counts, countAt, k, key);
  }

  /** Items with their (under-)estimated counts, most frequent first. */
  top(): { key: K; count: number }[] {
    const { keys, keyAt, counts, countAt, k } = this.s;
    const out: { key: K; count: number }[] = [];
    for (let i = 0; i < k; i++) {
      const count = counts[countAt + i]!;
      if (count > 0) out.push({ key: keys[keyAt + i] as K, count });
    }
    return out.sort((a, b) => b.count - a.count);
  }
}

/** Counts one occurrence of `key` in the summary whose k keys start at `keyAt` and counts at `countAt` (no allocation). */
export function addTo<K>(
  keys: { [i: number]: K | undefined },
  keyAt: number,
  counts: Uint32Array,
  countAt: number,
  k: number,
  key: K,
): void {
  let empty = -1;
  for (let i = 0; i < k; i++) {
    const c = counts[countAt + i]!;
    if (c > 0 && keys[keyAt + i] === key) {
      counts[countAt + i] = c + 1;
      return;
    }
    if (empty < 0 && c === 0) empty = i;
  }
  if (empty >= 0) {
    keys[keyAt + empty] = key;
    counts[countAt + empty] = 1;
    return;
  }
  for (let i = 0; i < k; i++) {
    const c = counts[countAt + i]! - 1;
    counts[countAt + i] = c;
    if (c === 0) keys[keyAt + i] = undefined as K;
  }
}
