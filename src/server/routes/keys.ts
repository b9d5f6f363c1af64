// API-key routes (admin): list, create with a role (the secret is returned once), revoke.
import { Hono } from "hono";
import { z } from "zod";
import { DistillwatchError } from "../../errors.js";
import type { ApiKeyRecord } from "../../store/types.js";
import { generateKeySecret, newKeyRecord, requireRole } from "../auth.js";
import { recordAudit } from "../audit.js";
import type { ServerDeps, ServerEnv } from "../env.js";
import { readJson } from "../validate.js";

export const createKeyBody = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(["viewer", "analyst", "admin"]),
});

/** A key record without its hash: what the API shows. */
export function publicKey({ hash: _hash, ...rest }: ApiKeyRecord): Omit<ApiKeyRecord, "hash"> {
  return rest;
}

/** Routes under /keys. */
export function keyRoutes({ store }: ServerDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.use("*", requireRole("admin"));
  app.get("/", async (c) => c.json({ items: (await store.listApiKeys()).map(publicKey) }));
  app.post("/", async (c) => {
    const body = await readJson(c, createKeyBody);
    const existing = await store.listApiKeys();
    if (existing.some((k) => k.name === body.name && k.revokedAt === undefined))
      throw new DistillwatchError("conflict", `a live key named ${body.name} exists`);
    const secret = generateKeySecret();
    const rec = newKeyRecord(body.name, body.role, secret);
    await store.putApiKey(rec);
    await recordAudit(store, {
      actor: c.get("key").name,
      action: "keys.create",
      subject: rec.name,
      detail: { id: rec.id, role: rec.role },
    });
    return c.json({ ...publicKey(rec), key: secret }, 201);
  });
  app.delete("/:id", async (c) => {
    const id = c.req.param("id");
    const rec = (await store.listApiKeys()).find((k) => k.id === id);
    if (!rec) throw new DistillwatchError("not_found", `no key ${id}`);
    if (rec.revokedAt !== undefined) throw new DistillwatchError("conflict", `key ${id} is already revoked`);
    const revoked = { ...rec, revokedAt: Date.now() };
    await store.putApiKey(revoked);
    await recordAudit(store, {
      actor: c.get("key").name,
      action: "keys.revoke",
      subject: rec.name,
      detail: { id },
    });
    return c.json(publicKey(revoked));
  });
  return app;
}
