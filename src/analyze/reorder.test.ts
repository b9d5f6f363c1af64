import { describe, expect, it } from "vitest";
import { ReorderBuffer } from "./reorder.js";

describe("ReorderBuffer", () => {
  it("releases near-sorted input in event-time order", () => {
    const r = new ReorderBuffer<number>(3);
    const out: number[] = [];
    for (const ts of [2, 1, 4, 3, 6, 5, 8, 7]) r.push(ts, ts, out);
    r.drain(out);
    expect(out).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.late).toBe(0);
  });

  it("counts exchanges older than what already left as late but still delivers them", () => {
    const r = new ReorderBuffer<number>(1);
    const out: number[] = [];
    for (const ts of [5, 6, 7, 1]) r.push(ts, ts, out);
    r.drain(out);
    expect(out.sort((a, b) => a - b)).toEqual([1, 5, 6, 7]);
    expect(r.late).toBe(1);
  });
});
