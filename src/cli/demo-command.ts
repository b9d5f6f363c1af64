import { join, relative } from "node:path";
import { loadConfig } from "../config/index.js";
import { runAnalyze } from "../analyze/run-analyze.js";
import { runSimulation } from "../simulate/index.js";
import { parseCommand } from "./args.js";

/** `distillwatch demo`: simulate the small scenario, analyze it, print the top campaigns. */
export async function demoCommand(argv: string[]): Promise<void> {
  const { values } = parseCommand(argv, { out: { type: "string", short: "o" } });
  const out = values.out ?? "demo-out";
  const traffic = join(out, "traffic");
  process.stdout.write(`simulating the built-in "small" scenario (seed 7) into ${traffic} …\n`);
  const sim = await runSimulation({ scenario: "small", seed: 7, outDir: traffic });
  process.stdout.write(`  ${sim.exchanges} exchanges from ${sim.accounts} accounts\nanalyzing …\n`);
  const result = await runAnalyze({
    files: [join(traffic, "exchanges.jsonl")],
    outDir: out,
    config: loadConfig(),
  });
  const s = result.summary;
  process.stdout.write(
    `  ${s.events.exchanges} exchanges in ${(s.stages_ms.total / 1000).toFixed(1)} s: ${s.accounts.attack} accounts flagged attack, ${s.accounts.review} to review, ${s.campaigns.total} campaigns\n\ntop campaigns:\n`,
  );
  for (const c of result.campaigns.slice(0, 5)) {
    process.stdout.write(
      `  ${c.campaign.padEnd(5)} score ${String(c.score).padStart(5)}  ${String(c.accounts.length).padStart(5)} accounts  ${String(c.requests).padStart(7)} requests  targets: ${c.targets.join(", ") || "-"}\n        ${c.reasons[0]?.detail ?? ""}\n`,
    );
  }
  process.stdout.write(
    `\nreport: ${result.reportPath}\n(relative: ${relative(process.cwd(), result.reportPath)}; score it against the truth with: npx distillwatch eval --truth ${join(traffic, "truth.jsonl")} --result ${out})\n`,
  );
}
