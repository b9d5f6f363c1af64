// The string half of the packed batches that cross between threads (packed-exchanges.ts,
// packed-rows.ts): every string of a batch goes into one array and records refer to it by
// index. Structured clone copies a string array far faster than objects (which repeat every
// property name per object, and whose names the receiver re-internalizes), and the values that
// repeat within a batch (account, key, IP, model, …) are sent once.

/** The index that stands for an absent (undefined) string. */
export const ABSENT = -1;

/** Collects the strings of one batch. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  /** Index of `s`, shared with earlier equal strings; ABSENT for undefined. */
  ref(s: string | undefined): number {
    if (s === undefined) return ABSENT;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.push(s) - 1;
      this.index.set(s, i);
    }
    return i;
  }

  /** Index of `s` without looking for an equal one (for values that rarely repeat: ids, text). */
  add(s: string | undefined): number {
    return s === undefined ? ABSENT : this.strings.push(s) - 1;
  }
}

/** The string at `i` of `strings`, or undefined for ABSENT. */
export function stringAt(strings: readonly string[], i: number): string | undefined {
  return i === ABSENT ? undefined : strings[i];
}
