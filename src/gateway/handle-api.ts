// The fast path of one policed API request: identify, decide from memory, enforce, relay. The
// exchange (request bytes as sent, response bytes as captured) is recorded into the detector only
// after the response has finished, and parsed there, off this path.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { degradeRequest, type ApiKind, type BucketTable, type PolicyContext } from "../policy/index.js";
import type { AuditEntry, ReviewCase } from "../store/types.js";
import { endpointOf } from "./api-kind.js";
import { relayApiRequest, type RelayResult } from "./api-proxy.js";
import type { Outcome } from "./decide.js";
import { decide } from "./decide.js";
import type { LiveDetector } from "./detector-link.js";
import type { FinishedExchange } from "./exchange-record.js";
import { blockedResponse, throttledResponse } from "./error-bodies.js";
import { identify, type Identity, type IdentityOptions } from "./identity.js";
import type { PolicyState } from "./policy-state.js";
import type { RecentDecisions } from "./recent-decisions.js";
import { cheapSignals, readRequest, templateKeyOf, type RequestView } from "./request-view.js";
import type { StoreWriter } from "./store-writer.js";
import type { Upstream } from "./upstream.js";

/** Everything the fast path reads or hands work to. */
export interface ApiDeps {
  upstream: Upstream;
  identity: IdentityOptions;
  policy: PolicyState;
  link: LiveDetector;
  buckets: BucketTable;
  writer: StoreWriter;
  recent: RecentDecisions;
}

// Merged signals per (account signals object, cheap-signal combination): the account's object only
// changes when the detector reports, so nearly every request reuses a merge instead of spreading.
const merges = new WeakMap<Record<string, number>, (Record<string, number> | undefined)[]>();

function signalsFor(
  link: LiveDetector,
  account: string,
  view: RequestView | undefined,
): Record<string, number> {
  const recent = link.signalsOf(account);
  if (!view) return recent ?? {};
  const now = cheapSignals(view);
  if (!recent) return now;
  const slot = (now.cot! > 0 ? 2 : 0) + (now.reasoning! > 0 ? 1 : 0);
  let cache = merges.get(recent);
  if (!cache) merges.set(recent, (cache = []));
  const hit = cache[slot];
  if (hit) return hit;
  // The account's recent detector signals, raised by what this request itself shows.
  const merged = { ...recent };
  for (const id in now) {
    const p = now[id]!;
    const r = merged[id];
    merged[id] = r === undefined || p > r ? p : r;
  }
  cache[slot] = merged;
  return merged;
}

function contextOf(
  identity: Identity,
  view: RequestView | undefined,
  api: ApiKind,
  deps: ApiDeps,
  templateKey: string | undefined,
  now: number,
): PolicyContext {
  const link = deps.link;
  const ctx: PolicyContext = {
    account: identity.account,
    signals: signalsFor(link, identity.account, view),
    endpoint: endpointOf[api],
    now,
  };
  if (identity.key !== undefined) ctx.key = identity.key;
  if (identity.ip !== undefined) ctx.ip = identity.ip;
  if (identity.asn !== undefined) ctx.asn = identity.asn;
  if (identity.payment !== undefined) ctx.payment = identity.payment;
  const verdict = link.verdictOf(identity.account);
  if (verdict) ctx.verdict = verdict;
  const template = link.templateOf(templateKey, identity.account);
  if (template !== undefined) ctx.template = template;
  if (view?.model !== undefined) ctx.model = view.model;
  return ctx;
}

function enforce(deps: ApiDeps, ctx: PolicyContext, outcome: Outcome, ref: string, now: number): void {
  const action = outcome.kind === "allow" ? "review" : outcome.kind;
  const detail: Record<string, unknown> = {
    endpoint: ctx.endpoint,
    model: ctx.model,
    ip: ctx.ip,
    key: ctx.key,
  };
  if (ctx.verdict) Object.assign(detail, ctx.verdict);
  if (outcome.kind === "block" && outcome.listHit) detail.list = outcome.listHit;
  if (outcome.kind === "throttle") detail.retryAfterMs = outcome.retryAfterMs;
  const entry: AuditEntry = {
    id: ref,
    at: now,
    actor: "gateway",
    action: `policy-${action}`,
    subject: ctx.account,
    rule: outcome.rule,
    detail,
  };
  deps.writer.appendAudit(entry);
  deps.recent.push({
    ref,
    at: now,
    account: ctx.account,
    action,
    rule: outcome.rule,
    endpoint: ctx.endpoint ?? "",
  });
  if (outcome.kind === "allow" && outcome.review) {
    const c: ReviewCase = {
      id: `case_${ref}`,
      subjectType: "account",
      subject: ctx.account,
      score: ctx.verdict?.score ?? 0,
      status: "open",
      openedAt: now,
      summary: `Gateway rule ${outcome.rule} sent ${ctx.account} to review${ctx.verdict?.campaign ? ` (campaign ${ctx.verdict.campaign})` : ""}.`,
    };
    deps.writer.openCase(c);
  }
}

