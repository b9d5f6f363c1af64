// The one behaviour contract every Store adapter must pass (after hono's common.case.test.ts and
// drizzle's tests()): each adapter's test file calls runStoreContract with a factory returning a
// fresh, empty store. Everything goes through the public Store surface.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  apiKey,
  audit,
  bareExchange,
  campaign,
  decision,
  exchange,
  listEntry,
  reviewCase,
  sample,
  seeded,
  t0,
  verdict,
} from "./contract-fixtures.js";
import type { ExchangeRow, Store } from "./types.js";

/** Registers the Store contract tests for one adapter; `skip` (a reason) skips them all. */
export function runStoreContract(
  name: string,
  create: () => Promise<Store>,
  opts: { skip?: string } = {},
): void {
  if (opts.skip) {
    console.warn(`${name} store contract skipped: ${opts.skip}`);
    describe.skip(`${name} store`, () => it("is skipped", () => undefined));
    return;
  }
  describe(`${name} store`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await create();
    });
    afterEach(async () => {
      await store?.close();
    });

    describe("exchanges", () => {
      it("reports new ids as inserted and repeated ids as not inserted", async () => {
        expect(await store.insertExchanges([exchange("e1", "a", t0), exchange("e2", "a", t0 + 1)])).toEqual([
          true,
          true,
        ]);
        expect(
          await store.insertExchanges([exchange("e2", "a", t0 + 1), exchange("e3", "a", t0 + 2)]),
        ).toEqual([false, true]);
        expect(await store.countExchanges()).toBe(3);
      });

      it("counts an id repeated within one batch once and keeps its first version", async () => {
        const first = exchange("dup", "a", t0);
        const second = { ...exchange("dup", "b", t0 + 5), inputTokens: 9999 };
        expect(await store.insertExchanges([first, second])).toEqual([true, false]);
        expect(await store.countExchanges()).toBe(1);
        expect(await store.listExchanges({ account: "a", limit: 10 })).toEqual([first]);
        expect(await store.listExchanges({ account: "b", limit: 10 })).toEqual([]);
      });

      it("returns every field as given and leaves absent optional fields absent", async () => {
        const full = exchange("full", "a", t0 + 7);
        const bare = bareExchange("bare", "a", t0 + 3);
        await store.insertExchanges([full, bare]);
        expect(await store.listExchanges({ account: "a", limit: 10 })).toStrictEqual([full, bare]);
      });

      it("lists an account's exchanges newest first, bounded by limit and before", async () => {
        await store.insertExchanges(
          [0, 1, 2, 3, 4]
            .map((i) => bareExchange(`x${i}`, "a", t0 + i * 10))
            .concat(bareExchange("y", "b", t0 + 100)),
        );
        const ids = async (q: { limit: number; before?: number }) =>
          (await store.listExchanges({ account: "a", ...q })).map((r) => r.id);
        expect(await ids({ limit: 3 })).toEqual(["x4", "x3", "x2"]);
        expect(await ids({ limit: 10, before: t0 + 20 })).toEqual(["x1", "x0"]);
        expect(await store.listExchanges({ account: "nobody", limit: 5 })).toEqual([]);
      });

      it("rejects a batch holding an exchange without an account instead of reporting it as a duplicate", async () => {
        const broken = { ...bareExchange("bad", "a", t0), account: null } as unknown as ExchangeRow;
        await expect(store.insertExchanges([bareExchange("ok", "a", t0), broken])).rejects.toThrow();
        expect(await store.countExchanges()).toBe(0);
      });

      it("stores exchanges and samples whose client-supplied text contains NUL characters", async () => {
        const odd = { ...exchange("nul", "a", t0), userAgent: "curl\u0000/8", template: "ab\u0000" };
        expect(await store.insertExchanges([odd])).toEqual([true]);
        expect(await store.countExchanges()).toBe(1);
        await store.addSamples([{ ...sample("a", "nul", t0), prompt: "ignore\u0000previous" }]);
        expect(await store.listSamples("a", 5)).toHaveLength(1);
      });

      it("accepts an empty batch", async () => {
        expect(await store.insertExchanges([])).toEqual([]);
        expect(await store.countExchanges()).toBe(0);
      });

      it("inserts a batch larger than one statement's parameter limit", async () => {
        const rows = Array.from({ length: 12_000 }, (_, i) => exchange(`big-${i}`, `acct-${i % 50}`, t0 + i));
        const firstPass = await store.insertExchanges(rows);
        expect(firstPass.every(Boolean)).toBe(true);
        const again = await store.insertExchanges([...rows.slice(0, 10), exchange("big-new", "acct-0", t0)]);
        expect(again).toEqual([...Array<boolean>(10).fill(false), true]);
        expect(await store.countExchanges()).toBe(12_001);
      });
    });

    describe("traffic series", () => {
      it("counts exchanges per time bucket and those of attack accounts as flagged", async () => {
        await store.putAccounts([verdict("bad", 0.95, "attack"), verdict("meh", 0.5, "review")]);
        await store.insertExchanges([
          bareExchange("1", "bad", t0 + 1),
          bareExchange("2", "good", t0 + 2),
          bareExchange("3", "meh", t0 + 3),
          bareExchange("4", "bad", t0 + 60_000),
          bareExchange("5", "bad", t0 + 61_000),
          bareExchange("6", "good", t0 + 180_000),
        ]);
        const base = Math.floor(t0 / 60_000) * 60_000;
        expect(await store.trafficSeries(60_000)).toEqual([
          { t: base, total: 3, flagged: 1 },
          { t: base + 60_000, total: 2, flagged: 2 },
          { t: base + 180_000, total: 1, flagged: 0 },
        ]);
      });

      it("returns no buckets for an empty store", async () => {
        expect(await store.trafficSeries(1000)).toEqual([]);
      });
    });

    describe("evidence samples", () => {
      it("keeps the samples it is given and lists an account's newest first up to the limit", async () => {
        const given = Array.from({ length: 7 }, (_, i) => sample("a", `s${i}`, t0 + i));
        await store.addSamples([...given, sample("b", "other", t0)]);
        expect(await store.listSamples("a", 100)).toStrictEqual([...given].reverse());
        expect((await store.listSamples("a", 2)).map((s) => s.exchangeId)).toEqual(["s6", "s5"]);
      });

      it("stores a sample of the same exchange once", async () => {
        await store.addSamples([sample("a", "s1", t0)]);
        await store.addSamples([
          sample("a", "s1", t0),
          { account: "a", exchangeId: "s2", ts: t0 + 1, prompt: "p" },
        ]);
        expect(await store.listSamples("a", 10)).toStrictEqual([
          { account: "a", exchangeId: "s2", ts: t0 + 1, prompt: "p" },
          sample("a", "s1", t0),
        ]);
      });
    });

    describe("accounts", () => {
      it("returns a stored verdict unchanged and undefined for an unknown account", async () => {
        const v = verdict("acct-1", 0.8731, "attack", { campaign: "c1" });
        await store.putAccounts([v]);
        expect(await store.getAccount("acct-1")).toStrictEqual(v);
        expect(await store.getAccount("acct-2")).toBeUndefined();
      });

      it("replaces an account's verdict when it is put again", async () => {
        await store.putAccounts([verdict("a", 0.9, "attack", { campaign: "c1" })]);
        const cleared = verdict("a", 0.1, "benign");
        await store.putAccounts([cleared]);
        expect(await store.getAccount("a")).toStrictEqual(cleared);
      });

      it("pages accounts by score and reports the total matching", async () => {
        const rand = seeded(7);
        const all = Array.from({ length: 40 }, (_, i) =>
          verdict(`acct-${String(i).padStart(2, "0")}`, Math.round(rand() * 1000) / 1000, "benign"),
        );
        await store.putAccounts(all);
        const byScore = [...all]
          .sort((a, b) => b.score - a.score || a.account.localeCompare(b.account))
          .map((v) => v.account);
        const page1 = await store.listAccounts({ limit: 15, offset: 0 });
        const page3 = await store.listAccounts({ limit: 15, offset: 30 });
        expect(page1.total).toBe(40);
        expect(page1.items.map((v) => v.account)).toEqual(byScore.slice(0, 15));
        expect(page3.items.map((v) => v.account)).toEqual(byScore.slice(30));
      });

      it("filters accounts by verdict, campaign, minimum score and id substring", async () => {
        await store.putAccounts([
          verdict("org-alpha-1", 0.95, "attack", { campaign: "c1" }),
          verdict("org-alpha-2", 0.7, "attack", { campaign: "c2" }),
          verdict("beta-1", 0.6, "review"),
          verdict("beta-2", 0.1, "benign"),
        ]);
        const accounts = async (q: Parameters<Store["listAccounts"]>[0]) => {
          const page = await store.listAccounts(q);
          return { ids: page.items.map((v) => v.account), total: page.total };
        };
        expect(await accounts({ verdict: "attack", limit: 10, offset: 0 })).toEqual({
          ids: ["org-alpha-1", "org-alpha-2"],
          total: 2,
        });
        expect(await accounts({ campaign: "c2", limit: 10, offset: 0 })).toEqual({
          ids: ["org-alpha-2"],
          total: 1,
        });
        expect(await accounts({ minScore: 0.6, limit: 10, offset: 0 })).toEqual({
          ids: ["org-alpha-1", "org-alpha-2", "beta-1"],
          total: 3,
        });
        expect(await accounts({ search: "alpha", minScore: 0.8, limit: 10, offset: 0 })).toEqual({
          ids: ["org-alpha-1"],
          total: 1,
        });
        expect(await accounts({ search: "ALPHA", limit: 10, offset: 0 })).toEqual({ ids: [], total: 0 });
        expect(await accounts({ search: "beta", limit: 1, offset: 1 })).toEqual({
          ids: ["beta-2"],
          total: 2,
        });
      });

      it("sorts accounts by requests, last seen or id", async () => {
        await store.putAccounts([
          verdict("b", 0.5, "review", { requests: 10, lastSeen: t0 + 3 }),
          verdict("a", 0.9, "attack", { requests: 30, lastSeen: t0 + 1 }),
          verdict("c", 0.2, "benign", { requests: 20, lastSeen: t0 + 2 }),
        ]);
        const order = async (sort: "requests" | "lastSeen" | "account" | "score") =>
          (await store.listAccounts({ sort, limit: 10, offset: 0 })).items.map((v) => v.account);
        expect(await order("requests")).toEqual(["a", "c", "b"]);
        expect(await order("lastSeen")).toEqual(["b", "c", "a"]);
        expect(await order("account")).toEqual(["a", "b", "c"]);
        expect(await order("score")).toEqual(["a", "b", "c"]);
      });
    });

    describe("campaigns", () => {
      it("returns a stored campaign unchanged and undefined for an unknown id", async () => {
        const c = campaign("c1", ["a", "b"], 0.88);
        await store.replaceCampaigns([c]);
        expect(await store.getCampaign("c1")).toStrictEqual(c);
        expect(await store.getCampaign("c9")).toBeUndefined();
      });

      it("replaces the whole campaign set", async () => {
        await store.replaceCampaigns([campaign("c1", ["a"], 0.5), campaign("c2", ["b"], 0.6)]);
        await store.replaceCampaigns([campaign("c3", ["c"], 0.7)]);
        const page = await store.listCampaigns({ limit: 10, offset: 0 });
        expect(page.items.map((c) => c.campaign)).toEqual(["c3"]);
        expect(page.total).toBe(1);
        await store.replaceCampaigns([]);
        expect((await store.listCampaigns({ limit: 10, offset: 0 })).total).toBe(0);
      });

      it("pages, filters and sorts campaigns", async () => {
        await store.replaceCampaigns([
          campaign("camp-east", ["a", "b", "c"], 0.9, { requests: 100, lastSeen: t0 + 1 }),
          campaign("camp-west", ["d"], 0.7, { requests: 900, lastSeen: t0 + 3 }),
          campaign("ring-9", ["e", "f"], 0.4, { requests: 500, lastSeen: t0 + 2 }),
        ]);
        const ids = async (q: Parameters<Store["listCampaigns"]>[0]) => {
          const page = await store.listCampaigns(q);
          return { ids: page.items.map((c) => c.campaign), total: page.total };
        };
        expect(await ids({ limit: 2, offset: 0 })).toEqual({ ids: ["camp-east", "camp-west"], total: 3 });
        expect(await ids({ limit: 2, offset: 2 })).toEqual({ ids: ["ring-9"], total: 3 });
        expect(await ids({ sort: "accounts", limit: 10, offset: 0 })).toEqual({
          ids: ["camp-east", "ring-9", "camp-west"],
          total: 3,
        });
        expect(await ids({ sort: "requests", limit: 10, offset: 0 })).toEqual({
          ids: ["camp-west", "ring-9", "camp-east"],
          total: 3,
        });
        expect(await ids({ sort: "lastSeen", limit: 10, offset: 0 })).toEqual({
          ids: ["camp-west", "ring-9", "camp-east"],
          total: 3,
        });
        expect(await ids({ minScore: 0.5, search: "camp", limit: 10, offset: 0 })).toEqual({
          ids: ["camp-east", "camp-west"],
          total: 2,
        });
      });
    });

    describe("decisions", () => {
      it("lists decisions newest first, optionally about one subject, with a total", async () => {
        await store.addDecision(decision("d1", "a", t0 + 1));
        await store.addDecision(
          decision("d2", "b", t0 + 2, {
            note: undefined,
            action: "false-positive",
            reason: "legitimate-eval",
          }),
        );
        await store.addDecision(decision("d3", "a", t0 + 3, { subjectType: "campaign" }));
        const all = await store.listDecisions({ limit: 2, offset: 0 });
        expect(all.total).toBe(3);
        expect(all.items.map((d) => d.id)).toEqual(["d3", "d2"]);
        expect(all.items[1]).toStrictEqual({
          id: "d2",
          subjectType: "account",
          subject: "b",
          action: "false-positive",
          reason: "legitimate-eval",
          actor: "ana",
          at: t0 + 2,
        });
        const aboutA = await store.listDecisions({ subject: "a", limit: 10, offset: 0 });
        expect(aboutA).toStrictEqual({
          items: [decision("d3", "a", t0 + 3, { subjectType: "campaign" }), decision("d1", "a", t0 + 1)],
          total: 2,
        });
      });
    });

    describe("allow and block lists", () => {
      it("adds entries and lists them filtered by list and type", async () => {
        const ip = listEntry("l1");
        const acct = listEntry("l2", {
          list: "allow",
          type: "account",
          value: "eval-lab",
          note: undefined,
          createdBy: undefined,
          expiresAt: undefined,
          createdAt: t0 + 1,
        });
        const asn = listEntry("l3", { type: "asn", value: "64501", createdAt: t0 + 2 });
        for (const e of [ip, acct, asn]) await store.addListEntry(e);
        expect(await store.listListEntries()).toStrictEqual([
          ip,
          { id: "l2", list: "allow", type: "account", value: "eval-lab", createdAt: t0 + 1 },
          asn,
        ]);
        expect((await store.listListEntries({ list: "block" })).map((e) => e.id)).toEqual(["l1", "l3"]);
        expect((await store.listListEntries({ list: "block", type: "asn" })).map((e) => e.id)).toEqual([
          "l3",
        ]);
      });

      it("removes an entry and reports whether it existed", async () => {
        await store.addListEntry(listEntry("l1"));
        expect(await store.removeListEntry("l1")).toBe(true);
        expect(await store.removeListEntry("l1")).toBe(false);
        expect(await store.listListEntries()).toEqual([]);
      });
    });

    describe("review cases", () => {
      it("returns the existing open case when a case is opened again for the same subject", async () => {
        const first = reviewCase("k1", "acct-1", 0.8);
        expect(await store.openCase(first)).toStrictEqual(first);
        expect(await store.openCase(reviewCase("k2", "acct-1", 0.9))).toStrictEqual(first);
        expect(await store.getCase("k2")).toBeUndefined();
        const otherType = reviewCase("k3", "acct-1", 0.9, { subjectType: "campaign" });
        expect(await store.openCase(otherType)).toStrictEqual(otherType);
      });

      it("opens a new case for a subject once its previous case is decided", async () => {
        await store.openCase(reviewCase("k1", "acct-1", 0.8));
        const decided = await store.updateCase("k1", {
          status: "decided",
          decidedAt: t0 + 50,
          decisionId: "d1",
        });
        expect(decided).toStrictEqual({
          ...reviewCase("k1", "acct-1", 0.8),
          status: "decided",
          decidedAt: t0 + 50,
          decisionId: "d1",
        });
        const next = reviewCase("k2", "acct-1", 0.95);
        expect(await store.openCase(next)).toStrictEqual(next);
      });

      it("updates only the patched fields and returns undefined for an unknown case", async () => {
        await store.openCase(reviewCase("k1", "acct-1", 0.8));
        expect(await store.updateCase("k1", { score: 0.85, summary: "new evidence" })).toStrictEqual({
          ...reviewCase("k1", "acct-1", 0.8),
          score: 0.85,
          summary: "new evidence",
        });
        expect(await store.updateCase("k1", {})).toStrictEqual(await store.getCase("k1"));
        expect(await store.updateCase("nope", { status: "dismissed" })).toBeUndefined();
      });

      it("lists cases by status, highest score first, with a total", async () => {
        await store.openCase(reviewCase("k1", "a", 0.6));
        await store.openCase(reviewCase("k2", "b", 0.9));
        await store.openCase(reviewCase("k3", "c", 0.7));
        await store.updateCase("k3", { status: "dismissed", decidedAt: t0 + 9 });
        expect(await store.listCases({ status: "open", limit: 10, offset: 0 })).toStrictEqual({
          items: [reviewCase("k2", "b", 0.9), reviewCase("k1", "a", 0.6)],
          total: 2,
        });
        const all = await store.listCases({ limit: 1, offset: 1 });
        expect({ ids: all.items.map((c) => c.id), total: all.total }).toEqual({ ids: ["k3"], total: 3 });
      });
    });

    describe("audit log", () => {
      it("lists entries newest first, same-time entries latest appended first", async () => {
        await store.appendAudit(audit("u1", t0 + 1));
        await store.appendAudit(
          audit("u2", t0 + 5, { subject: undefined, rule: undefined, detail: undefined }),
        );
        await store.appendAudit(audit("u3", t0 + 5));
        await store.appendAudit(audit("u0", t0));
        const page = await store.listAudit({ limit: 10, offset: 0 });
        expect(page.items.map((e) => e.id)).toEqual(["u3", "u2", "u1", "u0"]);
        expect(page.items[1]).toStrictEqual({ id: "u2", at: t0 + 5, actor: "ana", action: "decide" });
        expect(page.items[0]).toStrictEqual(audit("u3", t0 + 5));
      });

      it("filters audit entries by actor and action and pages them", async () => {
        await store.appendAudit(audit("u1", t0 + 1, { actor: "ana", action: "login" }));
        await store.appendAudit(audit("u2", t0 + 2, { actor: "bo", action: "decide" }));
        await store.appendAudit(audit("u3", t0 + 3, { actor: "ana", action: "decide" }));
        await store.appendAudit(audit("u3", t0 + 3, { actor: "ana", action: "decide" }));
        const ids = async (q: Parameters<Store["listAudit"]>[0]) => {
          const page = await store.listAudit(q);
          return { ids: page.items.map((e) => e.id), total: page.total };
        };
        expect(await ids({ actor: "ana", limit: 10, offset: 0 })).toEqual({ ids: ["u3", "u1"], total: 2 });
        expect(await ids({ action: "decide", limit: 1, offset: 1 })).toEqual({ ids: ["u2"], total: 2 });
        expect(await ids({ actor: "ana", action: "login", limit: 10, offset: 0 })).toEqual({
          ids: ["u1"],
          total: 1,
        });
      });
    });

    describe("api keys", () => {
      it("finds a key by its hash and lists all keys", async () => {
        const k1 = apiKey("k1", "hash-1");
        const k2 = apiKey("k2", "hash-2", { role: "admin", createdAt: t0 + 1 });
        await store.putApiKey(k1);
        await store.putApiKey(k2);
        expect(await store.findApiKeyByHash("hash-2")).toStrictEqual(k2);
        expect(await store.findApiKeyByHash("hash-3")).toBeUndefined();
        expect(await store.listApiKeys()).toStrictEqual([k1, k2]);
      });

      it("records a revocation when a key is put again", async () => {
        await store.putApiKey(apiKey("k1", "hash-1"));
        await store.putApiKey(apiKey("k1", "hash-1", { revokedAt: t0 + 10 }));
        expect(await store.findApiKeyByHash("hash-1")).toStrictEqual(
          apiKey("k1", "hash-1", { revokedAt: t0 + 10 }),
        );
        expect(await store.listApiKeys()).toHaveLength(1);
      });
    });

    describe("metadata", () => {
      it("stores, overwrites and reads metadata values", async () => {
        expect(await store.getMeta("last-run")).toBeUndefined();
        await store.setMeta("last-run", '{"exchanges":10}');
        await store.setMeta("last-run", '{"exchanges":20}');
        expect(await store.getMeta("last-run")).toBe('{"exchanges":20}');
      });
    });
  });
}
