import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTimestamp, validateExchange } from "../events/contract.js";
import { toFacts } from "../events/normalize.js";
import { harvestScore } from "../profiles/index.js";
import { annotateContent } from "../signals/annotate.js";
import { loadContentModel } from "../signals/content/index.js";
import { runSimulation, scenarios, type SimulateSummary } from "./index.js";

const SCALE = 0.3;
const dirs: string[] = [];
const fresh = (): string => {
  const d = mkdtempSync(join(tmpdir(), "dw-sim-"));
  dirs.push(d);
  return d;
};
const sha = (p: string): string => createHash("sha256").update(readFileSync(p)).digest("hex");
const lines = (p: string): string[] =>
  readFileSync(p, "utf8")
    .split("\n")
    .filter((l) => l.length > 0);

interface Truth {
  account: string;
  label: "attack" | "benign";
  campaign: string | null;
  persona: string;
}

let dir = "";
let summary: SimulateSummary;
let records: Record<string, unknown>[] = [];
let truth: Truth[] = [];

beforeAll(async () => {
  dir = fresh();
  summary = await runSimulation({ scenario: "small", seed: 42, outDir: dir, scale: SCALE });
  records = lines(join(dir, "exchanges.jsonl")).map((l) => JSON.parse(l) as Record<string, unknown>);
  truth = lines(join(dir, "truth.jsonl")).map((l) => JSON.parse(l) as Truth);
});

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("runSimulation", () => {
  it("lists the four scenarios", () => {
    expect([...scenarios].sort()).toEqual(["large", "medium", "reported-2026", "small"]);
  });

  it("writes the same bytes for the same seed and different bytes for another seed", async () => {
    const a = fresh();
    const b = fresh();
    await runSimulation({ scenario: "small", seed: 42, outDir: a, scale: SCALE });
    await runSimulation({ scenario: "small", seed: 43, outDir: b, scale: SCALE });
    for (const f of ["exchanges.jsonl", "truth.jsonl", "truth-exchanges.tsv"])
      expect(sha(join(a, f))).toBe(sha(join(dir, f)));
    expect(sha(join(b, "exchanges.jsonl"))).not.toBe(sha(join(dir, "exchanges.jsonl")));
  });

  it("writes only contract-valid exchanges, sorted by ts, with unique ids", () => {
    expect(records.length).toBe(summary.exchanges);
    expect(summary.exchanges).toBeGreaterThan(5000);
    let last = -Infinity;
    const ids = new Set<string>();
    for (const r of records) {
      const v = validateExchange(r);
      if (!v.ok) throw new Error(`invalid exchange ${String(r.id)}: ${v.reason}`);
      const t = parseTimestamp(v.exchange.ts) ?? NaN;
      expect(t).toBeGreaterThanOrEqual(last);
      last = t;
      ids.add(v.exchange.id);
    }
    expect(ids.size).toBe(records.length);
  });

  it("labels every account that sent traffic, and only those", () => {
    const seen = new Set(records.map((r) => String(r.account)));
    const labelled = new Set(truth.map((t) => t.account));
    expect(labelled).toEqual(seen);
    expect(truth.filter((t) => t.label === "attack").length).toBe(summary.attackAccounts);
    expect(new Set(truth.map((t) => t.campaign).filter((c) => c !== null)).size).toBe(summary.campaigns);
    expect(summary.campaigns).toBeGreaterThanOrEqual(3);
  });

  it("lists campaign exchanges of attack accounts only, including a reseller mixing customers in", () => {
    const byAccount = new Map(truth.map((t) => [t.account, t]));
    const rows = lines(join(dir, "truth-exchanges.tsv")).map((l) => l.split("\t"));
    const campaignIds = new Set(rows.map((r) => r[0]));
    for (const [, account, ms, campaign] of rows) {
      const t = byAccount.get(account ?? "");
      expect(t?.label).toBe("attack");
      expect(t?.campaign).toBe(campaign);
      expect(Number.isInteger(Number(ms))).toBe(true);
    }
    const reseller = truth.find((t) => t.persona === "reseller" && t.label === "attack");
    expect(reseller).toBeDefined();
    const mine = records.filter((r) => r.account === reseller?.account);
    const inCampaign = mine.filter((r) => campaignIds.has(String(r.id)));
    expect(inCampaign.length).toBeGreaterThan(0);
    expect(inCampaign.length).toBeLessThan(mine.length);
    expect(mine.every((r) => typeof r.end_user === "string")).toBe(true);
  });

  it("gives every campaign several prompt wordings", () => {
    const campaignOf = new Map(
      lines(join(dir, "truth-exchanges.tsv"))
        .map((l) => l.split("\t") as [string, string, string, string])
        .map((r) => [r[0], r[3]]),
    );
    const openings = new Map<string, Set<string>>();
    for (const r of records) {
      const c = campaignOf.get(String(r.id));
      if (!c) continue;
      const msgs = (r.messages as { role: string; content: unknown }[] | undefined) ?? [];
      const first = msgs.find((m) => m.role === "user" && typeof m.content === "string");
      const text = typeof r.prompt === "string" ? r.prompt : String(first?.content ?? "");
      const set = openings.get(c) ?? new Set<string>();
      set.add(text.slice(0, 25));
      openings.set(c, set);
    }
    for (const [, set] of openings) expect(set.size).toBeGreaterThan(10);
  });

  it("includes hard-negative customers: eval teams, synthetic-data and agent frameworks", () => {
    const personas = new Set(truth.filter((t) => t.label === "benign").map((t) => t.persona));
    for (const p of [
      "eval-team",
      "synthetic-data",
      "agent-framework",
      "university",
      "enterprise",
      "chat-app",
    ])
      expect(personas).toContain(p);
    const evalAccounts = truth.filter((t) => t.persona === "eval-team").map((t) => t.account);
    expect(evalAccounts.length).toBeGreaterThan(1);
  });

  it("mixes ordinary chat into every campaign account on request (camouflage)", async () => {
    const model = loadContentModel();
    /** Mean harvest score of the campaign exchanges of a run, and how many accounts sent them. */
    const campaignHarvest = (d: string) => {
      const inCampaign = new Set(lines(join(d, "truth-exchanges.tsv")).map((l) => l.split("\t")[0]));
      let sum = 0;
      let n = 0;
      for (const l of lines(join(d, "exchanges.jsonl"))) {
        const v = validateExchange(JSON.parse(l));
        if (!v.ok || !inCampaign.has(v.exchange.id)) continue;
        sum += harvestScore(annotateContent(model, toFacts(v.exchange)).scores);
        n += 1;
      }
      return sum / n;
    };
    const camo = fresh();
    await runSimulation({ scenario: "small", seed: 42, outDir: camo, scale: SCALE, camouflage: 0.5 });
    const plain = campaignHarvest(dir);
    expect(campaignHarvest(camo)).toBeLessThan(plain - 0.2);
    await expect(
      runSimulation({ scenario: "small", seed: 42, outDir: fresh(), scale: SCALE, camouflage: 0.95 }),
    ).rejects.toThrow(/camouflage/);
  });

  it("keeps each campaign account on one exit of its own on request (fixed exits)", async () => {
    /** Distinct IPs per direct campaign account (the reseller's own traffic aside). */
    const ipsPerAccount = (d: string) => {
      const direct = new Set(
        lines(join(d, "truth.jsonl"))
          .map((l) => JSON.parse(l) as Truth)
          .filter((t) => t.label === "attack" && t.persona !== "reseller")
          .map((t) => t.account),
      );
      const ips = new Map<string, Set<string>>();
      for (const l of lines(join(d, "exchanges.jsonl"))) {
        const r = JSON.parse(l) as { account: string; ip?: string };
        if (!direct.has(r.account) || !r.ip) continue;
        const set = ips.get(r.account) ?? new Set<string>();
        set.add(r.ip);
        ips.set(r.account, set);
      }
      return [...ips.values()].map((x) => x.size);
    };
    const fixed = fresh();
    await runSimulation({ scenario: "small", seed: 42, outDir: fixed, scale: SCALE, fixedExits: true });
    expect(ipsPerAccount(fixed).every((n) => n === 1)).toBe(true);
    expect(ipsPerAccount(dir).some((n) => n > 1)).toBe(true);
  });
});
