// Packs `Record<string, number>` values (content scores, row signals) into a flat number list
// plus one string-table entry per distinct key list, for the packed batches. Records of one
// batch almost always share their keys, so a batch carries the key list once.
import type { StringTable } from "./string-table.js";

function sameKeys(o: Record<string, number>, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in o) if (keys[i++] !== k) return false;
  return i === keys.length;
}

/** Writes records as (key-list ref, values appended to `values`). */
export class RecordWriter {
  private keys: string[] = [];
  private keysRef = -1;
  readonly values: number[] = [];
  constructor(private readonly table: StringTable) {}

  /** Appends the values of `o`; returns the string ref of its key list. */
  write(o: Record<string, number>): number {
    if (this.keysRef < 0 || !sameKeys(o, this.keys)) {
      this.keys = Object.keys(o);
      this.keysRef = this.table.ref(JSON.stringify(this.keys));
    }
    for (const k of this.keys) this.values.push(o[k]!);
    return this.keysRef;
  }
}

/** Reads back, in order, the records a RecordWriter wrote. */
export class RecordReader {
  private readonly keyLists = new Map<number, string[]>();
  private at = 0;
  constructor(
    private readonly strings: readonly string[],
    private readonly values: Float64Array,
  ) {}

  /** The next record; `ref` is what `RecordWriter.write` returned for it. */
  next(ref: number): Record<string, number> {
    let keys = this.keyLists.get(ref);
    if (!keys) this.keyLists.set(ref, (keys = JSON.parse(this.strings[ref]!) as string[]));
    const o: Record<string, number> = {};
    for (const k of keys) o[k] = this.values[this.at++]!;
    return o;
  }
}
