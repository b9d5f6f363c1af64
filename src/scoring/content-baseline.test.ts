import { describe, expect, it } from "vitest";
import { ContentBaseline } from "./content-baseline.js";

describe("content baseline", () => {
  it("is the median account mean, ignoring accounts with too few requests", () => {
    const b = new ContentBaseline(3);
    b.add(10, 1); // 0.1
    b.add(10, 2); // 0.2
    b.add(10, 9); // 0.9
    b.add(2, 2); // too few requests: ignored
    expect(b.median()).toBeCloseTo(0.2, 2);
  });

  it("says nothing before enough accounts are seen", () => {
    const b = new ContentBaseline(20);
    for (let i = 0; i < 19; i++) b.add(5, 1);
    expect(b.median()).toBeUndefined();
    b.add(5, 1);
    expect(b.median()).toBeCloseTo(0.2, 2);
  });
});
