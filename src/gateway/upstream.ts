// The upstream endpoint: base URL, a keep-alive agent, and the header rules of RFC 9110 §7.6.1
// (hop-by-hop headers are not forwarded) plus our own: gateway-only headers stay here.
import http from "node:http";
import https from "node:https";
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import { DistillwatchError } from "../errors.js";

/** Where and how requests are forwarded. */
export interface Upstream {
  protocol: "http:" | "https:";
  hostname: string;
  port: number;
  /** Base path prefix, without a trailing slash ("" for none). */
  basePath: string;
  /** Host header value sent upstream. */
  host: string;
  agent: http.Agent;
  request: typeof http.request;
  timeoutMs: number;
  /** Head of the policed requests in flight, swept for idleness (see `track`). */
  inflight: InFlight | undefined;
  sweep: NodeJS.Timeout | undefined;
}

/** A policed upstream request, as the idle sweep sees it. */
export interface InFlight {
  /** Epoch ms of the last sign of life (request sent, response headers, a body chunk). */
  lastActivity: number;
  upReq: http.ClientRequest;
  /** Links of the upstream's in-flight list; only `track` and `untrack` touch them. */
  prev: InFlight | undefined;
  next: InFlight | undefined;
}

// The upstream timeout is an idle timeout (as http's `timeout` option): with minutes-long limits a
// sweep every second is precise enough, and it spares each request a socket timer and listener.
// In-flight requests form an intrusive doubly linked list rather than a Set: measured under load,
// a long-lived Set with an add and a delete per request made V8's scavenger promote every
// request's objects (≈2.3 MB per scavenge, 5–7 ms scavenges instead of <1 ms); the list does not.
const sweepEveryMs = 1000;

function sweep(up: Upstream): void {
  if (up.inflight === undefined) {
    clearInterval(up.sweep);
    up.sweep = undefined;
    return;
  }
  const now = Date.now();
  let x: InFlight | undefined = up.inflight;
  while (x !== undefined) {
    const next: InFlight | undefined = x.next;
    if (now - x.lastActivity > up.timeoutMs) {
      untrack(up, x);
      x.upReq.destroy(new Error("upstream timeout"));
    }
    x = next;
  }
}

/** Watches `f` for the upstream idle timeout until `untrack`. */
export function track(up: Upstream, f: InFlight): void {
  const head = up.inflight;
  f.prev = undefined;
  f.next = head;
  if (head) head.prev = f;
  up.inflight = f;
  if (up.sweep) return;
  const every = Math.min(sweepEveryMs, Math.max(10, Math.floor(up.timeoutMs / 4)));
  up.sweep = setInterval(sweep, every, up);
  up.sweep.unref();
}

/** Stops watching `f` (a no-op when it is not watched). */
export function untrack(up: Upstream, f: InFlight): void {
  const { prev, next } = f;
  if (prev) prev.next = next;
  else if (up.inflight === f) up.inflight = next;
  else return;
  if (next) next.prev = prev;
  f.prev = undefined;
  f.next = undefined;
}

/** Parses the upstream URL and creates its connection pool. */
export function createUpstream(url: string, timeoutMs: number): Upstream {
  let u: URL;
  try {
    u = new URL(url);
  } catch (cause) {
    throw new DistillwatchError("usage", `--upstream is not a URL: ${url}`, { cause });
  }
  if (u.protocol !== "http:" && u.protocol !== "https:")
    throw new DistillwatchError("usage", `--upstream must be http(s): ${url}`);
  const secure = u.protocol === "https:";
  // Keep-alive with no socket cap: the gateway must not queue requests its clients did not queue.
  const agent = secure
    ? new https.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 })
    : new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 });
  return {
    protocol: u.protocol,
    hostname: u.hostname.replace(/^\[|\]$/g, ""),
    port: u.port ? Number(u.port) : secure ? 443 : 80,
    basePath: u.pathname.replace(/\/+$/, ""),
    host: u.host,
    agent,
    request: secure ? https.request : http.request,
    timeoutMs,
    inflight: undefined,
    sweep: undefined,
  };
}

const hopByHop = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "proxy-authorization",
  "proxy-authenticate",
  "host",
]);

/** Client headers to send upstream: hop-by-hop and gateway-only (`x-distillwatch-*`) headers removed. */
export function upstreamRequestHeaders(h: IncomingHttpHeaders, host: string): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const name in h) {
    if (hopByHop.has(name) || name.startsWith("x-distillwatch-")) continue;
    const v = h[name];
    if (v !== undefined) out[name] = v;
  }
  out.host = host;
  return out;
}

/** Upstream response headers to send to the client: hop-by-hop headers removed. */
export function clientResponseHeaders(h: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const name in h) {
    if (hopByHop.has(name)) continue;
    const v = h[name];
    if (v !== undefined) out[name] = v;
  }
  return out;
}
