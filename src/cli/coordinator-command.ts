import { loadConfig } from "../config/index.js";
import { runCoordinator } from "../cluster/index.js";
import { numberFlag, parseCommand } from "./args.js";

export const coordinatorUsage = "distillwatch coordinator [--config FILE] [--interval-ms N] [--schema NAME]";

/** `distillwatch coordinator`: periodic cross-account linkage over the shared store until SIGINT/SIGTERM. */
export async function coordinatorCommand(argv: string[]): Promise<void> {
  const { values } = parseCommand(argv, {
    config: { type: "string" },
    "interval-ms": { type: "string" },
    schema: { type: "string" },
  });
  const config = loadConfig(values.config);
  const c = await runCoordinator({
    config,
    schema: values.schema,
    intervalMs: numberFlag(values["interval-ms"], "interval-ms", 10_000),
    onPass: (p) =>
      process.stdout.write(
        `coordinator pass: ${p.accounts} accounts, ${p.exchanges} exchanges, ${p.campaigns} campaigns, ${p.verdicts} verdicts in ${Math.round(p.ms)} ms\n`,
      ),
  });
  process.stdout.write(
    `distillwatch coordinator: stream ${config.cluster.stream}, ${config.cluster.partitions} partitions\n`,
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
  await c.stop();
}
