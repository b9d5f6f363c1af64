// `distillwatch gateway`: an inline reverse proxy in front of an OpenAI- or Anthropic-shaped API
// that enforces the policy per request. node:http directly rather than a router framework: the
// proxy has three policed paths and one pass-through, and every microsecond here is added latency.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Config } from "../config/index.js";
import type { Detector } from "../engine/types.js";
import { BucketTable, type ApiKind } from "../policy/index.js";
import type { Store } from "../store/types.js";
import { handleAdmin, adminPrefix, type AdminDeps } from "./admin.js";
import { apiKindOf } from "./api-kind.js";
import { DetectorLink, type DetectorLinkOptions, type LiveDetector } from "./detector-link.js";
import type { DetectorWorkerSpec } from "./detector-worker-protocol.js";
import { handleApiRequest, type ApiDeps } from "./handle-api.js";
import { defaultIdentityOptions, type IdentityOptions } from "./identity.js";
import { passThrough } from "./passthrough.js";
import { PolicyState } from "./policy-state.js";
import { RecentDecisions } from "./recent-decisions.js";
import { StoreWriter } from "./store-writer.js";
import { createUpstream } from "./upstream.js";
import { WorkerDetectorLink } from "./worker-link.js";

/** What `startGateway` needs. */
export interface GatewayOptions {
  upstream: string;
  port: number;
  /** Interface to listen on; 127.0.0.1 unless told otherwise. */
  host?: string;
  config: Config;
  /**
   * The detector: a Detector instance runs on the proxy's thread (tests, embedders); `{ worker: {...} }`
   * runs `createEngine(config)` in a worker thread, so ingest never delays a request (production).
   */
  detector: Detector | { worker: DetectorWorkerSpec };
  store?: Store;
  /** Where account, payment, ASN and client IP come from. */
  identity?: Partial<IdentityOptions>;
  /** Re-reads the config for `POST /_distillwatch/reload`; without it, reload only re-reads stored lists. */
  reloadConfig?: () => Config;
}

/** A running gateway. */
export interface RunningGateway {
  url: string;
  /** Waits until every finished exchange so far is ingested and every queued write is stored. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

const maxBodyBytes = 32 * 1024 * 1024;

const kBody = Symbol("distillwatch.body");
interface BodyRead {
  res: http.ServerResponse;
  kind: ApiKind;
  api: ApiDeps;
  chunks: Buffer[];
  size: number;
}
type BodyCarrier = { [kBody]?: BodyRead };

// Shared listeners (state hangs on the request), so a request costs no closures.
function onBodyData(this: http.IncomingMessage, c: Buffer): void {
  const b = (this as BodyCarrier)[kBody]!;
  b.size += c.length;
  if (b.size > maxBodyBytes) {
    b.res
      .writeHead(413, { "content-type": "application/json", connection: "close" })
      .end(
        JSON.stringify({
          error: {
            message: "request body too large",
            type: "invalid_request_error",
            code: "request_too_large",
          },
        }),
      );
    this.destroy();
    return;
  }
  b.chunks.push(c);
}

function onBodyEnd(this: http.IncomingMessage): void {
  const b = (this as BodyCarrier)[kBody]!;
  if (b.res.headersSent) return;
  handleApiRequest(
    this,
    b.res,
    b.kind,
    b.chunks.length === 1 && b.chunks[0] ? b.chunks[0] : Buffer.concat(b.chunks),
    b.api,
  );
}

const isDetector = (d: GatewayOptions["detector"]): d is Detector =>
  typeof (d as Partial<Detector>).ingest === "function";

/** Starts the gateway; resolves once it listens. */
export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const upstream = createUpstream(opts.upstream, opts.config.gateway.upstreamTimeoutMs);
  const policy = new PolicyState(opts.config);
  if (opts.store) policy.setStoredEntries(await opts.store.listListEntries());
  const writer = new StoreWriter(opts.store);
  const store = opts.store;
  // Rows and full verdicts are only built (and, in worker mode, sent back) when there is a store.
  const linkOpts: DetectorLinkOptions = {
    get maxDecisionAgeMs() {
      return policy.maxDecisionAgeMs;
    },
  };
  if (store) {
    linkOpts.onRow = (row) => writer.insertExchange(row);
    linkOpts.onVerdicts = (changed) => writer.putVerdicts(changed);
  }
  const d = opts.detector;
  const link: LiveDetector = isDetector(d)
    ? new DetectorLink(d, linkOpts)
    : new WorkerDetectorLink(opts.config, d.worker, linkOpts);
  const recent = new RecentDecisions();
  const api: ApiDeps = {
    upstream,
    identity: { ...defaultIdentityOptions, ...opts.identity },
    policy,
    link,
    buckets: new BucketTable(),
    writer,
    recent,
  };
  const audit = (action: string, subject: string, detail: Record<string, unknown>): void =>
    writer.appendAudit({
      id: `dw_${Date.now().toString(36)}_${Math.random().toString(36).slice(2)}`,
      at: Date.now(),
      actor: "gateway-admin",
      action,
      subject,
      detail,
    });
  const admin: AdminDeps = {
    adminKey: opts.config.gateway.adminKey,
    policy,
    store: opts.store,
    health: () => link.health(),
    writer: () => writer.snapshot(),
    verdicts: () => link.verdicts(),
    recent: () => recent.list(),
    audit,
    reload: async () => {
      if (opts.reloadConfig) policy.setConfig(opts.reloadConfig());
      if (opts.store) policy.setStoredEntries(await opts.store.listListEntries());
      return { rules: policy.current.rules.length, listEntries: policy.entries().length };
    },
  };
  const healthWatch = watchHealth(link, writer);

