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

  it("releases exchanges more than the time window older than the newest, before the buffer is full", () => {
    const r = new ReorderBuffer<number>(100, 10);
    const out: number[] = [];
    for (const ts of [5, 1, 3, 12, 11, 30]) r.push(ts, ts, out);
    // At 12: 1 leaves (older than 12-10); at 30: 3, 5, 11, 12 leave; 30 waits.
    expect(out).toEqual([1, 3, 5, 11, 12]);
    expect(r.size).toBe(1);
    r.push(25, 25, out);
    expect(r.late).toBe(0);
    r.drain(out);
    expect(out).toEqual([1, 3, 5, 11, 12, 25, 30]);
  });
});
