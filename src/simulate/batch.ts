// A batch of rendered exchanges handed from a shard renderer to the merger: lines back to back
// in one ArrayBuffer, truth rows in another, per-record metadata in two typed arrays. Plain
// ArrayBuffers so a worker can transfer them (no copy, no string serialization) and the merger
// can hand them back for reuse; lines back to back let the merger write a single shard's batch
// to the file as it is, without copying it line by line.
//
// Exchange ids depend on the global output position, which only the merger knows, so a
// renderer writes ID_MARK bytes where the id's counter digits go and lists their offsets.

/** Byte written in place of an id's counter digits; a raw control byte never occurs in JSON text. */
export const ID_MARK = 1;
/** Counter digits in an exchange id (`n.toString(36).padStart(6, "0")`). */
export const ID_DIGITS = 6;

const DATA_BYTES = 2 << 20;
const TSV_BYTES = 256 << 10;
const META_INTS = 1 << 16;
const MAX_RECORDS = 4096;

/** Rendered exchanges of one shard, sorted by (ts, actor). */
export interface Batch {
  /** The records' lines, back to back from offset 0. */
  data: ArrayBuffer;
  /** The truth rows of the records that belong to a campaign, back to back. */
  tsv: ArrayBuffer;
  meta: ArrayBuffer;
  ts: ArrayBuffer;
  /** Records in this batch. */
  count: number;
  /** True on the shard's last batch. */
  done: boolean;
}

// meta per record: actor, line bytes, truth-row bytes (0: none), n marks, mark offsets in the line…
export const META_FIXED = 4;

/** A fresh, empty batch with the default capacity. */
export function newBatch(): Batch {
  return {
    data: new ArrayBuffer(DATA_BYTES),
    tsv: new ArrayBuffer(TSV_BYTES),
    meta: new ArrayBuffer(META_INTS * 4),
    ts: new ArrayBuffer(MAX_RECORDS * 8),
    count: 0,
    done: false,
  };
}

/** The buffers a batch's owner hands over when posting it to another thread. */
export function transferList(b: Batch): ArrayBuffer[] {
  return [b.data, b.tsv, b.meta, b.ts];
}
