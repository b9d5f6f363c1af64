import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContentModel } from "../signals/content/index.js";
import { runSimulation } from "../simulate/index.js";
import { BatchPreparer } from "./prepare.js";

describe("BatchPreparer", () => {
  let lines: string[] = [];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "dw-prepare-"));
    await runSimulation({ scenario: "small", seed: 3, scale: 0.02, outDir: dir });
    lines = readFileSync(join(dir, "exchanges.jsonl"), "utf8").split("\n").filter(Boolean);
  }, 120_000);

  it("prepares a chunk of raw bytes as its lines, naming bad lines by their number in the chunk", () => {
    const text = [...lines.slice(0, 300), "{not json", ...lines.slice(300)].join("\n");
    const fromLines = new BatchPreparer(loadContentModel(), undefined, 2).prepare("sim", {
      firstLine: 1,
      lines: text.split("\n"),
      bytesRead: 0,
    });
    const fromBytes = new BatchPreparer(loadContentModel(), undefined, 2).prepareBytes(
      "sim",
      new TextEncoder().encode(text),
      7,
    );
    expect(fromBytes).toStrictEqual({ ...fromLines, bytesRead: 7 });
    expect(fromBytes.rejected.map((r) => r.line)).toEqual([301]);
  });
});
