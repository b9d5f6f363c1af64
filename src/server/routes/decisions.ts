// Decision routes: history (viewer), the reason taxonomy (viewer), new decisions (analyst).
import { Hono } from "hono";
import { z } from "zod";
import { requireRole } from "../auth.js";
import { decisionInput, recordDecision } from "../decide.js";
import type { ServerDeps, ServerEnv } from "../env.js";
import { reasonTaxonomy } from "../reasons.js";
import { pageQuery, readJson, readQuery } from "../validate.js";

const listQuery = pageQuery.extend({ subject: z.string().max(500).optional() });

/** Routes under /decisions. */
export function decisionRoutes({ store }: ServerDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get("/", async (c) => c.json(await store.listDecisions(readQuery(c, listQuery))));
  app.get("/reasons", (c) => c.json(reasonTaxonomy));
  app.post("/", requireRole("analyst"), async (c) => {
    const input = await readJson(c, decisionInput);
    return c.json(await recordDecision(store, c.get("key").name, input), 201);
  });
  return app;
}
