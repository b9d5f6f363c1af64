// Which accounts enter the linkage graph: harvest-reading traffic, or reasoning asks sent while
// moving between exits (a lab's CoT evaluations come from a few sites of its own).
import { describe, expect, it } from "vitest";
import { validateExchange } from "../events/contract.js";
import { toFacts } from "../events/normalize.js";
import { AccountState } from "./account-state.js";
import { isCandidate } from "./find-campaigns.js";

const t0 = Date.parse("2026-03-02T00:00:00Z");

/** An account of `requests` requests scored `scores`, request r sent from `ip(r)`. */
function account(requests: number, scores: Record<string, number>, ip: (r: number) => string): AccountState {
  const s = new AccountState("acct");
  for (let r = 0; r < requests; r++) {
    const v = validateExchange({
      id: `x${r}`,
      ts: t0 + r * 600_000,
      account: "acct",
      ip: ip(r),
      messages: [{ role: "user", content: "Solve it and show every step of your reasoning." }],
    });
    if (!v.ok) throw new Error(v.reason);
    s.profile.update(toFacts(v.exchange), { scores, capability: "math", template: "" }, 1, r === 0);
  }
  return s;
}

describe("linkage candidates", () => {
  const cot = { distill: 0.1, cot: 0.35 };
  it("takes reasoning asks that keep moving to new exits, however low their harvest score", () => {
    expect(account(20, cot, (r) => `100.${64 + (r % 10)}.${r}.9`).profile.sumHarvest / 20).toBeLessThan(0.35);
    expect(isCandidate(account(20, cot, (r) => `100.${64 + (r % 10)}.${r}.9`))).toBe(true);
  });

  it("leaves out the same asks from one site, or from a lab's three sites over hundreds of requests", () => {
    expect(isCandidate(account(20, cot, () => "203.0.113.9"))).toBe(false);
    expect(isCandidate(account(300, cot, (r) => `198.51.${r % 3}.7`))).toBe(false);
  });

  it("takes harvest-reading traffic from anywhere", () => {
    expect(isCandidate(account(20, { distill: 0.8 }, () => "203.0.113.9"))).toBe(true);
  });
});
