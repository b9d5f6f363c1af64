import { describe, expect, it } from "vitest";
import { rocAuc } from "./auc.js";

describe("rocAuc", () => {
  it("is 1 when every positive outranks every negative", () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
  });
  it("equals the share of correctly ordered pairs, ties counting half", () => {
    // positives 0.8, 0.5; negatives 0.1, 0.9 -> pairs won: 1 + 0 + 1 + 0 = 2 of 4
    expect(rocAuc([0.8, 0.5, 0.1, 0.9], [1, 1, 0, 0])).toBe(0.5);
    // positives 0.6, 0.4; negatives 0.4, 0.2 -> 1 + 1 + 0.5 + 1 = 3.5 / 4
    expect(rocAuc([0.6, 0.4, 0.4, 0.2], [1, 1, 0, 0])).toBe(0.875);
  });
  it("is NaN when one class is missing", () => {
    expect(rocAuc([0.3, 0.4], [1, 1])).toBeNaN();
  });
});
