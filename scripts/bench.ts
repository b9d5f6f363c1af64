// `npm run bench`: speed and memory of distillwatch, each measured in this one run.
//   - simulate: exchanges/s written to a file, median of three runs (target ≥ 200k/s)
//   - content model: scores/s
//   - analyze vs the floor: one thread scanning the same file's bytes for newlines and
//     JSON.parse-ing each line, nothing else (target: analyze within 2× the floor's time)
//   - analyze's peak RSS (target < 1 GB on 1M lines) and state per account (target ≤ 1.5 KB),
//     measured as heap growth per account over the file's first 250k lines (bench-state.ts)
// Flags: --lines N (default 1,000,000), --skip-sim.
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { benchSimulate } from "../src/simulate/bench.js";
import { benchContent } from "../src/signals/content/bench.js";

const { values } = parseArgs({ options: { lines: { type: "string" }, scenario: { type: "string" } } });
const dir = mkdtempSync(join(tmpdir(), "dw-bench-"));
const cli = join(process.cwd(), "bin", "distillwatch.js");

function floor(file: string): { lines: number; seconds: number } {
  const fd = openSync(file, "r");
  const buf = Buffer.allocUnsafe(1 << 22);
  let carry = Buffer.alloc(0);
  let lines = 0;
  const t0 = performance.now();
  for (;;) {
    const n = readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    const chunk = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl < 0) break;
      JSON.parse(chunk.toString("utf8", start, nl));
      lines += 1;
      start = nl + 1;
    }
    carry = Buffer.from(chunk.subarray(start));
  }
  closeSync(fd);
  return { lines, seconds: (performance.now() - t0) / 1000 };
}

function run(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`distillwatch ${args[0]} failed (${r.status})`);
  return (performance.now() - t0) / 1000;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en");
const lines = Number(values.lines ?? 1_000_000);
console.log(`distillwatch bench — ${new Date().toISOString()} — node ${process.version}\n`);

const sim = await benchSimulate();
const m = sim.median;
console.log(
  `simulate: ${fmt(m.perSecond)} exchanges/s written, median of ${sim.runs.length} runs (${fmt(m.exchanges)} exchanges in ${m.seconds.toFixed(2)} s, ${m.cpuSeconds.toFixed(1)} s CPU; runs: ${sim.runs.map((r) => fmt(r.perSecond)).join(", ")}; target ≥ 200,000/s)`,
);
const content = benchContent();
console.log(
  `content model, one thread: ${content.cpuUs.toFixed(1)} µs CPU per ~${Math.round(content.meanPromptChars)}-char prompt; ${content.long.cpuUs.toFixed(1)} µs CPU per ~${Math.round(content.long.meanPromptChars)}-char prompt (target ≤ 8 µs)`,
);

// Traffic with realistic prompts: the medium scenario, scaled to the requested line count.
const scale = lines / 1_000_000;
const simDir = join(dir, "sim");
const simSeconds = run([
  "simulate",
  "--scenario",
  values.scenario ?? "medium",
  "--seed",
  "11",
  "--out",
  simDir,
  "--scale",
  String(scale),
]);
const file = join(simDir, "exchanges.jsonl");
const bytes = statSync(file).size;
const fl = floor(file);
console.log(
  `\ninput: ${fmt(fl.lines)} lines, ${(bytes / fl.lines).toFixed(0)} bytes/line (simulated in ${simSeconds.toFixed(1)} s)`,
);
console.log(
  `floor (one thread: newline scan + JSON.parse): ${fl.seconds.toFixed(2)} s = ${fmt(fl.lines / fl.seconds)} lines/s`,
);
const outDir = join(dir, "out");
const an = run(["analyze", file, "--out", outDir, "--quiet"]);
const summary = JSON.parse(readFileSync(join(outDir, "summary.json"), "utf8")) as {
  events: { exchanges: number };
  accounts: { total: number };
  state: { per_account_bytes: number; max_rss_mb: number; template_table_bytes: number };
  throughput: { threads: number; cpu_ms: number };
  stages_ms: Record<string, number>;
};
console.log(
  `analyze (CLI, ${summary.throughput.threads} worker threads, incl. start-up and outputs): ${an.toFixed(2)} s = ${fmt(summary.events.exchanges / an)} exchanges/s`,
);
console.log(`  stages (ms): ${JSON.stringify(summary.stages_ms)}`);
console.log(`  ratio analyze time / floor time: ${(an / fl.seconds).toFixed(2)}× (target ≤ 2.0×)`);
// The CPU the analysis needs over all its threads bounds its wall time from below on this machine.
const cores = availableParallelism();
const cpuS = summary.throughput.cpu_ms / 1000;
console.log(
  `  CPU over all threads: ${cpuS.toFixed(1)} s = ${((cpuS / summary.events.exchanges) * 1e6).toFixed(0)} µs per exchange (floor: ${((fl.seconds / fl.lines) * 1e6).toFixed(0)} µs per line); on ${cores} cores the wall time cannot go below ${(cpuS / cores).toFixed(1)} s = ${(cpuS / cores / fl.seconds).toFixed(2)}× the floor`,
);
console.log(`  peak RSS: ${summary.state.max_rss_mb} MB (target < 1,024 MB)`);
const stateRun = spawnSync(
  process.execPath,
  ["--expose-gc", "--import", "tsx", join(process.cwd(), "scripts", "bench-state.ts"), file, "250000"],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (stateRun.status !== 0) throw new Error(`bench-state failed (${stateRun.status})`);
const state = JSON.parse(stateRun.stdout.trim().split("\n").pop()!) as {
  lines: number;
  accounts: number;
  measuredBytesPerAccount: number;
};
console.log(
  `  state per account, measured (heap growth after full GCs, engine over the first ${fmt(state.lines)} lines, ${fmt(state.accounts)} accounts): ${fmt(state.measuredBytesPerAccount)} bytes (target ≤ 1,536); analyze's own estimate over all ${fmt(summary.accounts.total)} accounts: ${fmt(summary.state.per_account_bytes)} bytes; plus fixed template tables of ${(summary.state.template_table_bytes / 1048576).toFixed(0)} MB`,
);
rmSync(dir, { recursive: true, force: true });
