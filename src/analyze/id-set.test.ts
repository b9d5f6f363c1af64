import { describe, expect, it } from "vitest";
import { IdSet } from "./id-set.js";

describe("IdSet", () => {
  it("reports each id new once, across growth", () => {
    const s = new IdSet(8);
    for (let i = 0; i < 50_000; i++) expect(s.add(`req_${i}`)).toBe(true);
    for (let i = 0; i < 50_000; i += 7) expect(s.add(`req_${i}`)).toBe(false);
    expect(s.size).toBe(50_000);
  });
});
