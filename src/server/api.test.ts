// The analyst API's behaviour through real HTTP on a seeded SQLite store: paging and filters,
// campaign graphs, decisions feeding the lists, the review queue, list CRUD, ingest, audit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ListEntry } from "../store/types.js";
import { startTestServer, type TestServer } from "./fixture/test-server.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ accounts: 400, campaigns: 8, attackShare: 0.4, bigCampaign: 60, cases: 8 });
});
afterAll(() => t.close());

type Items<T = Record<string, unknown>> = { items: T[]; total: number };

describe("campaign and account reads", () => {
  it("pages campaigns without overlap and reports the total", async () => {
    const a = (await t.call("/campaigns?limit=3&offset=0", "viewer")).json as Items;
    const b = (await t.call("/campaigns?limit=3&offset=3", "viewer")).json as Items;
    expect(a.total).toBe(8);
    expect(a.items).toHaveLength(3);
    const ids = [...a.items, ...b.items].map((c) => c.campaign);
    expect(new Set(ids).size).toBe(6);
    expect(a.items[0]).toHaveProperty("accountCount");
    expect(a.items[0]).not.toHaveProperty("accounts");
  });

  it("sorts campaigns by account count when asked", async () => {
    const r = (await t.call("/campaigns?sort=accounts&limit=8", "viewer")).json as Items<{
      accountCount: number;
    }>;
    const counts = r.items.map((c) => c.accountCount);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
  });

  it("filters accounts by verdict and pages them", async () => {
    const r = (await t.call("/accounts?verdict=attack&limit=10", "viewer")).json as Items<{
      verdict: string;
    }>;
    expect(r.total).toBeGreaterThan(10);
    expect(r.items.every((a) => a.verdict === "attack")).toBe(true);
  });

  it("rejects an out-of-range page size with 422", async () => {
    const r = await t.call("/accounts?limit=100000", "viewer");
    expect(r.status).toBe(422);
    expect(r.json).toMatchObject({ error: { code: "input_invalid" } });
  });

  it("returns 404 for an unknown campaign", async () => {
    expect((await t.call("/campaigns/nope", "viewer")).status).toBe(404);
  });

  it("links a campaign's accounts that share payments, prefixes and templates", async () => {
    const campaign = (await t.call("/campaigns/c1", "viewer")).json as { accounts: string[] };
    const g = (await t.call("/campaigns/c1/graph", "viewer")).json as {
      nodes: { id: string }[];
      edges: { kinds: string[] }[];
      indicators: { kind: string }[];
      totalAccounts: number;
    };
    expect(g.totalAccounts).toBe(campaign.accounts.length);
    expect(g.nodes.map((n) => n.id).sort()).toEqual([...campaign.accounts].sort());
    // Chaining members keeps every account connected: at least n-1 links.
    expect(g.edges.length).toBeGreaterThanOrEqual(g.nodes.length - 1);
    expect([...new Set(g.edges.flatMap((e) => e.kinds))]).toEqual(
      expect.arrayContaining(["payment", "ip", "template"]),
    );
    expect(g.indicators.map((i) => i.kind)).toEqual(expect.arrayContaining(["payment", "ip", "template"]));
  });

  it("caps the graph at maxNodes and says it was truncated", async () => {
    const g = (await t.call("/campaigns/c1/graph?maxNodes=10", "viewer")).json as {
      nodes: unknown[];
      truncated: boolean;
    };
    expect(g.nodes).toHaveLength(10);
    expect(g.truncated).toBe(true);
  });

  it("shows an account's timeline newest first, with signals, and its samples", async () => {
    const tl = (await t.call("/accounts/acct_000001/timeline", "viewer")).json as {
      items: { ts: number; signals: Record<string, number> }[];
    };
    expect(tl.items.length).toBe(4);
    expect(tl.items[0]?.signals).toHaveProperty("distill");
    const samples = (await t.call("/accounts/acct_000001/samples", "viewer")).json as {
      items: { prompt: string }[];
    };
    expect(samples.items.length).toBeGreaterThan(0);
  });
});

