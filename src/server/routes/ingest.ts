// Ingest route (admin): a JSONL batch in the body, handed line by line to the injected
// ingest function; bad lines come back with their numbers, good ones are kept.
import { Hono } from "hono";
import { DistillwatchError } from "../../errors.js";
import { requireRole } from "../auth.js";
import { recordAudit } from "../audit.js";
import type { ServerDeps, ServerEnv } from "../env.js";

/** Largest accepted batch body; bigger uploads belong to `distillwatch analyze`. */
const maxBatchBytes = 32 * 1024 * 1024;

/** Routes under /ingest. */
export function ingestRoutes({ store, ingest }: ServerDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.post("/", requireRole("admin"), async (c) => {
    if (!ingest) throw new DistillwatchError("conflict", "ingest is not enabled on this server");
    if (Number(c.req.header("content-length") ?? 0) > maxBatchBytes)
      throw new DistillwatchError("input_invalid", `batch larger than ${maxBatchBytes} bytes`);
    const text = await c.req.text();
    const lines = text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
    if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    const result = await ingest(lines);
    await recordAudit(store, {
      actor: c.get("key").name,
      action: "ingest.batch",
      detail: { lines: lines.length, accepted: result.accepted, rejected: result.rejected.length },
    });
    return c.json(result);
  });
  return app;
}
