import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/index.js";
import type { ExchangeFacts } from "../events/normalize.js";
import { AccountState, combineScore } from "./index.js";

const attackAt = parseConfig({}).thresholds.attack;

/** A member of a flagged campaign (log-odds 4.5) that sent six harvest-looking requests. */
function member(linkKinds: number): AccountState {
  const s = new AccountState("acct");
  for (let i = 0; i < 6; i++) {
    const f = { id: `x${i}`, ts: 1_768_000_000_000 + i * 60_000, account: "acct" } as ExchangeFacts;
    s.profile.update(f, { scores: { distill: 0.9 }, capability: "coding", template: "" }, 1, false);
  }
  s.ownLogit = -1;
  s.campaign = "c1";
  s.campaignLogit = 4.5;
  s.campaignHarvest = 0.9;
  s.linkKinds = linkKinds;
  return s;
}

describe("combineScore", () => {
  it("lets a campaign convict a harvesting member as far as it is tied: two kinds of indicator fully, one partly, none (only a recipe, an SDK or a network) not at all", () => {
    const [none, one, two] = [0, 1, 2].map((k) => combineScore(member(k))) as [number, number, number];
    expect(two).toBeGreaterThanOrEqual(attackAt);
    expect(one).toBeGreaterThanOrEqual(attackAt);
    expect(none).toBeLessThan(attackAt);
    expect(none).toBeLessThan(one);
    expect(one).toBeLessThan(two);
  });
});

describe("combineScore, however sure the campaign", () => {
  it("does not convict a member tied by no actor indicator, while one tied by a card or an exit carries the verdict", () => {
    const sure = (kinds: number) => {
      const s = member(kinds);
      s.campaignLogit = 6.5; // score 99.8
      return combineScore(s);
    };
    expect(sure(0)).toBeLessThan(attackAt);
    expect(sure(1)).toBeGreaterThanOrEqual(attackAt);
    // a single tie carries a sure campaign no further than a fairly sure one
    expect(sure(1)).toBe(combineScore(member(1)));
    expect(sure(2)).toBeGreaterThan(sure(1));
    const paid = member(0);
    paid.campaignLogit = 6.5;
    paid.paymentTie = true;
    expect(combineScore(paid)).toBeGreaterThanOrEqual(attackAt);
  });
});
