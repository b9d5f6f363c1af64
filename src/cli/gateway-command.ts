import { loadConfig } from "../config/index.js";
import { formatReadyLine, startGateway } from "../gateway/index.js";
import { openStore } from "../store/index.js";
import { numberFlag, parseCommand, required } from "./args.js";

export const gatewayUsage =
  "distillwatch gateway --upstream URL --port N [--db FILE] [--config FILE] [--host ADDR]";

/** `distillwatch gateway`: the inline reverse proxy with policy enforcement, until SIGINT/SIGTERM. */
export async function gatewayCommand(argv: string[]): Promise<void> {
  const { values } = parseCommand(argv, {
    upstream: { type: "string" },
    port: { type: "string" },
    db: { type: "string" },
    config: { type: "string" },
    host: { type: "string" },
  });
  const configFile = values.config;
  const config = loadConfig(configFile);
  const store = await openStore(values.db ?? "distillwatch.db");
  const upstream = required(values.upstream, "upstream");
  const gw = await startGateway({
    upstream,
    port: numberFlag(values.port, "port"),
    host: values.host,
    config,
    detector: { worker: {} },
    store,
    reloadConfig: () => loadConfig(configFile),
  });
  process.stdout.write(formatReadyLine(gw.url, upstream, config) + "\n");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
  await gw.settle();
  await gw.close();
  await store.close();
}