  const server = http.createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    const url = req.url ?? "/";
    if (url.startsWith(adminPrefix)) {
      void handleAdmin(req, res, admin);
      return;
    }
    const kind = req.method === "POST" ? apiKindOf(url) : undefined;
    if (!kind) {
      passThrough(req, res, upstream);
      return;
    }
    const body: BodyRead = { res, kind, api, chunks: [], size: 0 };
    (req as BodyCarrier)[kBody] = body;
    req.on("data", onBodyData);
    req.on("end", onBodyEnd);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;

  return {
    url: `http://${host}:${addr.port}`,
    settle: async () => {
      await link.idle();
      await writer.flush();
    },
    close: async () => {
      clearInterval(healthWatch);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await link.idle();
      link.close();
      await writer.close();
      upstream.agent.destroy();
    },
  };
}

/** Audits each change of detector health once (not per request), so outages show in the log. */
function watchHealth(link: LiveDetector, writer: StoreWriter): NodeJS.Timeout {
  let healthy = true;
  const timer = setInterval(() => {
    const h = link.health();
    if (h.healthy === healthy) return;
    healthy = h.healthy;
    const detail: Record<string, unknown> = { lagMs: h.lagMs, queued: h.queued };
    if (h.reason !== undefined) detail.reason = h.reason;
    if (h.lastError !== undefined) detail.error = h.lastError;
    writer.appendAudit({
      id: `dw_health_${Date.now()}`,
      at: Date.now(),
      actor: "gateway",
      action: healthy ? "detector-recovered" : "detector-unhealthy",
      subject: "detector",
      detail,
    });
  }, 1000);
  timer.unref();
  return timer;
}

/** The line the CLI prints once the gateway listens. */
export function formatReadyLine(url: string, upstream: string, config: Config): string {
  const admin = config.gateway.adminKey ? "admin on" : "admin off (no gateway.adminKey)";
  return `distillwatch gateway listening on ${url} -> ${upstream} (${config.policy.rules.length} rules, fail-${config.policy.failMode}, ${admin})`;
}
