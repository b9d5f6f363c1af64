// The analyst service: REST API under /api/v1 and the dashboard, in one process.
export { startServer } from "./start-server.js";
export type { StartServerOptions, RunningServer } from "./start-server.js";
export { createApp } from "./app.js";
export type { IngestFn, IngestResult, ServerDeps } from "./env.js";
export { hashKey } from "./auth.js";
export { buildOpenApi } from "./openapi.js";
export { reasonTaxonomy } from "./reasons.js";
