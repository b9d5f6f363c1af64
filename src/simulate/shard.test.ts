import { describe, expect, it } from "vitest";
import { META_FIXED, newBatch, type Batch } from "./batch.js";
import { getCorpora, resolveCorporaDir } from "./corpus.js";
import { ShardRenderer } from "./shard.js";

interface Drained {
  lines: Buffer;
  rows: Buffer;
  records: number[][];
  batches: number;
}

/** Renders a whole shard into batches made by `make`, concatenating what they carry. */
function drain(make: () => Batch): Drained {
  const r = new ShardRenderer({ scenario: "small", seed: 3, scale: 0.05, shard: 0, shards: 1 }, corpora());
  const lines: Buffer[] = [];
  const rows: Buffer[] = [];
  const records: number[][] = [];
  let batches = 0;
  for (let done = false; !done; ) {
    const b = make();
    r.fill(b);
    batches++;
    expect(b.count).toBeGreaterThan(0);
    const meta = new Int32Array(b.meta);
    const ts = new Float64Array(b.ts);
    let line = 0;
    let row = 0;
    for (let i = 0, m = 0; i < b.count; i++) {
      const [actor = 0, lineLen = 0, rowLen = 0, marks = 0] = meta.subarray(m, m + META_FIXED);
      records.push([
        ts[i] ?? 0,
        actor,
        lineLen,
        rowLen,
        ...meta.subarray(m + META_FIXED, m + META_FIXED + marks),
      ]);
      line += lineLen;
      row += rowLen;
      m += META_FIXED + marks;
    }
    lines.push(Buffer.from(b.data, 0, line));
    rows.push(Buffer.from(b.tsv, 0, row));
    done = b.done;
  }
  return { lines: Buffer.concat(lines), rows: Buffer.concat(rows), records, batches };
}

let cached: ReturnType<typeof getCorpora> | undefined;
const corpora = (): ReturnType<typeof getCorpora> => (cached ??= getCorpora(resolveCorporaDir()));

describe("ShardRenderer", () => {
  it("renders the same records whether batches are roomy or smaller than one line", () => {
    const roomy = drain(newBatch);
    // lines are ~2 KB: most spill out of a 3,000-byte batch, some are larger than it; a record's
    // metadata (5+ ints) and truth row (~75 bytes) never fit these, so they get buffers of their own
    const tiny = drain(() => ({
      data: new ArrayBuffer(3000),
      tsv: new ArrayBuffer(50),
      meta: new ArrayBuffer(4 * 4),
      ts: new ArrayBuffer(16 * 8),
      count: 0,
      done: false,
    }));
    expect(roomy.records.length).toBeGreaterThan(1000);
    expect(tiny.batches).toBeGreaterThan(roomy.records.length / 2);
    expect(tiny.records).toEqual(roomy.records);
    expect(tiny.lines.equals(roomy.lines)).toBe(true);
    expect(tiny.rows.equals(roomy.rows)).toBe(true);
    expect(roomy.rows.length).toBeGreaterThan(0);
  }, 60_000);
});
