// Simulator throughput for `npm run bench`: a medium-like mix of ~560k exchanges written to a
// temp dir. Wall time is what the target (≥ 200k/s) is about; CPU time (all threads) is
// reported too because on a shared machine it is the steadier number to compare changes by.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultThreads, runSimulation } from "./run.js";

/** Measures exchanges written per second (corpus loading excluded by a warm-up run on the same threads). */
export async function benchSimulate(
  opts: { threads?: number } = {},
): Promise<{ exchanges: number; seconds: number; perSecond: number; cpuSeconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), "distillwatch-bench-"));
  try {
    // the warm-up starts the pooled workers (each loads the corpora) that the measured run reuses
    await runSimulation({
      scenario: "medium",
      seed: 1,
      outDir: join(dir, "warm-up"),
      scale: 0.01,
      threads: opts.threads ?? defaultThreads("medium", 0.6),
    });
    const cpu0 = process.cpuUsage();
    const s = await runSimulation({
      scenario: "medium",
      seed: 7,
      outDir: join(dir, "run"),
      scale: 0.6,
      threads: opts.threads,
    });
    const cpu = process.cpuUsage(cpu0);
    return {
      exchanges: s.exchanges,
      seconds: s.seconds,
      perSecond: s.exchanges / s.seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
