import { describe, expect, it } from "vitest";
import { validateExchange } from "../events/contract.js";
import { toFacts, type ExchangeFacts } from "../events/normalize.js";
import { AccountProfile } from "../profiles/index.js";
import { accountEvidence, resellerMix, resellerStrength } from "./account-evidence.js";
import { accountFeatures } from "../profiles/index.js";

function facts(i: number, endUser: string): ExchangeFacts {
  const v = validateExchange({
    id: `e${i}`,
    ts: 1_700_000_000_000 + i * 60_000,
    account: "acct-reseller",
    end_user: endUser,
    ip: "198.51.100.7",
    messages: [{ role: "user", content: "hello" }],
  });
  if (!v.ok) throw new Error("test exchange is invalid");
  return toFacts(v.exchange);
}

/** An established reseller: `before` requests of 150 customers, then a campaign's 12 end users send 45%. */
function reseller(before: number, after: number): AccountProfile {
  const p = new AccountProfile("acct-reseller");
  let x = 7;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296;
  const customer = { scores: { distill: 0.05, cot: 0.1 }, capability: "general", template: "" };
  const campaign = { scores: { distill: 0.9, cot: 0.8 }, capability: "reasoning", template: "" };
  for (let i = 0; i < before + after; i++) {
    if (i >= before && next() < 0.45)
      p.update(facts(i, `campaign_${Math.floor(next() * 12)}`), campaign, 1, false);
    else p.update(facts(i, `customer_${Math.floor(next() * 150)}`), customer, 1, false);
  }
  return p;
}

describe("reseller mix", () => {
  it("sees a campaign that starts using an established reseller in its recent traffic", () => {
    const p = reseller(3000, 400);
    expect(p.suspicious / p.n).toBeLessThan(0.1);
    const mix = resellerMix(p);
    expect(mix?.recent).toBe(true);
    expect(mix!.share).toBeGreaterThan(0.3);
    expect(mix!.endUsers.every((u) => u.startsWith("campaign_"))).toBe(true);
    expect(resellerStrength(mix)).toBeGreaterThan(0.5);
    const reason = accountEvidence(accountFeatures(p), p).find((e) => e.signal === "reseller-mix");
    expect(reason?.detail).toMatch(
      /^It relays about \d+ end users; \d+% of its last 128 requests come from \d+ of them/,
    );
  });

  it("finds nothing in a reseller whose customers only ask ordinary questions", () => {
    const p = reseller(3400, 0);
    expect(resellerStrength(resellerMix(p))).toBe(0);
  });
});
