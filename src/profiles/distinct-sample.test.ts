import { describe, expect, it } from "vitest";
import { DistinctSample } from "./distinct-sample.js";

describe("DistinctSample", () => {
  it("keeps every value while there are at most k, once each", () => {
    const s = new DistinctSample(4);
    for (const v of ["a", "b", "a", "c", "b"]) s.add(v);
    expect(s.keys().sort()).toEqual(["a", "b", "c"]);
  });

  it("keeps the same values whatever the order, and two accounts keep the values they share", () => {
    const values = Array.from({ length: 200 }, (_, i) => `10.0.${i}.0/24`);
    const a = new DistinctSample(6);
    const b = new DistinctSample(6);
    for (const v of values) a.add(v);
    for (const v of [...values].reverse()) b.add(v);
    expect(a.keys()).toEqual(b.keys());
    expect(a.keys()).toHaveLength(6);
    // A second account using half of the values keeps those of its sample that are among the
    // first account's: consistent sampling.
    const c = new DistinctSample(6);
    for (const v of values.filter((_, i) => i % 2 === 0)) c.add(v);
    const inA = new Set(a.keys());
    const evenInA = a.keys().filter((v) => Number(v.split(".")[2]) % 2 === 0);
    expect(c.keys().filter((v) => inA.has(v))).toEqual(evenInA);
  });
});
