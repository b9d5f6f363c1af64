// Overview routes (viewer): who am I, traffic and flagged share over time, headline counts,
// the policy rules in force (read-only: rules live in the config file).
import { Hono } from "hono";
import { z } from "zod";
import type { ServerDeps, ServerEnv } from "../env.js";
import { createSwrCache } from "../swr-cache.js";
import { readQuery } from "../validate.js";

/** The overview chart's bucket: one hour. */
export const defaultBucketMs = 3_600_000;
const trafficQuery = z.object({
  bucketMs: z.coerce
    .number()
    .int()
    .min(60_000)
    .max(30 * 86_400_000)
    .default(defaultBucketMs),
});

/** Routes at the API root: /me, /overview, /traffic, /rules. */
export function overviewRoutes({ store, config }: ServerDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const traffic = createSwrCache((bucket) => store.trafficSeries(Number(bucket)), {
    ttlMs: 30_000,
    maxEntries: 16,
  });
  // Warm the overview's series at start so the first visitor does not wait for the scan.
  void traffic.get(String(defaultBucketMs)).catch(() => undefined);
  app.get("/me", (c) => {
    const k = c.get("key");
    return c.json({ name: k.name, role: k.role });
  });
  app.get("/traffic", async (c) =>
    c.json({ items: await traffic.get(String(readQuery(c, trafficQuery).bucketMs)) }),
  );
  app.get("/overview", async (c) => {
    const count = async (verdict: "attack" | "review") =>
      (await store.listAccounts({ verdict, limit: 1, offset: 0 })).total;
    const [exchanges, accounts, attack, review, campaigns, openCases] = await Promise.all([
      store.countExchanges(),
      store.listAccounts({ limit: 1, offset: 0 }),
      count("attack"),
      count("review"),
      store.listCampaigns({ sort: "score", limit: 10, offset: 0 }),
      store.listCases({ status: "open", limit: 1, offset: 0 }),
    ]);
    return c.json({
      exchanges,
      accounts: { total: accounts.total, attack, review },
      campaigns: {
        total: campaigns.total,
        top: campaigns.items.map(({ accounts: a, ...rest }) => ({ ...rest, accountCount: a.length })),
      },
      openCases: openCases.total,
      thresholds: config.thresholds,
    });
  });
  app.get("/rules", (c) => c.json({ rules: config.policy.rules, failMode: config.policy.failMode }));
  return app;
}