/** What recording a finished exchange needs; one plain object per request instead of closures. */
interface Pending {
  link: LiveDetector;
  api: ApiKind;
  raw: Buffer;
  /** The parsed body, when the fast path needed it. */
  view: RequestView | undefined;
  identity: Identity;
  userAgent: string | undefined;
  ts: number;
  started: number;
  ref: string;
}

function record(
  p: Pending,
  status: number,
  id: string,
  response?: { streamed: boolean; chunks: Buffer[] },
): void {
  const x: FinishedExchange = {
    id,
    ts: p.ts,
    identity: p.identity,
    api: p.api,
    raw: p.raw,
    status,
    latencyMs: Math.round(performance.now() - p.started),
  };
  if (p.view) x.view = p.view;
  if (p.userAgent !== undefined) x.userAgent = p.userAgent;
  if (response) x.response = response;
  p.link.record(x);
}

function relayed(p: Pending, result: RelayResult): void {
  record(
    p,
    result.status,
    result.upstreamRequestId ?? p.ref,
    result.chunks ? { streamed: result.streamed, chunks: result.chunks } : undefined,
  );
}

/** Decides and serves one API request whose body has been read. */
export function handleApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  api: ApiKind,
  body: Buffer,
  deps: ApiDeps,
): void {
  const ts = Date.now();
  const started = performance.now();
  const ref = `dw_${randomUUID()}`;
  const identity = identify(req, deps.identity);
  const policy = deps.policy.current;
  // The body is parsed on this thread only when a rule can look at what it says (measured under
  // load: the parse cost 4-6 us of the proxy thread's ~85 us per request); the detector worker
  // parses every body anyway, and rejects (counts) those that are not a JSON object.
  let view = policy.readsBody ? readRequest(api, body) : undefined;
  const templateKey = view ? templateKeyOf(view) : undefined;
  const ctx = contextOf(identity, view, api, deps, templateKey, ts);
  const outcome = decide(ctx, policy, deps.link.healthy(ts), deps.buckets, ts);
  if (outcome.kind !== "allow" || outcome.review) {
    // Enforcement is the rare case; its audit entry names the model, and degrading needs the body.
    if (!policy.readsBody) {
      view = readRequest(api, body);
      if (view?.model !== undefined) ctx.model = view.model;
    }
    enforce(deps, ctx, outcome, ref, ts);
  }
  const pending: Pending = {
    link: deps.link,
    api,
    raw: body,
    view,
    identity,
    userAgent: req.headers["user-agent"],
    ts,
    started,
    ref,
  };

  if (outcome.kind === "block" || outcome.kind === "throttle") {
    const r =
      outcome.kind === "block"
        ? blockedResponse(api, ref, outcome.message)
        : throttledResponse(api, outcome.retryAfterMs, ref);
    res.writeHead(r.status, { ...r.headers, "content-length": Buffer.byteLength(r.body) }).end(r.body);
    record(pending, r.status, ref);
    return;
  }

  let sent = body;
  let stripReasoning = false;
  // A body that is not a JSON object cannot be degraded; it goes as sent (upstream will refuse it).
  if (outcome.kind === "degrade" && view) {
    const opts = {
      withholdReasoning: outcome.withholdReasoning,
      ...(outcome.maxTokens !== undefined && { maxTokens: outcome.maxTokens }),
    };
    sent = Buffer.from(JSON.stringify(degradeRequest(api, view.body, opts)));
    stripReasoning = outcome.withholdReasoning;
  }
  relayApiRequest(req, res, deps.upstream, { api, body: sent, stripReasoning, ref }, relayed, pending);
}
