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
  it("writes the same bytes on one thread as on three worker threads", async () => {
    const one = fresh();
    const three = fresh();
    const a = await runSimulation({ scenario: "small", seed: 11, outDir: one, scale: 0.3, threads: 1 });
    const b = await runSimulation({ scenario: "small", seed: 11, outDir: three, scale: 0.3, threads: 3 });
    expect(b.exchanges).toBe(a.exchanges);
    expect(a.exchanges).toBeGreaterThan(5000);
    for (const f of ["exchanges.jsonl", "truth.jsonl", "truth-exchanges.tsv"])
      expect(sha(join(three, f)), f).toBe(sha(join(one, f)));
  }, 180_000);
});
