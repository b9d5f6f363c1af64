import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeShardWorkers, runSimulation } from "./index.js";

const dirs: string[] = [];
const fresh = (): string => {
  const d = mkdtempSync(join(tmpdir(), "dw-sim-threads-"));
  dirs.push(d);
  return d;
};
const sha = (p: string): string => createHash("sha256").update(readFileSync(p)).digest("hex");

afterAll(async () => {
  await closeShardWorkers();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("runSimulation across threads", () => {
  it("writes the same bytes on the calling thread as on one or three worker threads", async () => {
    const inline = fresh();
    const a = await runSimulation({ scenario: "small", seed: 11, outDir: inline, scale: 0.3, threads: 0 });
    expect(a.exchanges).toBeGreaterThan(5000);
    for (const threads of [1, 3]) {
      const dir = fresh();
      const b = await runSimulation({ scenario: "small", seed: 11, outDir: dir, scale: 0.3, threads });
      expect(b.exchanges).toBe(a.exchanges);
      for (const f of ["exchanges.jsonl", "truth.jsonl", "truth-exchanges.tsv"])
        expect(sha(join(dir, f)), `${f} with ${threads} workers`).toBe(sha(join(inline, f)));
    }
  }, 180_000);
});
