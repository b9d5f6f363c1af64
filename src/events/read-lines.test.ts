import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readLines, type ReadFault } from "./read-lines.js";

const dir = mkdtempSync(join(tmpdir(), "dw-read-"));

async function collect(path: string, batchLines = 3) {
  const lines: { n: number; text: string }[] = [];
  const faults: ReadFault[] = [];
  for await (const b of readLines(path, { batchLines, onFault: (f) => faults.push(f) }))
    b.lines.forEach((t, i) => lines.push({ n: b.firstLine + i, text: t }));
  return { lines, faults };
}

describe("readLines", () => {
  it("numbers lines across batches and splits only on \\n (not U+2028)", async () => {
    const p = join(dir, "a.jsonl");
    writeFileSync(p, "one\r\ntwo\u2028still two\nthree\nfour\nfive");
    const { lines } = await collect(p);
    expect(lines).toEqual([
      { n: 1, text: "one" },
      { n: 2, text: "two\u2028still two" },
      { n: 3, text: "three" },
      { n: 4, text: "four" },
      { n: 5, text: "five" },
    ]);
  });

  it("reads gzip files and keeps every whole line before a truncated tail", async () => {
    const body =
      Array.from({ length: 5000 }, (_, i) => JSON.stringify({ i, pad: "x".repeat(50 + (i % 17)) })).join(
        "\n",
      ) + "\n";
    const gz = gzipSync(body);
    const p = join(dir, "cut.jsonl.gz");
    writeFileSync(p, gz.subarray(0, Math.floor(gz.length * 0.7)));
    const { lines, faults } = await collect(p, 1000);
    expect(faults).toHaveLength(1);
    expect(faults[0]!.reason).toMatch(/truncated|corrupt/);
    expect(lines.length).toBeGreaterThan(1000);
    expect(lines.length).toBeLessThan(5000);
    for (const l of lines) expect(() => JSON.parse(l.text)).not.toThrow();
    expect(faults[0]!.line).toBe(lines.length + 1);
  });

  it("fails with a clear error on a missing file", async () => {
    await expect(collect(join(dir, "nope.jsonl"))).rejects.toThrow(/cannot read .*nope\.jsonl: no such file/);
  });
});
