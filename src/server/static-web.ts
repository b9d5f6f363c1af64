// Serves the built dashboard (Vite output in dist/web) from the same process as the API, with a
// strict Content-Security-Policy as a second line of defence against attacker-controlled text.
import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import type { ServerEnv } from "./env.js";

const csp = [
  "default-src 'self'",
  "script-src 'self'",
  // uPlot and sigma set inline style attributes; the dashboard injects its stylesheet.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".ico": "image/x-icon",
};

/** Where the built dashboard is: dist/web from the repo root (running from src or dist). */
export function findWebRoot(): string | undefined {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const candidates = [resolve(here, "../../dist/web"), resolve(here, "../web")];
  return candidates.find((d) => existsSync(join(d, "index.html")) && existsSync(join(d, "assets")));
}

/** Mounts GET / and /assets/* on `app`, serving files from `root` (read once, then cached). */
export function mountWeb(app: Hono<ServerEnv>, root: string | undefined): void {
  const cache = new Map<string, Buffer>();
  const read = (rel: string): Buffer | undefined => {
    const file = normalize(join(root ?? "", rel));
    if (!root || !file.startsWith(root)) return undefined;
    let buf = cache.get(file);
    if (!buf && existsSync(file)) cache.set(file, (buf = readFileSync(file)));
    return buf;
  };
  const headers = (file: string) => ({
    "content-type": types[extname(file)] ?? "application/octet-stream",
    "content-security-policy": csp,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    // Hashed asset names never change content; index.html must be revalidated.
    "cache-control": file.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache",
  });
  app.get("/assets/*", (c) => {
    const rel = c.req.path.slice(1);
    const buf = read(rel);
    return buf ? c.body(new Uint8Array(buf), 200, headers(rel)) : c.text("not found", 404);
  });
  app.get("/", (c) => {
    const buf = read("index.html");
    if (!buf)
      return c.text("dashboard not built: run the Vite build (vite build -c vite.config.web.ts)", 503);
    return c.body(new Uint8Array(buf), 200, headers("index.html"));
  });
}
