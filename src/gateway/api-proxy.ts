// Forwards one policed API request and relays the response as it arrives: each upstream chunk
// is written to the client at once (streams are never buffered) and kept on the side for the
// exchange record. Degraded requests may have reasoning stripped from the response in flight.
import type { ClientRequest, IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { createStreamReasoningFilter, stripReasoning, type ApiKind } from "../policy/index.js";
import { upstreamUnreachable } from "./error-bodies.js";
import { SseSplitter, parseSseBlock } from "./sse.js";
import {
  clientResponseHeaders,
  track,
  untrack,
  upstreamRequestHeaders,
  type InFlight,
  type Upstream,
} from "./upstream.js";

/** How the response went, for the exchange record. */
export interface RelayResult {
  status: number;
  /** Response body chunks as sent by upstream; undefined when not capturable (compressed or too large). */
  chunks?: Buffer[];
  streamed: boolean;
  /** False when the client went away or upstream failed mid-response. */
  completed: boolean;
  /** Upstream's request id header, when it sent one. */
  upstreamRequestId?: string;
}

/** What to send and how to treat the response. */
export interface RelayRequest {
  api: ApiKind;
  body: Buffer;
  stripReasoning: boolean;
  ref: string;
}

const maxCaptureBytes = 8 * 1024 * 1024;

function requestIdOf(h: IncomingHttpHeaders): string | undefined {
  const v = h["x-request-id"] ?? h["request-id"];
  return typeof v === "string" ? v : undefined;
}

/** Per-exchange state, hung on the emitters so that the listeners can be shared functions (no closures per request or per chunk). */
class Relay<C> implements InFlight {
  finished = false;
  lastActivity = Date.now();
  upRes: IncomingMessage | undefined;
  status = 0;
  streamed = false;
  encoded = false;
  capturable = true;
  captured = 0;
  chunks: Buffer[] = [];
  requestId: string | undefined;
  prev: InFlight | undefined = undefined;
  next: InFlight | undefined = undefined;

  constructor(
    readonly res: ServerResponse,
    readonly upReq: ClientRequest,
    readonly up: Upstream,
    readonly r: RelayRequest,
    readonly done: (ctx: C, result: RelayResult) => void,
    readonly ctx: C,
  ) {}

  finish(result: RelayResult): void {
    if (this.finished) return;
    this.finished = true;
    untrack(this.up, this);
    this.done(this.ctx, result);
  }

  keep(chunk: Buffer): void {
    if (!this.capturable) return;
    this.captured += chunk.length;
    if (this.captured > maxCaptureBytes) {
      this.capturable = false;
      this.chunks = [];
    } else this.chunks.push(chunk);
  }

  result(completed: boolean): RelayResult {
    const out: RelayResult = { status: this.status, streamed: this.streamed, completed };
    if (this.capturable) out.chunks = this.chunks;
    if (this.requestId !== undefined) out.upstreamRequestId = this.requestId;
    return out;
  }
}

const kRelay = Symbol("distillwatch.relay");
type Carrier = { [kRelay]?: Relay<unknown> };
const relayOf = (e: object): Relay<unknown> => (e as Carrier)[kRelay]!;

// A client that disconnects aborts the upstream request: nobody pays for tokens no one reads.
// (destroy() rather than an AbortController: same effect, without an AbortSignal per request.)
function onClientClose(this: ServerResponse): void {
  if (this.writableFinished) return;
  const st = relayOf(this);
  st.upReq.destroy();
  st.finish({ status: 499, streamed: false, completed: false });
}

function onUpstreamError(this: ClientRequest): void {
  const st = relayOf(this);
  const res = st.res;
  if (!res.headersSent) {
    const e = upstreamUnreachable(st.r.api, st.r.ref);
    res.writeHead(e.status, e.headers).end(e.body);
    st.finish({ status: e.status, streamed: false, completed: false });
  } else {
    res.destroy();
    st.finish({ status: res.statusCode, streamed: false, completed: false });
  }
}

function onUpstreamResponseError(this: IncomingMessage): void {
  const st = relayOf(this);
  st.res.destroy();
  st.finish(st.result(false));
}

function onUpstreamData(this: IncomingMessage, chunk: Buffer): void {
  const st = relayOf(this);
  st.lastActivity = Date.now();
  st.keep(chunk);
  if (!st.res.write(chunk)) {
    // Backpressure: a slow client slows the upstream read instead of growing our memory.
    this.pause();
    st.res.once("drain", onClientDrain);
  }
}

function onClientDrain(this: ServerResponse): void {
  relayOf(this).upRes?.resume();
}

function onUpstreamEnd(this: IncomingMessage): void {
  const st = relayOf(this);
  st.res.end();
  st.finish(st.result(true));
}

function onUpstreamResponse(this: ClientRequest, upRes: IncomingMessage): void {
  const st = relayOf(this);
  const res = st.res;
  const r = st.r;
  st.lastActivity = Date.now();
  st.upRes = upRes;
  (upRes as Carrier)[kRelay] = st;
  const status = upRes.statusCode ?? 502;
  const contentType = String(upRes.headers["content-type"] ?? "");
  const streamed = contentType.startsWith("text/event-stream");
  const encoded =
    upRes.headers["content-encoding"] !== undefined && upRes.headers["content-encoding"] !== "identity";
  st.status = status;
  st.streamed = streamed;
  st.encoded = encoded;
  st.capturable = !encoded;
  st.requestId = requestIdOf(upRes.headers);
  const outHeaders = clientResponseHeaders(upRes.headers);
  upRes.on("error", onUpstreamResponseError);

  const rewrite = r.stripReasoning && status < 400 && !encoded;
  if (rewrite && !streamed && contentType.includes("json")) {
    // A whole JSON body has to be read before it can be rewritten; only degraded requests pay this.
    upRes.on("data", (chunk: Buffer) => st.keep(chunk));
    upRes.on("end", () => {
      const text = Buffer.concat(st.chunks).toString("utf8");
      let body = text;
      try {
        body = JSON.stringify(stripReasoning(r.api, JSON.parse(text) as Record<string, unknown>));
      } catch {
        // Not JSON after all: relay it as upstream sent it.
      }
      delete outHeaders["content-length"];
      res.writeHead(status, { ...outHeaders, "content-length": Buffer.byteLength(body) });
      res.end(body);
      st.finish(st.result(true));
    });
    return;
  }

  if (rewrite && streamed) {
    delete outHeaders["content-length"];
    res.writeHead(status, outHeaders);
    const splitter = new SseSplitter();
    const filter = createStreamReasoningFilter(r.api);
    const pass = (block: string): void => {
      const e = parseSseBlock(block);
      if (!e || e.data === "[DONE]") {
        res.write(block);
        return;
      }
      let data: unknown;
      try {
        data = JSON.parse(e.data);
      } catch {
        res.write(block);
        return;
      }
      const kept =
        typeof data === "object" && data !== null && !Array.isArray(data)
          ? filter(data as Record<string, unknown>)
          : data;
      if (kept === null) return;
      res.write(`${e.event !== undefined ? `event: ${e.event}\n` : ""}data: ${JSON.stringify(kept)}\n\n`);
    };
    upRes.on("data", (chunk: Buffer) => {
      st.lastActivity = Date.now();
      st.keep(chunk);
      for (const block of splitter.push(chunk)) pass(block);
    });
    upRes.on("end", () => {
      const rest = splitter.flush();
      if (rest) pass(rest);
      res.end();
      st.finish(st.result(true));
    });
    return;
  }

  res.writeHead(status, outHeaders);
  // Streams go out chunk by chunk as they arrive; flushing headers first lets the client see
  // the status before the first token.
  if (streamed) res.flushHeaders();
  upRes.on("data", onUpstreamData);
  upRes.on("end", onUpstreamEnd);
}

/**
 * Relays `r` to upstream and the response to `res`; calls `done(ctx, result)` once, when the
 * exchange is over. The upstream timeout is enforced by the upstream's idle sweep rather than a
 * socket timer per request.
 */
export function relayApiRequest<C>(
  req: IncomingMessage,
  res: ServerResponse,
  up: Upstream,
  r: RelayRequest,
  done: (ctx: C, result: RelayResult) => void,
  ctx: C,
): void {
  const headers = upstreamRequestHeaders(req.headers, up.host);
  headers["content-length"] = String(r.body.length);
  // Ask for an uncompressed body: the gateway must read the text it records (and may rewrite).
  headers["accept-encoding"] = "identity";
  const upReq = up.request({
    protocol: up.protocol,
    hostname: up.hostname,
    port: up.port,
    method: "POST",
    path: up.basePath + (req.url ?? "/"),
    headers,
    agent: up.agent,
  });
  const st = new Relay(res, upReq, up, r, done, ctx);
  (upReq as Carrier)[kRelay] = st as Relay<unknown>;
  (res as Carrier)[kRelay] = st as Relay<unknown>;
  track(up, st);
  res.on("close", onClientClose);
  upReq.on("error", onUpstreamError);
  upReq.on("response", onUpstreamResponse);
  upReq.end(r.body);
}
