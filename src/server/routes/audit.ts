// Audit-log route: newest first, filterable by actor and action (viewer).
import { Hono } from "hono";
import { z } from "zod";
import type { ServerDeps, ServerEnv } from "../env.js";
import { pageQuery, readQuery } from "../validate.js";

const auditQuery = pageQuery.extend({
  actor: z.string().max(200).optional(),
  action: z.string().max(200).optional(),
});

/** Routes under /audit. */
export function auditRoutes({ store }: ServerDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get("/", async (c) => c.json(await store.listAudit(readQuery(c, auditQuery))));
  return app;
}
