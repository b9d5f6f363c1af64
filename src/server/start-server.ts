// Starts the analyst service on a port: makes sure an admin key exists, then listens.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { ensureAdminKey } from "./auth.js";
import type { ServerDeps } from "./env.js";

/** Options of `startServer`: where to listen plus the service's dependencies. */
export interface StartServerOptions extends ServerDeps {
  port: number;
  host?: string;
  /** Directory of the built dashboard; defaults to dist/web. */
  webRoot?: string;
}

/** A running analyst service; `adminKey` is set only when one was generated on this start. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
  adminKey?: string;
}

/** Starts the REST API and dashboard; resolves once listening. */
export async function startServer(opts: StartServerOptions): Promise<RunningServer> {
  const adminKey = await ensureAdminKey(opts.store, opts.config.server.adminKey);
  const app = createApp(
    { store: opts.store, config: opts.config, ...(opts.ingest ? { ingest: opts.ingest } : {}) },
    opts.webRoot ? { webRoot: opts.webRoot } : {},
  );
  const host = opts.host ?? "127.0.0.1";
  const server = await new Promise<ReturnType<typeof serve>>((resolveListening, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: host }, () => resolveListening(s));
    s.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const close = () =>
    new Promise<void>((done, fail) => {
      server.close((err) => (err ? fail(err) : done()));
      // Keep-alive sockets from browsers would otherwise hold close() open.
      if ("closeAllConnections" in server) server.closeAllConnections();
    });
  return { url, close, ...(adminKey ? { adminKey } : {}) };
}
