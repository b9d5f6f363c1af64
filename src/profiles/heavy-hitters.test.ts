import { describe, expect, it } from "vitest";
import { HeavyHitters } from "./heavy-hitters.js";

describe("HeavyHitters", () => {
  it("keeps an item seen more than n/(k+1) times, whatever else streams past", () => {
    const h = new HeavyHitters<string>(2);
    for (let i = 0; i < 300; i++) {
      h.add(i % 2 === 0 ? "10.0.0.0/24" : `noise-${i}`);
    }
    const top = h.top();
    expect(top[0]!.key).toBe("10.0.0.0/24");
    expect(top[0]!.count).toBeGreaterThan(0);
    expect(top[0]!.count).toBeLessThanOrEqual(150);
  });

  it("counts exactly while there are at most k distinct keys, most frequent first", () => {
    const h = new HeavyHitters<number>(4);
    for (const k of [7, 9, 7, 3, 7, 9]) h.add(k);
    expect(h.top()).toEqual([
      { key: 7, count: 3 },
      { key: 9, count: 2 },
      { key: 3, count: 1 },
    ]);
  });

  it("works the same over slots its owner holds", () => {
    const own = new HeavyHitters<number>(2);
    const counts = new Uint32Array(10);
    const shared = new HeavyHitters<number>({ keys: counts, keyAt: 2, counts, countAt: 6, k: 2 });
    for (const k of [64500, 64501, 64500, 13335, 64500]) {
      own.add(k);
      shared.add(k);
    }
    expect(shared.top()).toEqual(own.top());
    expect([...counts.subarray(0, 2), ...counts.subarray(8)]).toEqual([0, 0, 0, 0]);
  });
});
