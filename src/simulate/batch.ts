// A batch of rendered exchanges handed from a shard renderer to the merger: line bytes in one
// ArrayBuffer, per-record metadata in two typed arrays. Plain ArrayBuffers so a worker can
// transfer them (no copy, no string serialization) and the merger can hand them back for reuse.
//
// Exchange ids depend on the global output position, which only the merger knows, so a
// renderer writes ID_MARK bytes where the id's counter digits go and lists their offsets.

/** Byte written in place of an id's counter digits; a raw control byte never occurs in JSON text. */
export const ID_MARK = 1;
/** Counter digits in an exchange id (`n.toString(36).padStart(6, "0")`). */
export const ID_DIGITS = 6;

const DATA_BYTES = 2 << 20;
const META_INTS = 1 << 16;
const MAX_RECORDS = 4096;

/** Rendered exchanges of one shard, sorted by (ts, actor). */
export interface Batch {
  data: ArrayBuffer;
  meta: ArrayBuffer;
  ts: ArrayBuffer;
  /** Records in this batch. */
  count: number;
  /** True on the shard's last batch. */
  done: boolean;
}

// meta per record: actor, line start, line bytes, tsv bytes (follow the line), n marks, mark offsets…
export const META_FIXED = 5;

/** A fresh, empty batch with the default capacity. */
export function newBatch(): Batch {
  return {
    data: new ArrayBuffer(DATA_BYTES),
    meta: new ArrayBuffer(META_INTS * 4),
    ts: new ArrayBuffer(MAX_RECORDS * 8),
    count: 0,
    done: false,
  };
}
