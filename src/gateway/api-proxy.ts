// Forwards one policed API request and relays the response as it arrives: each upstream chunk
// is written to the client at once (streams are never buffered) and kept on the side for the
// exchange record. Degraded requests may have reasoning stripped from the response in flight.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { createStreamReasoningFilter, stripReasoning, type ApiKind } from "../policy/index.js";
import { upstreamUnreachable } from "./error-bodies.js";
import { SseSplitter, parseSseBlock } from "./sse.js";
import { clientResponseHeaders, upstreamRequestHeaders, type Upstream } from "./upstream.js";

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

/** Relays `r` to upstream and the response to `res`; calls `done` once, when the exchange is over. */
export function relayApiRequest(req: IncomingMessage, res: ServerResponse, up: Upstream, r: RelayRequest, done: (result: RelayResult) => void): void {
  const headers = upstreamRequestHeaders(req.headers, up.host);
  headers["content-length"] = String(r.body.length);
  // Ask for an uncompressed body: the gateway must read the text it records (and may rewrite).
  headers["accept-encoding"] = "identity";
  let finished = false;
  const finish = (result: RelayResult): void => {
    if (finished) return;
    finished = true;
    done(result);
  };

  const upReq = up.request({
    protocol: up.protocol,
    hostname: up.hostname,
    port: up.port,
    method: "POST",
    path: up.basePath + (req.url ?? "/"),
    headers,
    agent: up.agent,
    timeout: up.timeoutMs,
  });

  // A client that disconnects aborts the upstream request: nobody pays for tokens no one reads.
  // (destroy() rather than an AbortController: same effect, without an AbortSignal per request.)
  res.on("close", () => {
    if (!res.writableFinished) {
      upReq.destroy();
      finish({ status: 499, streamed: false, completed: false });
    }
  });

  upReq.on("timeout", () => upReq.destroy(new Error("upstream timeout")));
  upReq.on("error", () => {
    if (!res.headersSent) {
      const e = upstreamUnreachable(r.api, r.ref);
      res.writeHead(e.status, e.headers).end(e.body);
      finish({ status: e.status, streamed: false, completed: false });
    } else {
      res.destroy();
      finish({ status: res.statusCode, streamed: false, completed: false });
    }
  });

  upReq.on("response", (upRes) => {
    const status = upRes.statusCode ?? 502;
    const contentType = String(upRes.headers["content-type"] ?? "");
    const streamed = contentType.startsWith("text/event-stream");
    const encoded = upRes.headers["content-encoding"] !== undefined && upRes.headers["content-encoding"] !== "identity";
    const requestId = requestIdOf(upRes.headers);
    const outHeaders = clientResponseHeaders(upRes.headers);
    const chunks: Buffer[] = [];
    let captured = 0;
    let capturable = !encoded;
    const keep = (chunk: Buffer): void => {
      if (!capturable) return;
      captured += chunk.length;
      if (captured > maxCaptureBytes) {
        capturable = false;
        chunks.length = 0;
      } else chunks.push(chunk);
    };
    const result = (completed: boolean): RelayResult => {
      const out: RelayResult = { status, streamed, completed };
      if (capturable) out.chunks = chunks;
      if (requestId !== undefined) out.upstreamRequestId = requestId;
      return out;
    };
    upRes.on("error", () => {
      res.destroy();
      finish(result(false));
    });

    const rewrite = r.stripReasoning && status < 400 && !encoded;
    if (rewrite && !streamed && contentType.includes("json")) {
      // A whole JSON body has to be read before it can be rewritten; only degraded requests pay this.
      upRes.on("data", keep);
      upRes.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body = text;
        try {
          body = JSON.stringify(stripReasoning(r.api, JSON.parse(text) as Record<string, unknown>));
        } catch {
          // Not JSON after all: relay it as upstream sent it.
        }
        delete outHeaders["content-length"];
        res.writeHead(status, { ...outHeaders, "content-length": Buffer.byteLength(body) });
        res.end(body);
        finish(result(true));
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
        const kept = typeof data === "object" && data !== null && !Array.isArray(data) ? filter(data as Record<string, unknown>) : data;
        if (kept === null) return;
        res.write(`${e.event !== undefined ? `event: ${e.event}\n` : ""}data: ${JSON.stringify(kept)}\n\n`);
      };
      upRes.on("data", (chunk: Buffer) => {
        keep(chunk);
        for (const block of splitter.push(chunk)) pass(block);
      });
      upRes.on("end", () => {
        const rest = splitter.flush();
        if (rest) pass(rest);
        res.end();
        finish(result(true));
      });
      return;
    }

    res.writeHead(status, outHeaders);
    // Streams go out chunk by chunk as they arrive; flushing headers first lets the client see
    // the status before the first token.
    if (streamed) res.flushHeaders();
    upRes.on("data", (chunk: Buffer) => {
      keep(chunk);
      if (!res.write(chunk)) {
        // Backpressure: a slow client slows the upstream read instead of growing our memory.
        upRes.pause();
        res.once("drain", () => upRes.resume());
      }
    });
    upRes.on("end", () => {
      res.end();
      finish(result(true));
    });
  });

  upReq.end(r.body);
}
