import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "./index.js";

describe("adjustedRandIndex", () => {
  it("matches the hand-computed classic example", () => {
    // truth [0,0,0,1,1,1], predicted [0,0,1,1,2,2] (sklearn adjusted_rand_score docs).
    // Contingency n_ij: row 0 = (2,1,0), row 1 = (0,1,2); a = (3,3); b = (2,2,2); n = 6.
    // index = C(2,2)+C(2,2) = 2; Σ C(a_i,2) = 6; Σ C(b_j,2) = 3; C(6,2) = 15.
    // expected = 6·3/15 = 1.2; max = (6+3)/2 = 4.5; ARI = (2−1.2)/(4.5−1.2) = 0.8/3.3 = 0.242424…
    expect(adjustedRandIndex(["0", "0", "0", "1", "1", "1"], ["0", "0", "1", "1", "2", "2"])).toBeCloseTo(
      0.8 / 3.3,
      12,
    );
  });

  it("matches two more hand-computed tables, one below zero", () => {
    // truth [0,0,1,2], predicted [0,0,1,1]: index 1, Σa 1, Σb 2, C(4,2) 6 → (1−1/3)/(1.5−1/3) = 4/7.
    expect(adjustedRandIndex(["0", "0", "1", "2"], ["0", "0", "1", "1"])).toBeCloseTo(4 / 7, 12);
    // truth [0,0,1,1], predicted [0,1,0,1]: index 0, Σa 2, Σb 2 → (0−2/3)/(2−2/3) = −0.5.
    expect(adjustedRandIndex(["0", "0", "1", "1"], ["0", "1", "0", "1"])).toBeCloseTo(-0.5, 12);
  });

  it("scores a relabelled identical partition as 1", () => {
    expect(adjustedRandIndex(["a", "a", "b", "c", "c"], ["x", "x", "y", "z", "z"])).toBe(1);
  });

  it("scores trivially agreeing partitions as 1", () => {
    expect(adjustedRandIndex(["a", "b", "c"], ["x", "y", "z"])).toBe(1);
    expect(adjustedRandIndex(["a", "a", "a"], ["x", "x", "x"])).toBe(1);
    expect(adjustedRandIndex(["a"], ["x"])).toBe(1);
    expect(adjustedRandIndex([], [])).toBe(1);
  });
});
