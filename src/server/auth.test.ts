// Authentication and roles through real HTTP: every documented route refuses a missing key and
// a key below its role; the OpenAPI document describes every registered route.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../config/index.js";
import { openSqliteStore } from "../store/index.js";
import { createApp } from "./app.js";
import { hashKey } from "./auth.js";
import { startTestServer, type TestServer } from "./fixture/test-server.js";
import { buildOpenApi } from "./openapi.js";
import { startServer } from "./start-server.js";
import type { Role } from "../store/types.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** An id that exists in the seeded fixture, for each resource with an `{id}`. */
function sampleId(path: string): string {
  if (path.startsWith("/accounts")) return "acct_000000";
  if (path.startsWith("/cases")) return "case-c1";
  return "c1";
}

type Op = { "x-required-role": Role };
const below: Record<Role, Role[]> = { viewer: [], analyst: ["viewer"], admin: ["viewer", "analyst"] };
const operations = Object.entries(buildOpenApi().paths as Record<string, Record<string, Op>>).flatMap(
  ([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path: path.replace("{id}", sampleId(path)),
      role: op["x-required-role"],
    })),
);

describe("analyst API authentication", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it.each(operations)("refuses $method $path without a key", async ({ method, path }) => {
    const r = await t.call(path, null, { method });
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ error: { code: "unauthorized" } });
  });

  it.each(operations.filter((o) => o.role !== "viewer"))(
    "refuses $method $path to keys below $role",
    async ({ method, path, role }) => {
      for (const weaker of below[role]) {
        const r = await t.call(path, weaker, method === "GET" ? {} : { method, body: {} });
        expect(r.status, `${weaker} on ${method} ${path}`).toBe(403);
      }
    },
  );

  it.each(operations.filter((o) => o.method === "GET"))(
    "lets a viewer read GET $path",
    async ({ path, role }) => {
      const r = await t.call(path, role === "admin" ? "admin" : "viewer");
      expect(r.status).toBe(200);
    },
  );

  it("rejects a revoked key", async () => {
    const made = await t.call("/keys", "admin", {
      method: "POST",
      body: { name: "short-lived", role: "viewer" },
    });
    expect(made.status).toBe(201);
    const secret = String(made.json.key);
    const ok = await fetch(`${t.url}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(ok.status).toBe(200);
    expect(await t.call(`/keys/${String(made.json.id)}`, "admin", { method: "DELETE" })).toMatchObject({
      status: 200,
    });
    const after = await fetch(`${t.url}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(after.status).toBe(401);
  });

  it("stores keys only as sha256 hashes and never returns them", async () => {
    const listed = await t.call("/keys", "admin");
    const items = listed.json.items as Record<string, unknown>[];
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const k of items) expect(k).not.toHaveProperty("hash");
    expect(await t.store.findApiKeyByHash(hashKey(t.keys.analyst))).toMatchObject({
      role: "analyst",
      name: "test-analyst",
    });
  });

  it("serves the OpenAPI 3.1 document without a key", async () => {
    const res = await fetch(`${t.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ openapi: "3.1.0" });
  });
});

describe("OpenAPI document", () => {
  it("describes every registered API route", () => {
    const app = createApp({ store: {} as never, config: parseConfig({}) }, { webRoot: "/nonexistent" });
    const registered = new Set(
      app.routes
        .filter(
          (r) => r.method !== "ALL" && r.path.startsWith("/api/v1/") && r.path !== "/api/v1/openapi.json",
        )
        .map(
          (r) =>
            `${r.method} ${
              r.path
                .replace("/api/v1", "")
                .replace(/\/$/, "")
                .replace(/:(\w+)/g, "{$1}") || "/"
            }`,
        ),
    );
    const documented = new Set(
      Object.entries(buildOpenApi().paths as Record<string, object>).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
      ),
    );
    expect([...registered].sort()).toEqual([...documented].sort());
  });
});

describe("first admin key", () => {
  it("is generated once on a fresh store and honoured from the config otherwise", async () => {
    const dir = mkdtempSync(join(tmpdir(), "distillwatch-keys-"));
    const store = openSqliteStore(join(dir, "s.db"));
    try {
      const first = await startServer({ port: 0, store, config: parseConfig({}) });
      expect(first.adminKey).toMatch(/^dw_/);
      await first.close();
      const second = await startServer({ port: 0, store, config: parseConfig({}) });
      expect(second.adminKey).toBeUndefined();
      await second.close();
      const configured = "configured-admin-key-0123456789";
      const third = await startServer({
        port: 0,
        store,
        config: parseConfig({}, { DISTILLWATCH_ADMIN_KEY: configured }),
      });
      expect(third.adminKey).toBeUndefined();
      const me = await fetch(`${third.url}/api/v1/me`, {
        headers: { authorization: `Bearer ${configured}` },
      });
      expect(await me.json()).toEqual({ name: "admin", role: "admin" });
      await third.close();
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
