import { loadConfig } from "../config/index.js";
import { openBus, publishFiles } from "../cluster/index.js";
import { DistillwatchError } from "../errors.js";
import { numberFlag, parseCommand } from "./args.js";

export const publishUsage = "distillwatch publish FILE... [--config FILE] [--format NAME] [--threads N]";

/** `distillwatch publish`: validates exchange logs and publishes them to the cluster stream. */
export async function publishCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommand(argv, {
    config: { type: "string" },
    format: { type: "string" },
    threads: { type: "string" },
  });
  if (positionals.length === 0) throw new DistillwatchError("usage", "publish needs at least one input file");
  const config = loadConfig(values.config);
  const bus = await openBus(config);
  try {
    const t0 = performance.now();
    const s = await publishFiles({
      files: positionals,
      config,
      bus,
      format: values.format,
      threads: values.threads === undefined ? undefined : numberFlag(values.threads, "threads"),
    });
    const secs = (performance.now() - t0) / 1000;
    if (s.sorted)
      process.stderr.write(
        `input was not in event-time order (${s.sorted}): published from a copy sorted by time\n`,
      );
    process.stdout.write(
      `published ${s.published} exchanges to ${config.cluster.stream} (${s.duplicates} duplicates, ${s.rejected} rejected lines) in ${secs.toFixed(1)} s\n`,
    );
  } finally {
    await bus.close();
  }
}
