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

  it("gives an app's handful of power users who read like harvesting little weight", () => {
    const p = new AccountProfile("acct-app");
    // coding power users whose requests the model reads at ~0.6 (a campaign's relayed harvesting reads higher)
    const power = { scores: { distill: 0.55, cot: 0.2 }, capability: "coding", template: "" };
    const casual = { scores: { distill: 0.1 }, capability: "general", template: "" };
    for (let i = 0; i < 400; i++) {
      if (i % 2 === 0) p.update(facts(i, `power_${i % 10}`), power, 1, false);
      else p.update(facts(i, `user_${i % 120}`), casual, 1, false);
    }
    const mix = resellerMix(p);
    expect(mix?.harvesters).toBe(5);
    // below a third: the reseller-mix evidence alone does not make it a coordinated account
    expect(resellerStrength(mix)).toBeLessThan(1 / 3);
    expect(resellerStrength(mix)).toBeLessThan(resellerStrength(resellerMix(reseller(3000, 400))) / 2);
  });

  it("finds nothing in a reseller whose customers only ask ordinary questions", () => {
    const p = reseller(3400, 0);
    expect(resellerStrength(resellerMix(p))).toBe(0);
  });
});

describe("proxy rotation", () => {
  const harvest = { scores: { distill: 0.9, cot: 0.8 }, capability: "reasoning", template: "" };
  /** An account whose requests come from `exits` (ip, asn, country), one session each, in turn. */
  function account(exits: [string, number, string | undefined][], requests: number): AccountProfile {
    const p = new AccountProfile("acct-rotating");
    for (let i = 0; i < requests; i++) {
      const [ip, asn, country] = exits[Math.floor(i / 2) % exits.length]!;
      const v = validateExchange({
        id: `r${i}`,
        ts: 1_700_000_000_000 + i * 3_600_000,
        account: "acct-rotating",
        ip,
        asn,
        ...(country ? { country } : {}),
        messages: [{ role: "user", content: "Explain your full reasoning step by step." }],
      });
      if (!v.ok) throw new Error("test exchange is invalid");
      p.update(toFacts(v.exchange), harvest, 1, false);
    }
    return p;
  }
  const residential: [string, number, string][] = [
    ["73.182.56.235", 7922, "US"],
    ["177.207.219.112", 28573, "BR"],
    ["49.157.77.183", 55836, "IN"],
    ["116.109.223.5", 4657, "SG"],
    ["2003:75c1:6fca:39a6::1", 3320, "DE"],
  ];

  it("sees an account hopping between residential exits of several networks and countries, and says so", () => {
    const p = account(residential, 12);
    const f = accountFeatures(p);
    expect(f).toMatchObject({ networks: 5, countries: 5, rotatesExits: true });
    const e = accountEvidence(f, p).find((x) => x.signal === "proxy-rotation");
    expect(e?.detail).toBe(
      "It hops between proxy exits: its requests came from 5 networks in 5 countries, none of its IP blocks carrying half of them.",
    );
    // without countries in the logs, five networks
    expect(
      accountFeatures(
        account(
          residential.map(([ip, asn]) => [ip, asn, undefined]),
          12,
        ),
      ).rotatesExits,
    ).toBe(true);
  });

  it("does not count a developer's home, office and phone, a campus NAT pool or an account too new to tell", () => {
    const home: [string, number, string][] = [
      ["73.182.56.235", 7922, "US"],
      ["12.1.2.3", 7018, "US"],
      ["172.58.1.9", 21928, "US"],
    ];
    expect(accountFeatures(account(home, 30)).rotatesExits).toBe(false);
    const campus = Array.from({ length: 12 }, (_, i): [string, number, string] => [
      `128.32.${i}.7`,
      25,
      "US",
    ]);
    expect(accountFeatures(account(campus, 30)).rotatesExits).toBe(false);
    expect(accountFeatures(account(residential, 4)).rotatesExits).toBe(false);
  });
});
