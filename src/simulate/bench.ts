// Simulator throughput for `npm run bench`: the small scenario scaled up, written to a temp dir.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runSimulation } from "./run.js";

/** Measures exchanges written per second (corpus loading excluded by a warm-up run). */
export async function benchSimulate(): Promise<{ exchanges: number; seconds: number; perSecond: number }> {
  const dir = mkdtempSync(join(tmpdir(), "distillwatch-bench-"));
  try {
    await runSimulation({ scenario: "small", seed: 1, outDir: dir, scale: 0.05 });
    const s = await runSimulation({ scenario: "medium", seed: 7, outDir: dir, scale: 0.5 });
    return { exchanges: s.exchanges, seconds: s.seconds, perSecond: s.exchanges / s.seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
