import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chunkable, chunkLines, readChunkRanges, readRange } from "./read-chunks.js";
import { readLines } from "./read-lines.js";

const dir = mkdtempSync(join(tmpdir(), "dw-chunks-"));

/** The lines of `path` by chunks; with `reuse`, every chunk is read into one growing buffer. */
function linesByChunks(path: string, chunkBytes: number, reuse = false): string[] {
  const out: string[] = [];
  let buf: Buffer | undefined;
  let before = 0;
  for (const r of readChunkRanges(path, chunkBytes)) {
    expect(r.start).toBe(before); // chunks follow one another without gaps or overlaps
    before = r.end;
    const bytes = readRange(path, r, buf);
    out.push(...chunkLines(bytes));
    if (reuse) buf = Buffer.from(bytes.buffer);
  }
  return out;
}

async function linesByReader(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const b of readLines(path, { batchLines: 7 })) out.push(...b.lines);
  return out;
}

describe("readChunkRanges", () => {
  it("gives the same lines as the streaming reader, whatever the chunk size", async () => {
    const text =
      Array.from({ length: 300 }, (_, i) => `{"n":${i},"s":"${"é".repeat(i % 37)}\u2028"}`).join("\n") +
      "\r\n\n" +
      '{"last": "no newline"}';
    const path = join(dir, "mixed.jsonl");
    writeFileSync(path, text);
    const expected = await linesByReader(path);
    expect(expected.at(-1)).toBe('{"last": "no newline"}');
    for (const size of [16, 100, 1000, 1 << 20]) {
      expect(linesByChunks(path, size)).toEqual(expected);
      expect(linesByChunks(path, size, true), "reading into one reused buffer").toEqual(expected);
    }
  });

  it("keeps a line longer than the chunk whole, and yields nothing for an empty file", () => {
    const long = `{"x":"${"a".repeat(5000)}"}`;
    const path = join(dir, "long.jsonl");
    writeFileSync(path, `{"a":1}\n${long}\n{"b":2}\n`);
    expect(linesByChunks(path, 64)).toEqual(['{"a":1}', long, '{"b":2}']);
    expect(linesByChunks(path, 64, true)).toEqual(['{"a":1}', long, '{"b":2}']);
    const empty = join(dir, "empty.jsonl");
    writeFileSync(empty, "");
    expect(linesByChunks(empty, 64)).toEqual([]);
  });

  it("is used only for plain files", () => {
    expect(chunkable("a.jsonl")).toBe(true);
    expect(chunkable("a.jsonl.gz")).toBe(false);
    expect(chunkable("-")).toBe(false);
  });
});
