// Simulator throughput for `npm run bench`: a medium-like mix of ~560k exchanges written to a
// temp dir, three times. Wall time is what the target (≥ 200k/s) is about; CPU time (all threads)
// is reported too because on a shared machine it is the steadier number to compare changes by.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultThreads, runSimulation } from "./run.js";

/** One measured run. */
export interface SimulateBenchRun {
  exchanges: number;
  seconds: number;
  perSecond: number;
  cpuSeconds: number;
}

/**
 * Measures exchanges written per second over `runs` runs on the same pooled workers (corpus
 * loading and the JIT's first compilations excluded by a smaller warm-up run); `median` is the
 * run with the median rate.
 */
export async function benchSimulate(
  opts: { threads?: number; runs?: number } = {},
): Promise<{ runs: SimulateBenchRun[]; median: SimulateBenchRun }> {
  const dir = mkdtempSync(join(tmpdir(), "distillwatch-bench-"));
  const threads = opts.threads ?? defaultThreads("medium", 0.6);
  try {
    // the warm-up starts the pooled workers (each loads the corpora) that the measured runs reuse
    await runSimulation({ scenario: "medium", seed: 1, outDir: join(dir, "warm-up"), scale: 0.05, threads });
    const runs: SimulateBenchRun[] = [];
    for (let i = 0; i < (opts.runs ?? 3); i++) {
      const out = join(dir, "run");
      const cpu0 = process.cpuUsage();
      const s = await runSimulation({ scenario: "medium", seed: 7, outDir: out, scale: 0.6, threads });
      const cpu = process.cpuUsage(cpu0);
      runs.push({
        exchanges: s.exchanges,
        seconds: s.seconds,
        perSecond: s.exchanges / s.seconds,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
      });
      rmSync(out, { recursive: true, force: true });
    }
    const sorted = [...runs].sort((a, b) => a.perSecond - b.perSecond);
    return { runs, median: sorted[sorted.length >> 1] as SimulateBenchRun };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
