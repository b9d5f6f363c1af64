// Misra–Gries frequent-items summary (Misra & Gries 1982) with k counters: any item with more
// than n/(k+1) occurrences is kept, in O(k) memory. Used for an account's top templates,
// IP prefixes, ASNs and user agents.

/** A k-counter frequent-items summary over keys of type K. */
export class HeavyHitters<K> {
  private readonly keys: (K | undefined)[];
  private readonly counts: Int32Array;
  constructor(k: number) {
    this.keys = new Array<K | undefined>(k).fill(undefined);
    this.counts = new Int32Array(k);
  }

  /** Counts one occurrence of `key`. */
  add(key: K): void {
    const keys = this.keys;
    let empty = -1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === key) {
        this.counts[i]! += 1;
        return;
      }
      if (empty < 0 && this.counts[i] === 0) empty = i;
    }
    if (empty >= 0) {
      keys[empty] = key;
      this.counts[empty] = 1;
      return;
    }
    for (let i = 0; i < keys.length; i++) {
      this.counts[i]! -= 1;
      if (this.counts[i] === 0) keys[i] = undefined;
    }
  }

  /** Items with their (under-)estimated counts, most frequent first. */
  top(): { key: K; count: number }[] {
    const out: { key: K; count: number }[] = [];
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i];
      if (k !== undefined && this.counts[i]! > 0) out.push({ key: k, count: this.counts[i]! });
    }
    return out.sort((a, b) => b.count - a.count);
  }
}
