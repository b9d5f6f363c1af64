import { loadConfig } from "../config/index.js";
import { runAnalyze } from "../analyze/run-analyze.js";
import { numberFlag, parseCommand, required } from "./args.js";

export const analyzeUsage =
  "distillwatch analyze FILE... --out DIR [--db FILE] [--config FILE] [--format NAME] [--threads N] [--quiet]";

/** `distillwatch analyze`. */
export async function analyzeCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommand(argv, {
    out: { type: "string", short: "o" },
    db: { type: "string" },
    config: { type: "string" },
    format: { type: "string" },
    threads: { type: "string" },
    quiet: { type: "boolean" },
  });
  const config = loadConfig(values.config);
  const shown = 5;
  const result = await runAnalyze({
    files: positionals,
    outDir: required(values.out, "out"),
    db: values.db,
    config,
    format: values.format,
    threads: values.threads === undefined ? undefined : numberFlag(values.threads, "threads"),
    onRejection: (r, i) => {
      if (i < shown) process.stderr.write(`rejected ${r.file}:${r.line}: ${r.reason}\n`);
      else if (i === shown) process.stderr.write(`… more rejected lines in rejected.jsonl\n`);
    },
    onSorting: (reason) =>
      process.stderr.write(`input is not in event-time order (${reason}): reading a copy sorted by time\n`),
  });
  if (values.quiet) return;
  const s = result.summary;
  if (s.events.late > 0.001 * s.events.exchanges)
    process.stderr.write(
      `warning: ${s.events.late} exchanges arrived later than the reorder window behind newer ones and were processed late (their first_flagged_at may be late)\n`,
    );
  process.stdout.write(
    `analyzed ${s.events.exchanges} exchanges (${s.events.rejected} rejected, ${s.events.duplicates} duplicates) from ${s.accounts.total} accounts in ${(s.stages_ms.total / 1000).toFixed(1)} s (${s.throughput.exchanges_per_second} exchanges/s)\n` +
      `verdicts: ${s.accounts.attack} attack, ${s.accounts.review} review, ${s.accounts.benign} benign; ${s.campaigns.total} campaigns\n` +
      `report: ${result.reportPath}\n`,
  );
}
