// The analyst service as a Hono app: /api/v1 (authenticated, role-checked per route) and the
// dashboard's static files. Kept separate from the listener so tests can call `app.request`.
import { Hono } from "hono";
import { DistillwatchError } from "../errors.js";
import { authenticate } from "./auth.js";
import type { ServerDeps, ServerEnv } from "./env.js";
import { respondWithError } from "./http-errors.js";
import { buildOpenApi } from "./openapi.js";
import { accountRoutes } from "./routes/accounts.js";
import { auditRoutes } from "./routes/audit.js";
import { campaignRoutes } from "./routes/campaigns.js";
import { caseRoutes } from "./routes/cases.js";
import { decisionRoutes } from "./routes/decisions.js";
import { ingestRoutes } from "./routes/ingest.js";
import { keyRoutes } from "./routes/keys.js";
import { listRoutes } from "./routes/lists.js";
import { overviewRoutes } from "./routes/overview.js";
import { findWebRoot, mountWeb } from "./static-web.js";

/** Builds the app; `webRoot` overrides where the built dashboard is looked for. */
export function createApp(deps: ServerDeps, opts: { webRoot?: string } = {}): Hono<ServerEnv> {
  const api = new Hono<ServerEnv>();
  const openapi = buildOpenApi();
  api.get("/openapi.json", (c) => c.json(openapi));
  api.use("*", authenticate(deps.store));
  api.route("/", overviewRoutes(deps));
  api.route("/campaigns", campaignRoutes(deps));
  api.route("/accounts", accountRoutes(deps));
  api.route("/decisions", decisionRoutes(deps));
  api.route("/cases", caseRoutes(deps));
  api.route("/lists", listRoutes(deps));
  api.route("/audit", auditRoutes(deps));
  api.route("/ingest", ingestRoutes(deps));
  api.route("/keys", keyRoutes(deps));
  api.all("*", () => {
    throw new DistillwatchError("not_found", "no such API route");
  });

  const app = new Hono<ServerEnv>();
  app.onError(respondWithError);
  app.route("/api/v1", api);
  mountWeb(app, opts.webRoot ?? findWebRoot());
  return app;
}
