import { loadConfig } from "../config/index.js";
import { createEngine } from "../engine/index.js";
import { createLiveIngest } from "../analyze/live-ingest.js";
import { startServer } from "../server/index.js";
import { openStore } from "../store/index.js";
import { numberFlag, parseCommand } from "./args.js";

export const serveUsage = "distillwatch serve --port N [--db FILE] [--config FILE] [--host ADDR]";

/** `distillwatch serve`: the REST API and dashboard over a store, until SIGINT/SIGTERM. */
export async function serveCommand(argv: string[]): Promise<void> {
  const { values } = parseCommand(argv, {
    port: { type: "string" },
    db: { type: "string" },
    config: { type: "string" },
    host: { type: "string" },
  });
  const config = loadConfig(values.config);
  const store = await openStore(values.db ?? "distillwatch.db");
  const engine = createEngine(config);
  const server = await startServer({
    port: numberFlag(values.port, "port", 8080),
    host: values.host,
    store,
    config,
    ingest: createLiveIngest(engine, store, config.engine.samplesPerAccount),
  });
  process.stdout.write(
    `distillwatch serve: listening on ${server.url} (dashboard ${server.url}/, API ${server.url}/api/v1, OpenAPI ${server.url}/api/v1/openapi.json)\n`,
  );
  if (server.adminKey)
    process.stdout.write(`first admin key (shown once; store it now): ${server.adminKey}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await server.close();
  await store.close();
}
