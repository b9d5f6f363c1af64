// The merger: interleaves the shards' batches by (ts, account index) — the order a single heap
// over all accounts would produce — numbers the exchanges, patches each id's counter digits into
// the pre-rendered bytes and writes exchanges.jsonl and truth-exchanges.tsv. While only one
// shard is left (always, with one rendering thread) its batches need no interleaving: ids are
// patched in place and each batch's lines go to the file as they lie, with no copy.
import { ID_DIGITS, META_FIXED, type Batch } from "./batch.js";
import type { ByteFile } from "./byte-file.js";
import type { ShardSource } from "./sources.js";

interface Cursor {
  readonly src: ShardSource;
  batch: Batch;
  data: Buffer;
  tsv: Buffer;
  meta: Int32Array;
  ts: Float64Array;
  /** Next record, its metadata slot, and where its line and truth row start. */
  r: number;
  m: number;
  line: number;
  row: number;
}

/** Where merged records go; `prefixLength` is the byte length of the id before its counter. */
export interface MergeTarget {
  readonly exchanges: ByteFile;
  readonly tsv: ByteFile;
  readonly prefixLength: number;
  readonly accounts: number;
  readonly onRecord?: (n: number) => void;
}

const MAX_IDS = 36 ** ID_DIGITS;

function cursor(src: ShardSource, batch: Batch): Cursor {
  return {
    src,
    batch,
    data: Buffer.from(batch.data),
    tsv: Buffer.from(batch.tsv),
    meta: new Int32Array(batch.meta),
    ts: new Float64Array(batch.ts),
    r: 0,
    m: 0,
    line: 0,
    row: 0,
  };
}

/** Counter digits as base-36 ASCII, incremented in place (same text as n.toString(36).padStart(6, "0")). */
function increment(d: Uint8Array): void {
  for (let k = ID_DIGITS - 1; k >= 0; k--) {
    const c = d[k] ?? 48;
    if (c === 57) {
      d[k] = 97; // '9' → 'a'
      return;
    }
    if (c !== 122) {
      d[k] = c + 1;
      return;
    }
    d[k] = 48; // 'z' → '0', carry
  }
}

/** Numbers and writes records; one instance per merge. */
class Numberer {
  n = 0;
  readonly counts: Int32Array;
  private readonly digits = new Uint8Array(ID_DIGITS).fill(48);

  constructor(private readonly t: MergeTarget) {
    this.counts = new Int32Array(t.accounts);
  }

  /** Numbers the cursor's current record: patches its ids, writes its truth row, advances it. Returns its line's bytes. */
  take(c: Cursor): number {
    if (this.n >= MAX_IDS) throw new Error(`more than ${MAX_IDS} exchanges: ids would outgrow their counter`);
    const { meta, data, m } = c;
    const digits = this.digits;
    const actor = meta[m] ?? 0;
    const lineLen = meta[m + 1] ?? 0;
    const rowLen = meta[m + 2] ?? 0;
    const marks = meta[m + 3] ?? 0;
    for (let k = 0; k < marks; k++) data.set(digits, c.line + (meta[m + META_FIXED + k] ?? 0));
    if (rowLen > 0) {
      c.tsv.set(digits, c.row + this.t.prefixLength);
      this.t.tsv.append(c.tsv, c.row, rowLen);
      c.row += rowLen;
    }
    this.counts[actor] = (this.counts[actor] ?? 0) + 1;
    increment(digits);
    this.n++;
    if (this.t.onRecord && (this.n & 0xffff) === 0) this.t.onRecord(this.n);
    c.m = m + META_FIXED + marks;
    c.r++;
    c.line += lineLen;
    return lineLen;
  }
}

/** Merges every source to the end; returns the exchange count and per-account counts. */
export async function mergeShards(
  sources: readonly ShardSource[],
  t: MergeTarget,
): Promise<{ n: number; counts: Int32Array }> {
  const live: Cursor[] = [];
  for (const src of sources) {
    const b = await src.next();
    if (b.count > 0) live.push(cursor(src, b));
    else src.release(b);
  }
  const num = new Numberer(t);
  const out = t.exchanges;
  while (live.length > 0) {
    let best = 0;
    let c = live[0] as Cursor;
    if (live.length === 1) {
      // nothing to interleave: number the rest of the batch, then write its lines in one go
      const from = c.line;
      while (c.r < c.batch.count) num.take(c);
      out.append(c.data, from, c.line - from);
    } else {
      // a linear scan beats a heap for the handful of shards a machine has threads for
      for (let s = 1; s < live.length; s++) {
        const o = live[s] as Cursor;
        const d = (o.ts[o.r] ?? 0) - (c.ts[c.r] ?? 0);
        if (d < 0 || (d === 0 && (o.meta[o.m] ?? 0) < (c.meta[c.m] ?? 0))) {
          best = s;
          c = o;
        }
      }
      const start = c.line;
      out.append(c.data, start, num.take(c));
    }
    if (c.r === c.batch.count) {
      const done = c.batch.done;
      c.src.release(c.batch);
      if (done) live.splice(best, 1);
      else {
        const b = await c.src.next();
        if (b.count > 0) live[best] = cursor(c.src, b);
        else {
          c.src.release(b);
          live.splice(best, 1);
        }
      }
    }
  }
  return { n: num.n, counts: num.counts };
}
