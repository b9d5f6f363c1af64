// Admin endpoints under /_distillwatch/, guarded by their own key (config.gateway.adminKey in
// `x-distillwatch-admin-key`), never by the API keys clients send for the upstream.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { DistillwatchError, isDistillwatchError } from "../errors.js";
import type { ListEntry, Store } from "../store/types.js";
import type { DetectorHealth } from "./detector-link.js";
import type { PolicyState } from "./policy-state.js";
import type { RecentDecision } from "./recent-decisions.js";
import type { WriterStats } from "./store-writer.js";
import type { PolicyVerdict } from "../policy/index.js";

/** What the admin endpoints read and change. */
export interface AdminDeps {
  adminKey: string | undefined;
  policy: PolicyState;
  store: Store | undefined;
  health: () => DetectorHealth;
  writer: () => WriterStats;
  verdicts: () => Iterable<[string, PolicyVerdict]>;
  recent: () => RecentDecision[];
  /** Reloads config and stored lists; returns what was loaded. */
  reload: () => Promise<{ rules: number; listEntries: number }>;
  audit: (action: string, subject: string, detail: Record<string, unknown>) => void;
}

export const adminPrefix = "/_distillwatch/";

const newEntry = z.strictObject({
  list: z.enum(["allow", "block"]),
  type: z.enum(["account", "key", "ip", "asn", "payment", "template"]),
  value: z.string().min(1).max(512),
  note: z.string().max(2000).optional(),
  expiresAt: z.number().int().positive().optional(),
});

const digest = (s: string): Buffer => createHash("sha256").update(s).digest();

/** Constant-time key check (hashing first makes the lengths equal). */
function authorized(req: IncomingMessage, adminKey: string | undefined): boolean {
  const given = req.headers["x-distillwatch-admin-key"];
  if (adminKey === undefined || typeof given !== "string") return false;
  return timingSafeEqual(digest(given), digest(adminKey));
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res
    .writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) })
    .end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > 64 * 1024) throw new DistillwatchError("input_invalid", "request body too large");
    chunks.push(c);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch (cause) {
    throw new DistillwatchError("input_invalid", "request body is not JSON", { cause });
  }
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  deps: AdminDeps,
  path: string,
  query: URLSearchParams,
): Promise<void> {
  const method = req.method ?? "GET";
  if (path === "health" && method === "GET") {
    const detector = deps.health();
    const p = deps.policy.current;
    return send(res, 200, {
      ok: detector.healthy || p.failMode === "open",
      detector,
      writer: deps.writer(),
      policy: { rules: p.rules.length, listEntries: p.lists.size, failMode: p.failMode },
    });
  }
  if (path === "decisions" && method === "GET") {
    const account = query.get("account");
    const limit = Math.min(Number(query.get("limit") ?? 100) || 100, 10_000);
    const accounts: (PolicyVerdict & { account: string })[] = [];
    for (const [a, v] of deps.verdicts()) {
      if (account !== null && a !== account) continue;
      accounts.push({ account: a, ...v });
    }
    accounts.sort((x, y) => y.score - x.score);
    const recent = deps.recent().filter((d) => account === null || d.account === account);
    return send(res, 200, { accounts: accounts.slice(0, limit), recent: recent.slice(0, limit) });
  }
  if (path === "lists" && method === "GET") return send(res, 200, { entries: deps.policy.entries() });
  if (path === "lists" && method === "POST") {
    const parsed = newEntry.safeParse(await readJson(req));
    if (!parsed.success)
      throw new DistillwatchError(
        "input_invalid",
        parsed.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; "),
      );
    const entry: ListEntry = deps.policy.add({ ...parsed.data, createdBy: "gateway-admin" });
    await deps.store?.addListEntry(entry);
    deps.audit("list-add", `${entry.type}:${entry.value}`, { id: entry.id, list: entry.list });
    return send(res, 201, entry);
  }
  if (path.startsWith("lists/") && method === "DELETE") {
    const id = decodeURIComponent(path.slice("lists/".length));
    const removed = deps.policy.remove(id);
    const removedStored = (await deps.store?.removeListEntry(id)) ?? false;
    if (!removed && !removedStored) throw new DistillwatchError("not_found", `no run-time list entry ${id}`);
    deps.audit("list-remove", id, {});
    res.writeHead(204).end();
    return;
  }
  if (path === "reload" && method === "POST") {
    const loaded = await deps.reload();
    deps.audit("reload", "policy", loaded);
    return send(res, 200, loaded);
  }
  throw new DistillwatchError("not_found", `no admin endpoint ${method} /_distillwatch/${path}`);
}

/** Handles a request under /_distillwatch/; errors map to their status in this one place. */
export async function handleAdmin(req: IncomingMessage, res: ServerResponse, deps: AdminDeps): Promise<void> {
  try {
    if (!authorized(req, deps.adminKey)) {
      const message =
        deps.adminKey === undefined
          ? "admin endpoints are disabled: set gateway.adminKey"
          : "missing or wrong x-distillwatch-admin-key";
      throw new DistillwatchError("unauthorized", message);
    }
    const url = new URL(req.url ?? "/", "http://gateway");
    await route(req, res, deps, url.pathname.slice(adminPrefix.length), url.searchParams);
  } catch (e) {
    const status = isDistillwatchError(e) ? e.status : 500;
    const message = isDistillwatchError(e) ? e.message : "internal error";
    if (!res.headersSent)
      send(res, status, { error: { code: isDistillwatchError(e) ? e.code : "internal", message } });
    else res.destroy();
  }
}
