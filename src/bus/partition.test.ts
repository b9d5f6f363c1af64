import { describe, expect, it } from "vitest";
import { decisionKey } from "./nats/decisions.js";
import { partitionOf, partitionsFor } from "./partition.js";

describe("partitionOf", () => {
  it("keeps accounts in the partitions they had when the cluster format was fixed", () => {
    // Pinned values: a changed hash would move accounts away from the workers holding their state.
    expect(["acct_709fb0e38b", "acct_1", "org-42/user@example.com"].map((a) => partitionOf(a, 16))).toEqual([
      2, 9, 2,
    ]);
  });

  it("spreads accounts over every partition", () => {
    const counts = new Array<number>(16).fill(0);
    for (let i = 0; i < 16_000; i++) counts[partitionOf(`acct_${i}`, 16)]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1200);
  });
});

describe("partitionsFor", () => {
  it("gives each partition to exactly one of n workers", () => {
    const all = [0, 1, 2].flatMap((i) => partitionsFor(i, 3, 8)).sort((a, b) => a - b);
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe("decisionKey", () => {
  it("turns any account id into a distinct valid KV key", () => {
    const ids = ["acct_1", "a.b", "a=2eb", "user@example.com", "ünï côde", "a b"];
    const keys = ids.map(decisionKey);
    for (const k of keys) expect(k).toMatch(/^[-/_=.a-zA-Z0-9]+$/);
    expect(new Set(keys).size).toBe(ids.length);
  });
});
