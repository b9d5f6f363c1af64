// Review-queue routes: list and read cases (viewer), decide or dismiss one (analyst).
import { Hono } from "hono";
import { z } from "zod";
import { DistillwatchError } from "../../errors.js";
import { requireRole } from "../auth.js";
import { recordAudit } from "../audit.js";
import { decisionInput, recordDecision } from "../decide.js";
import type { ServerDeps, ServerEnv } from "../env.js";
import { reasonCodes } from "../reasons.js";
import { pageQuery, readJson, readQuery } from "../validate.js";

const listQuery = pageQuery.extend({ status: z.enum(["open", "decided", "dismissed"]).optional() });
export const decideCaseBody = decisionInput.pick({ action: true, reason: true, note: true });
export const dismissCaseBody = z.object({
  reason: z.enum(reasonCodes),
  note: z.string().max(4000).optional(),
});

/** Routes under /cases. */
export function caseRoutes({ store }: ServerDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const load = async (id: string) => {
    const found = await store.getCase(id);
    if (!found) throw new DistillwatchError("not_found", `no case ${id}`);
    return found;
  };
  app.get("/", async (c) => c.json(await store.listCases(readQuery(c, listQuery))));
  app.get("/:id", async (c) => {
    const rc = await load(c.req.param("id"));
    const decisions = await store.listDecisions({ subject: rc.subject, limit: 20, offset: 0 });
    return c.json({ case: rc, decisions: decisions.items });
  });
  app.post("/:id/decide", requireRole("analyst"), async (c) => {
    const rc = await load(c.req.param("id"));
    const body = await readJson(c, decideCaseBody);
    const outcome = await recordDecision(store, c.get("key").name, {
      ...body,
      subjectType: rc.subjectType,
      subject: rc.subject,
      caseId: rc.id,
    });
    return c.json(outcome, 201);
  });
  app.post("/:id/dismiss", requireRole("analyst"), async (c) => {
    const rc = await load(c.req.param("id"));
    if (rc.status !== "open")
      throw new DistillwatchError("conflict", `case ${rc.id} is already ${rc.status}`);
    const body = await readJson(c, dismissCaseBody);
    const updated = await store.updateCase(rc.id, { status: "dismissed", decidedAt: Date.now() });
    await recordAudit(store, {
      actor: c.get("key").name,
      action: "case.dismiss",
      subject: rc.subject,
      detail: { case: rc.id, reason: body.reason, note: body.note },
    });
    return c.json({ case: updated });
  });
  return app;
}
