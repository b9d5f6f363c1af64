import { describe, expect, it } from "vitest";
import { createPreparePool } from "./prepare-pool.js";
import { preparedItems } from "./packed-exchanges.js";

describe("createPreparePool", () => {
  it("prepares a byte chunk and hands its buffer back for the reader to reuse", async () => {
    const pool = createPreparePool({ samplesPerAccount: 1, threads: 0 });
    const line = JSON.stringify({ id: "r1", ts: "2026-01-12T00:00:00Z", account: "a1", prompt: "hello" });
    const bytes = new TextEncoder().encode(`${line}\n{oops\n`);
    const b = await pool.submitBytes("f.jsonl", { bytes, bytesRead: bytes.length });
    expect(preparedItems(b).map((it) => it.facts.id)).toEqual(["r1"]);
    expect(b.rejected.map((r) => r.line)).toEqual([2]);
    expect(pool.spare).toEqual([bytes.buffer]);
    await pool.close();
  });
});
