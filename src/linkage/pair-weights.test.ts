import { describe, expect, it } from "vitest";
import { PairWeights } from "./pair-weights.js";

describe("PairWeights", () => {
  it("sums weights per unordered pair, in first-seen order, through growth", () => {
    const p = new PairWeights(2);
    const expected = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const x = (i * 7919) % 300;
      const y = (i * 104729 + 1) % 300;
      if (x === y) continue;
      p.add(x, y, 0.5);
      const key = `${Math.min(x, y)}-${Math.max(x, y)}`;
      expected.set(key, (expected.get(key) ?? 0) + 0.5);
    }
    const got = new Map<string, number>();
    for (let e = 0; e < p.size; e++) got.set(`${p.a[e]}-${p.b[e]}`, p.w[e]!);
    expect([...got.keys()]).toEqual([...expected.keys()]);
    expect(got).toEqual(expected);
    p.add(5, 3, 1);
    p.add(3, 5, 1);
    const e = [...Array(p.size).keys()].find((i) => p.a[i] === 3 && p.b[i] === 5)!;
    expect(p.w[e]).toBe((expected.get("3-5") ?? 0) + 2);
  });
});
