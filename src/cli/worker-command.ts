import { loadConfig } from "../config/index.js";
import { runWorker } from "../cluster/index.js";
import { DistillwatchError } from "../errors.js";
import { parseCommand } from "./args.js";

export const workerUsage =
  "distillwatch worker [--config FILE] [--partitions 0,1,..|auto] [--id NAME] [--schema NAME]";

/** Parses `--partitions`: a comma list of partition numbers, or `auto` (all of them). */
function parsePartitions(v: string | undefined, total: number): number[] | "auto" {
  if (v === undefined || v === "auto") return "auto";
  const ps = v.split(",").map((x) => Number(x.trim()));
  if (ps.some((p) => !Number.isInteger(p) || p < 0 || p >= total))
    throw new DistillwatchError(
      "usage",
      `--partitions must list integers 0..${total - 1} or be auto, got ${v}`,
    );
  return ps;
}

/** `distillwatch worker`: consumes partitions of the cluster stream until SIGINT/SIGTERM. */
export async function workerCommand(argv: string[]): Promise<void> {
  const { values } = parseCommand(argv, {
    config: { type: "string" },
    partitions: { type: "string" },
    id: { type: "string" },
    schema: { type: "string" },
  });
  const config = loadConfig(values.config);
  const workerId = values.id ?? `worker-${process.pid}`;
  const w = await runWorker({
    config,
    schema: values.schema,
    partitions: parsePartitions(values.partitions, config.cluster.partitions),
    workerId,
  });
  process.stdout.write(
    `distillwatch worker ${workerId}: partitions ${w.partitions.join(",")} of stream ${config.cluster.stream}\n`,
  );
  const stopped = new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
  await Promise.race([stopped, w.done]);
  await w.stop();
  const s = w.stats();
  process.stdout.write(
    `distillwatch worker ${workerId}: stopped; processed ${s.processed}, recovered ${s.recovered}, duplicates ${s.duplicates}, rejected ${s.rejected}\n`,
  );
}
