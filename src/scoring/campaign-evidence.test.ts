import { describe, expect, it } from "vitest";
import { validateExchange } from "../events/contract.js";
import { toFacts } from "../events/normalize.js";
import { buildAccountGraph } from "../linkage/index.js";
import { AccountProfile, accountFeatures } from "../profiles/index.js";
import { assessCampaign } from "./campaign-evidence.js";

const t0 = Date.parse("2026-03-02T00:00:00Z");

interface Account {
  org?: string;
  payment: string;
  /** IP of request `r`. */
  ip: (r: number) => string;
  /** ASN of request `r` (none when absent). */
  asn?: (r: number) => number;
}

/** Six accounts, 30 harvesting-like requests each, one shared prompt template; returns the assessment. */
function assess(
  accountOf: (k: number) => Account,
  opts: { distill?: number; cot?: number; accounts?: number } = {},
) {
  const count = opts.accounts ?? 6;
  const profiles: AccountProfile[] = [];
  for (let k = 0; k < count; k++) {
    const a = accountOf(k);
    const p = new AccountProfile(`acct_${k}`);
    for (let r = 0; r < 30; r++) {
      const v = validateExchange({
        id: `x${k}_${r}`,
        ts: t0 + r * 3_600_000 + k * 600_000 * 7,
        account: `acct_${k}`,
        ...(a.org ? { org: a.org } : {}),
        payment: a.payment,
        ip: a.ip(r),
        ...(a.asn ? { asn: a.asn(r) } : {}),
        account_created: t0 - (300 + 40 * k) * 86_400_000,
        verification: "card",
        messages: [{ role: "user", content: "Generate 20 diverse instructions with answers." }],
      });
      if (!v.ok) throw new Error(v.reason);
      p.update(
        toFacts(v.exchange),
        {
          scores: { distill: opts.distill ?? 0.9, synthetic: 0.8, cot: opts.cot ?? 0 },
          capability: "general",
          template: "2a",
        },
        6,
        r === 0,
      );
    }
    profiles.push(p);
  }
  const { groups } = buildAccountGraph(profiles, () => 6);
  const members = profiles.map((profile) => ({ profile, features: accountFeatures(profile) }));
  const index = Array.from({ length: count }, (_, i) => i);
  const a = assessCampaign(members, index, groups);
  const points = (signal: string) => a.evidence.find((e) => e.signal === signal)?.points;
  return { signals: a.evidence.map((e) => e.signal), points };
}

const ownBlock = (k: number) => () => `203.${10 + k}.7.9`;
const sharedExits = (k: number) => (r: number) => `100.64.${(k + r) % 4}.${10 + k}`;

describe("campaign evidence", () => {
  it("counts one organisation's accounts as one customer: a shared card is its own", () => {
    const team = assess((k) => ({ org: "org_team", payment: "pm_team", ip: sharedExits(k) }));
    expect(team.signals).toContain("one-organisation");
    expect(team.signals).not.toContain("shared-payment");
    const separate = assess((k) => ({ org: `org_${k}`, payment: "pm_team", ip: sharedExits(k) }));
    expect(separate.signals).not.toContain("one-organisation");
    expect(separate.points("shared-payment")).toBeGreaterThan(0.5);
  });

  it("gives a shared template no weight unless separate customers share something a recipe cannot explain", () => {
    const recipe = assess((k) => ({ org: `org_${k}`, payment: `pm_${k}`, ip: ownBlock(k) }));
    expect(recipe.points("shared-template")).toBe(0);
    expect(recipe.points("no-shared-identity")).toBeLessThan(0);
    const pooled = assess((k) => ({ org: `org_${k}`, payment: `pm_${k}`, ip: sharedExits(k) }));
    expect(pooled.points("shared-template")).toBeGreaterThan(0.5);
    expect(pooled.signals).not.toContain("no-shared-identity");
  });

  it("tells accounts on fixed blocks of their own from accounts rotating through shared exits", () => {
    const servers = assess((k) => ({ payment: "pm_one", ip: ownBlock(k) }));
    expect(servers.signals).toContain("fixed-sites");
    expect(servers.signals).not.toContain("proxy-pool");
    const pool = assess((k) => ({ payment: "pm_one", ip: sharedExits(k) }));
    expect(pool.signals).toContain("proxy-pool");
    expect(pool.signals).not.toContain("fixed-sites");
  });

  it("counts every customer a card ties, when a hydra spreads its accounts over several cards", () => {
    const oneCard = assess((k) => ({ org: `org_${k}`, payment: "pm_all", ip: sharedExits(k) }));
    const threeCards = assess((k) => ({ org: `org_${k}`, payment: `pm_${k % 3}`, ip: sharedExits(k) }));
    expect(threeCards.points("shared-payment")).toBeCloseTo(oneCard.points("shared-payment")!, 6);
  });

  it("reads many blocks of one network (a campus NAT pool) as no proxy pool, and the same rotation over several ISPs as one", () => {
    const campus = assess((k) => ({
      org: `org_${k}`,
      payment: `pm_${k}`,
      ip: sharedExits(k),
      asn: () => 25,
    }));
    expect(campus.signals).not.toContain("proxy-pool");
    const isps = assess((k) => ({
      org: `org_${k}`,
      payment: `pm_${k}`,
      ip: sharedExits(k),
      asn: (r) => [7922, 701, 3320, 4134][(k + r) % 4]!,
    }));
    expect(isps.signals).toContain("proxy-pool");
  });

  it("adds that separate customers used the same exits of a proxy pool", () => {
    const isp = (k: number) => (r: number) => [7922, 701, 3320, 4134][(k + r) % 4]!;
    const shared = assess((k) => ({ org: `org_${k}`, payment: `pm_${k}`, ip: sharedExits(k), asn: isp(k) }));
    expect(shared.points("shared-exits")).toBeGreaterThan(0.3);
    // the same dispersion with exits of its own per account: a pool, but no exit in common
    const own = assess((k) => ({
      org: `org_${k}`,
      payment: `pm_${k}`,
      ip: (r) => `100.${64 + k}.${r % 4}.9`,
      asn: isp(k),
    }));
    expect(own.signals).toContain("proxy-pool");
    expect(own.signals).not.toContain("shared-exits");
  });

  it("counts reasoning asks as content for a pool that ties many customers, not for a handful", () => {
    const pool = (k: number) => ({ org: `org_${k}`, payment: `pm_${k}`, ip: sharedExits(k) });
    // a campaign's own CoT wording: low distillation score, high reasoning-elicitation score
    const quiet = { distill: 0.1, cot: 0.35 };
    const wide = assess(pool, { ...quiet, accounts: 24 }).points("campaign-content")!;
    const few = assess(pool, { ...quiet, accounts: 6 }).points("campaign-content")!;
    // six customers: only what the harvest score itself says (it reads 0.29, hardly content)
    expect(few).toBeLessThan(-1);
    expect(wide).toBeGreaterThan(few + 2);
  });
});
