import { describe, expect, it } from "vitest";
import { createSwrCache } from "./swr-cache.js";

describe("createSwrCache", () => {
  it("computes once for concurrent misses, serves fresh values, refreshes stale ones in the background", async () => {
    let clock = 0;
    let calls = 0;
    const cache = createSwrCache(
      async (k) => `${k}#${++calls}`,
      { ttlMs: 100, maxEntries: 4 },
      () => clock,
    );
    const [a, b] = await Promise.all([cache.get("x"), cache.get("x")]);
    expect([a, b, calls]).toEqual(["x#1", "x#1", 1]);
    clock = 50;
    expect(await cache.get("x")).toBe("x#1");
    clock = 200;
    expect(await cache.get("x")).toBe("x#1");
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get("x")).toBe("x#2");
  });

  it("does not cache a failed computation", async () => {
    let fail = true;
    const cache = createSwrCache(
      async () => {
        if (fail) throw new Error("boom");
        return 1;
      },
      { ttlMs: 100, maxEntries: 4 },
    );
    await expect(cache.get("k")).rejects.toThrow("boom");
    fail = false;
    expect(await cache.get("k")).toBe(1);
  });
});
