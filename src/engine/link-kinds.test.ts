import { describe, expect, it } from "vitest";
import type { IndicatorGroup } from "../linkage/index.js";
import { linkKindsByMember } from "./find-campaigns.js";

describe("linkKindsByMember (how firmly a member is tied to its community)", () => {
  // accounts 0–5: a hydra, each its own customer; 6: an ordinary customer's account that signed
  // up in the same hour and keeps the same hours; all seven in community 0
  const customers = Uint32Array.from({ length: 7 }, (_, i) => i + 1);
  const communityOf = new Int32Array(7).fill(0);
  const group = (kind: IndicatorGroup["kind"], members: number[]): IndicatorGroup => ({
    kind,
    value: `${kind}-1`,
    members,
  });
  const groups = [
    group("payment", [0, 1, 2]),
    group("ip-prefix", [0, 1, 2, 3, 4, 5]),
    group("signup-burst", [0, 1, 2, 3, 4, 5, 6]),
    group("window", [3, 4, 5, 6]),
  ];
  const { kinds, paymentTie } = linkKindsByMember(groups, communityOf, customers, new Set());

  it("does not tie an account by a sign-up hour or activity windows alone", () => {
    expect(kinds[6]).toBe(0);
  });

  it("lets them add to a real tie, and counts a card shared across customers twice", () => {
    expect(kinds[3]).toBe(2); // a shared block, plus the hour
    expect(kinds[0]).toBe(4); // a card (twice), a block, plus the hour
    expect(paymentTie[0]).toBe(1);
    expect(paymentTie[3]).toBe(0);
  });
});
