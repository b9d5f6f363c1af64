// The merger: interleaves the shards' batches by (ts, account index) — the order a single heap
// over all accounts would produce — numbers the exchanges, patches each id's counter digits into
// the pre-rendered bytes and writes exchanges.jsonl and truth-exchanges.tsv.
import { ID_DIGITS, META_FIXED, type Batch } from "./batch.js";
import type { ByteFile } from "./byte-file.js";
import type { ShardSource } from "./sources.js";

interface Cursor {
  readonly src: ShardSource;
  batch: Batch;
  data: Uint8Array;
  meta: Int32Array;
  ts: Float64Array;
  r: number;
  m: number;
}

/** Where merged records go; `prefixLength` is the byte length of the id before its counter. */
export interface MergeTarget {
  readonly exchanges: ByteFile;
  readonly tsv: ByteFile;
  readonly prefixLength: number;
  readonly accounts: number;
  readonly onRecord?: (n: number) => void;
}

// `{"id":"` precedes the id on every line
const LINE_ID_AT = 7;
const MAX_IDS = 36 ** ID_DIGITS;

function cursor(src: ShardSource, batch: Batch): Cursor {
  return {
    src,
    batch,
    data: new Uint8Array(batch.data),
    meta: new Int32Array(batch.meta),
    ts: new Float64Array(batch.ts),
    r: 0,
    m: 0,
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

/** Merges every source to the end; returns the exchange count and per-account counts. */
export async function mergeShards(
  sources: readonly ShardSource[],
  t: MergeTarget,
): Promise<{ n: number; counts: Int32Array }> {
  const counts = new Int32Array(t.accounts);
  const live: Cursor[] = [];
  for (const src of sources) {
    const b = await src.next();
    if (b.count > 0) live.push(cursor(src, b));
    else src.release(b);
  }
  const digits = new Uint8Array(ID_DIGITS).fill(48);
  const out = t.exchanges;
  const tsv = t.tsv;
  const tsvId = t.prefixLength;
  const lineId = LINE_ID_AT + t.prefixLength;
  let n = 0;
  while (live.length > 0) {
    // a linear scan beats a heap for the handful of shards a machine has threads for
    let best = 0;
    let c = live[0] as Cursor;
    for (let s = 1; s < live.length; s++) {
      const o = live[s] as Cursor;
      const d = (o.ts[o.r] ?? 0) - (c.ts[c.r] ?? 0);
      if (d < 0 || (d === 0 && (o.meta[o.m] ?? 0) < (c.meta[c.m] ?? 0))) {
        best = s;
        c = o;
      }
    }
    if (n >= MAX_IDS) throw new Error(`more than ${MAX_IDS} exchanges: ids would outgrow their counter`);
    const meta = c.meta;
    const m = c.m;
    const actor = meta[m] ?? 0;
    const start = meta[m + 1] ?? 0;
    const lineLen = meta[m + 2] ?? 0;
    const tsvLen = meta[m + 3] ?? 0;
    const marks = meta[m + 4] ?? 0;
    const data = c.data;
    for (let k = 0; k < marks; k++) data.set(digits, start + (meta[m + META_FIXED + k] ?? lineId));
    out.reserve(lineLen);
    out.buf.set(data.subarray(start, start + lineLen), out.off);
    out.off += lineLen;
    if (tsvLen > 0) {
      data.set(digits, start + lineLen + tsvId);
      tsv.reserve(tsvLen);
      tsv.buf.set(data.subarray(start + lineLen, start + lineLen + tsvLen), tsv.off);
      tsv.off += tsvLen;
    }
    counts[actor] = (counts[actor] ?? 0) + 1;
    increment(digits);
    n++;
    if (t.onRecord && (n & 0xffff) === 0) t.onRecord(n);
    c.m = m + META_FIXED + marks;
    if (++c.r === c.batch.count) {
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
  return { n, counts };
}
