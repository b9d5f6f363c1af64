// Bearer-key authentication with three ordered roles. Keys are stored only as sha256 hashes:
// the secret is high-entropy random, so a fast unsalted hash suffices (as GitHub and Stripe
// tokens do) and lets a key be found by a single indexed lookup.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { DistillwatchError } from "../errors.js";
import type { ApiKeyRecord, Role, Store } from "../store/types.js";
import type { ServerEnv } from "./env.js";

const rank: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

/** Hex sha256 of a key secret, the form in which keys are stored. */
export function hashKey(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A new random key secret; the `dw_` prefix makes leaked keys easy to grep for. */
export function generateKeySecret(): string {
  return `dw_${randomBytes(24).toString("base64url")}`;
}

/** Builds a key record for `secret` (the secret itself is not kept). */
export function newKeyRecord(name: string, role: Role, secret: string, now = Date.now()): ApiKeyRecord {
  return { id: randomUUID(), name, role, hash: hashKey(secret), createdAt: now };
}

/** Whether `have` grants at least `need`. */
export function hasRole(have: Role, need: Role): boolean {
  return rank[have] >= rank[need];
}

/** Middleware: resolves `Authorization: Bearer <key>` to a live key record, or 401. */
export function authenticate(store: Store): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m?.[1]) throw new DistillwatchError("unauthorized", "missing bearer key");
    const key = await store.findApiKeyByHash(hashKey(m[1]));
    if (!key || key.revokedAt !== undefined)
      throw new DistillwatchError("unauthorized", "unknown or revoked key");
    c.set("key", key);
    await next();
  };
}

/** Middleware: 403 unless the authenticated key has at least `need`. */
export function requireRole(need: Role): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const key = c.get("key");
    if (!hasRole(key.role, need))
      throw new DistillwatchError("forbidden", `this action needs role ${need}; key has ${key.role}`);
    await next();
  };
}

/**
 * Makes sure an admin key exists: the configured one (stored if new), else — when the store
 * holds no live admin key — a generated one, returned so that it can be shown exactly once.
 */
export async function ensureAdminKey(
  store: Store,
  configured: string | undefined,
): Promise<string | undefined> {
  if (configured) {
    if (!(await store.findApiKeyByHash(hashKey(configured))))
      await store.putApiKey(newKeyRecord("admin", "admin", configured));
    return undefined;
  }
  const keys = await store.listApiKeys();
  if (keys.some((k) => k.role === "admin" && k.revokedAt === undefined)) return undefined;
  const secret = generateKeySecret();
  await store.putApiKey(newKeyRecord("admin", "admin", secret));
  return secret;
}
