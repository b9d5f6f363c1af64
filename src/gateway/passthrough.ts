// Paths the gateway does not police (models lists, files, ...) are piped both ways untouched.
import type { IncomingMessage, ServerResponse } from "node:http";
import { clientResponseHeaders, upstreamRequestHeaders, type Upstream } from "./upstream.js";

/** Pipes a request to the upstream and its response back; aborts upstream if the client leaves. */
export function passThrough(req: IncomingMessage, res: ServerResponse, up: Upstream): void {
  const upReq = up.request({
    protocol: up.protocol,
    hostname: up.hostname,
    port: up.port,
    method: req.method,
    path: up.basePath + (req.url ?? "/"),
    headers: upstreamRequestHeaders(req.headers, up.host),
    agent: up.agent,
    timeout: up.timeoutMs,
  });
  upReq.on("response", (upRes) => {
    res.writeHead(upRes.statusCode ?? 502, clientResponseHeaders(upRes.headers));
    upRes.pipe(res);
  });
  upReq.on("timeout", () => upReq.destroy(new Error("upstream timeout")));
  upReq.on("error", () => {
    if (!res.headersSent)
      res
        .writeHead(502, { "content-type": "application/json" })
        .end(
          JSON.stringify({
            error: { message: "upstream unreachable", type: "server_error", code: "upstream_unreachable" },
          }),
        );
    else res.destroy();
  });
  res.on("close", () => {
    if (!res.writableFinished) upReq.destroy();
  });
  req.pipe(upReq);
}
