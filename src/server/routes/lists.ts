// Allow/block list routes: read (viewer), add and remove entries (analyst), audited.
import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { z } from "zod";
import { DistillwatchError } from "../../errors.js";
import type { ListEntry } from "../../store/types.js";
import { requireRole } from "../auth.js";
import { recordAudit } from "../audit.js";
import type { ServerDeps, ServerEnv } from "../env.js";
import { readJson, readQuery } from "../validate.js";

const listKind = z.enum(["allow", "block"]);
const listType = z.enum(["account", "key", "ip", "asn", "payment", "template"]);
const listQuery = z.object({ list: listKind.optional(), type: listType.optional() });

/** A new list entry; ASN values must be numbers, IP values an address or CIDR. */
export const listEntryInput = z
  .object({
    list: listKind,
    type: listType,
    value: z.string().trim().min(1).max(500),
    note: z.string().max(2000).optional(),
    expiresAt: z.number().int().positive().optional(),
  })
  .refine((e) => e.type !== "asn" || /^\d+$/.test(e.value), {
    path: ["value"],
    message: "an ASN is a number",
  })
  .refine((e) => e.type !== "ip" || /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(e.value), {
    path: ["value"],
    message: "an IP address or CIDR",
  });

/** Routes under /lists. */
export function listRoutes({ store }: ServerDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get("/", async (c) => c.json({ items: await store.listListEntries(readQuery(c, listQuery)) }));
  app.post("/", requireRole("analyst"), async (c) => {
    const body = await readJson(c, listEntryInput);
    const actor = c.get("key").name;
    const dup = (await store.listListEntries({ list: body.list, type: body.type })).find(
      (e) => e.value === body.value,
    );
    if (dup) throw new DistillwatchError("conflict", `${body.value} is already on the ${body.list} list`);
    const entry: ListEntry = { id: randomUUID(), ...body, createdBy: actor, createdAt: Date.now() };
    await store.addListEntry(entry);
    await recordAudit(store, {
      actor,
      action: "lists.add",
      subject: entry.value,
      detail: { id: entry.id, list: entry.list, type: entry.type },
    });
    return c.json(entry, 201);
  });
  app.delete("/:id", requireRole("analyst"), async (c) => {
    const id = c.req.param("id");
    if (!(await store.removeListEntry(id))) throw new DistillwatchError("not_found", `no list entry ${id}`);
    await recordAudit(store, { actor: c.get("key").name, action: "lists.remove", detail: { id } });
    return c.json({ removed: id });
  });
  return app;
}
