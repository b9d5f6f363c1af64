import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readChunkRanges } from "../events/read-chunks.js";
import { createPreparePool } from "./prepare-pool.js";
import { preparedItems } from "./packed-exchanges.js";

describe("createPreparePool", () => {
  it("reads and prepares chunks of a file, each numbering its lines from 1", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "dw-pool-")), "f.jsonl");
    const line = (i: number) =>
      JSON.stringify({
        id: `r${i}`,
        ts: "2026-01-12T00:00:00Z",
        account: "a1",
        prompt: "hello ".repeat(i % 7),
      });
    writeFileSync(path, [line(1), line(2), "{oops", line(3), line(4)].join("\n") + "\n");
    const pool = createPreparePool({ samplesPerAccount: 1, threads: 0 });
    const ids: string[] = [];
    const rejected: number[] = [];
    let linesBefore = 0;
    for (const range of readChunkRanges(path, 100)) {
      const b = await pool.submitRange(path, range);
      ids.push(...preparedItems(b).map((it) => it.facts.id));
      rejected.push(...b.rejected.map((r) => linesBefore + r.line));
      linesBefore += b.lines;
    }
    await pool.close();
    expect(ids).toEqual(["r1", "r2", "r3", "r4"]);
    expect(linesBefore).toBe(5);
    expect(rejected).toEqual([3]);
  });
});