describe("decisions feed back into enforcement", () => {
  it("puts a confirmed campaign's payments, prefixes, templates and accounts on block lists", async () => {
    const campaign = (await t.call("/campaigns/c2", "viewer")).json as {
      accounts: string[];
      indicators: { payments: string[]; ipPrefixes: string[]; templates: string[] };
    };
    const r = await t.call("/decisions", "analyst", {
      method: "POST",
      body: { subjectType: "campaign", subject: "c2", action: "confirm", reason: "confirmed-distillation" },
    });
    expect(r.status).toBe(201);
    const blocks = ((await t.call("/lists?list=block", "viewer")).json as { items: ListEntry[] }).items;
    const has = (type: string, value: string) => blocks.some((e) => e.type === type && e.value === value);
    for (const p of campaign.indicators.payments) expect(has("payment", p)).toBe(true);
    for (const p of campaign.indicators.ipPrefixes) expect(has("ip", p)).toBe(true);
    for (const p of campaign.indicators.templates) expect(has("template", p)).toBe(true);
    for (const a of campaign.accounts) expect(has("account", a)).toBe(true);
    expect(r.json).toMatchObject({
      lists: {
        added:
          campaign.indicators.payments.length +
          campaign.indicators.ipPrefixes.length +
          campaign.indicators.templates.length +
          campaign.accounts.length,
      },
    });
  });

  it("does not add the same block entries twice when a campaign is confirmed again", async () => {
    const r = await t.call("/decisions", "analyst", {
      method: "POST",
      body: { subjectType: "campaign", subject: "c2", action: "block", reason: "shared-infrastructure" },
    });
    expect(r.json).toMatchObject({ lists: { added: 0 } });
  });

  it("records a false positive as a label, allow-lists the account and lifts its block", async () => {
    const campaign = (await t.call("/campaigns/c2", "viewer")).json as { accounts: string[] };
    const account = campaign.accounts[0] as string;
    const r = await t.call("/decisions", "analyst", {
      method: "POST",
      body: {
        subjectType: "account",
        subject: account,
        action: "false-positive",
        reason: "legitimate-eval",
        note: "university eval",
      },
    });
    expect(r.status).toBe(201);
    const entries = ((await t.call("/lists", "viewer")).json as { items: ListEntry[] }).items.filter(
      (e) => e.value === account,
    );
    expect(entries.map((e) => e.list)).toEqual(["allow"]);
    const labels = await t.store.listDecisions({ subject: account, limit: 10, offset: 0 });
    expect(labels.items[0]).toMatchObject({
      action: "false-positive",
      reason: "legitimate-eval",
      actor: "test-analyst",
    });
  });

  it("refuses a reason outside the taxonomy", async () => {
    const r = await t.call("/decisions", "analyst", {
      method: "POST",
      body: { subjectType: "campaign", subject: "c3", action: "confirm", reason: "because" },
    });
    expect(r.status).toBe(422);
  });

  it("returns 404 when deciding about an unknown account", async () => {
    const r = await t.call("/decisions", "analyst", {
      method: "POST",
      body: { subjectType: "account", subject: "ghost", action: "block", reason: "tos-violation" },
    });
    expect(r.status).toBe(404);
  });
});

describe("review queue", () => {
  it("closes a case when it is decided and records who decided", async () => {
    const open = (await t.call("/cases?status=open", "viewer")).json as Items<{
      id: string;
      subject: string;
    }>;
    const c = open.items.find((x) => x.subject === "c3");
    expect(c).toBeDefined();
    const r = await t.call(`/cases/${c?.id}/decide`, "analyst", {
      method: "POST",
      body: { action: "confirm", reason: "templated-harvesting" },
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      case: { status: "decided" },
      decision: { actor: "test-analyst", subject: "c3" },
    });
    const again = await t.call(`/cases/${c?.id}/decide`, "analyst", {
      method: "POST",
      body: { action: "confirm", reason: "templated-harvesting" },
    });
    expect(again.status).toBe(409);
    const after = (await t.call("/cases?status=open", "viewer")).json as Items;
    expect(after.total).toBe(open.total - 1);
  });

  it("dismisses a case without a decision", async () => {
    const r = await t.call("/cases/case-c4/dismiss", "analyst", {
      method: "POST",
      body: { reason: "insufficient-evidence" },
    });
    expect(r.json).toMatchObject({ case: { status: "dismissed" } });
  });
});

describe("lists", () => {
  it("adds, refuses duplicates of, validates and removes typed entries", async () => {
    const add = await t.call("/lists", "analyst", {
      method: "POST",
      body: { list: "block", type: "ip", value: "203.0.113.0/24", note: "bulletproof host" },
    });
    expect(add.status).toBe(201);
    expect(add.json).toMatchObject({ createdBy: "test-analyst" });
    expect(
      (
        await t.call("/lists", "analyst", {
          method: "POST",
          body: { list: "block", type: "ip", value: "203.0.113.0/24" },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await t.call("/lists", "analyst", {
          method: "POST",
          body: { list: "block", type: "asn", value: "AS123" },
        })
      ).status,
    ).toBe(422);
    expect((await t.call(`/lists/${String(add.json.id)}`, "analyst", { method: "DELETE" })).status).toBe(200);
    expect((await t.call(`/lists/${String(add.json.id)}`, "analyst", { method: "DELETE" })).status).toBe(404);
  });
});

describe("ingest", () => {
  it("accepts valid JSONL lines and reports bad ones by line number", async () => {
    const good = { id: "ing-1", ts: "2026-02-03T10:00:00Z", account: "acct_new", prompt: "hello" };
    const text = [
      JSON.stringify(good),
      "{not json",
      JSON.stringify({ id: "ing-2", account: "x", prompt: "p" }),
      JSON.stringify({ ...good, id: "ing-3" }),
    ].join("\n");
    const before = await t.store.countExchanges();
    const r = await t.call("/ingest", "admin", { method: "POST", text });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ accepted: 2, rejected: [{ line: 2 }, { line: 3 }] });
    expect(await t.store.countExchanges()).toBe(before + 2);
  });
});

describe("audit log", () => {
  it("records every change with the key name as actor", async () => {
    const log = (await t.call("/audit?limit=200", "viewer")).json as Items<{ actor: string; action: string }>;
    const actions = new Set(log.items.map((e) => `${e.actor} ${e.action}`));
    for (const a of [
      "admin keys.create",
      "test-analyst decision.create",
      "test-analyst lists.feedback",
      "test-analyst case.dismiss",
      "test-analyst lists.add",
      "test-analyst lists.remove",
      "admin ingest.batch",
    ]) {
      expect(actions).toContain(a);
    }
    const filtered = (await t.call("/audit?action=lists.add", "viewer")).json as Items<{ action: string }>;
    expect(filtered.items.every((e) => e.action === "lists.add")).toBe(true);
  });
});
