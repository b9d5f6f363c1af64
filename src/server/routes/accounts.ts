// Account routes: the filtered list, one account with its decisions, its timeline of
// exchanges (with per-exchange signals) and its evidence samples.
import { Hono } from "hono";
import { z } from "zod";
import { DistillwatchError } from "../../errors.js";
import type { ServerDeps, ServerEnv } from "../env.js";
import { pageQuery, readQuery } from "../validate.js";

const listQuery = pageQuery.extend({
  verdict: z.enum(["attack", "review", "benign"]).optional(),
  campaign: z.string().max(200).optional(),
  search: z.string().max(200).optional(),
  minScore: z.coerce.number().min(0).max(100).optional(),
  sort: z.enum(["score", "requests", "lastSeen", "account"]).default("score"),
});

const timelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  before: z.coerce.number().int().optional(),
});

const samplesQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

/** Routes under /accounts (viewer). */
export function accountRoutes({ store }: ServerDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get("/", async (c) => c.json(await store.listAccounts(readQuery(c, listQuery))));
  app.get("/:id", async (c) => {
    const id = c.req.param("id");
    const account = await store.getAccount(id);
    if (!account) throw new DistillwatchError("not_found", `no account ${id}`);
    const [decisions, lists] = await Promise.all([
      store.listDecisions({ subject: id, limit: 50, offset: 0 }),
      store.listListEntries({ type: "account" }),
    ]);
    return c.json({ account, decisions: decisions.items, lists: lists.filter((e) => e.value === id) });
  });
  app.get("/:id/timeline", async (c) => {
    const q = readQuery(c, timelineQuery);
    return c.json({ items: await store.listExchanges({ account: c.req.param("id"), ...q }) });
  });
  app.get("/:id/samples", async (c) => {
    const q = readQuery(c, samplesQuery);
    return c.json({ items: await store.listSamples(c.req.param("id"), q.limit) });
  });
  return app;
}
