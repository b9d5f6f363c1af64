import { describe, expect, it } from "vitest";
import type { IndicatorGroup } from "../linkage/index.js";
import { sameActor } from "./find-campaigns.js";

describe("sameActor (joining Louvain parts)", () => {
  // accounts 0–9: part a; 10–19: part b; every account its own customer
  const customers = Uint32Array.from({ length: 20 }, (_, i) => i + 1);
  const a = Array.from({ length: 10 }, (_, i) => i);
  const b = Array.from({ length: 10 }, (_, i) => i + 10);
  const card = (members: number[]): IndicatorGroup => ({ kind: "payment", value: "pm_1", members });
  const block = (v: string, members: number[]): IndicatorGroup => ({ kind: "ip-prefix", value: v, members });

  it("joins parts that each hold two or more accounts of one card", () => {
    expect(sameActor([card([0, 1, 2, 10, 11])], customers)(a, b)).toBe(true);
  });

  it("does not join a campaign to the part where Louvain placed one of its accounts", () => {
    expect(sameActor([card([0, 1, 2, 3, 10])], customers)(a, b)).toBe(false);
  });

  it("does not count one customer's own card, and joins parts that share three or more IP blocks", () => {
    const team = new Uint32Array(20).fill(7);
    expect(sameActor([card([0, 1, 10, 11])], team)(a, b)).toBe(false);
    const blocks = ["1.2.3.0/24", "5.6.7.0/24", "9.9.9.0/24"].map((v, i) => block(v, [i, 10 + i]));
    expect(sameActor(blocks, customers)(a, b)).toBe(true);
    expect(sameActor(blocks.slice(0, 2), customers)(a, b)).toBe(false);
  });
});
