// Runs one simulation: shard renderers (worker threads, or the calling thread) produce each
// account's exchanges in time order, the merger interleaves them by time and writes
// exchanges.jsonl and truth-exchanges.tsv, then truth.jsonl lists the accounts that sent traffic.
// The bytes depend only on scenario, seed and scale — never on the number of threads.
import { mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join as joinPath } from "node:path";
import { ByteFile } from "./byte-file.js";
import { getCorpora, resolveCorporaDir } from "./corpus.js";
import { LineWriter } from "./writer.js";
import { mergeShards } from "./merge.js";
import { expectedExchanges, scenarios } from "./plan-scenario.js";
import { idPrefix, type AccountInfo, type ShardJob } from "./shard.js";
import { LocalSource, WorkerSource, type ShardSource } from "./sources.js";

export { planScenario, scenarios } from "./plan-scenario.js";
export { closeShardWorkers } from "./sources.js";

/** Options of one simulator run. */
export interface SimulateOptions {
  scenario: string;
  seed: number;
  outDir: string;
  scale?: number;
  /**
   * Share (0 to 0.9) of ordinary chat that every campaign account mixes into its traffic, so its
   * own requests look less like harvesting (camouflage); 0 by default.
   */
  camouflage?: number;
  /**
   * Every campaign account keeps one exit of its own (a static residential proxy or a VPS per
   * account) instead of rotating through its campaign's pool; off by default.
   */
  fixedExits?: boolean;
  corporaDir?: string;
  /** Worker threads that render (the calling thread merges and writes); 0 renders on the calling thread. Default: by size and cores. */
  threads?: number;
  onProgress?: (written: number, total: number) => void;
}

/** What a run produced; `seconds` is the wall-clock time it took. */
export interface SimulateSummary {
  scenario: string;
  seed: number;
  exchanges: number;
  accounts: number;
  attackAccounts: number;
  campaigns: number;
  seconds: number;
}

// below this many exchanges, starting workers (each loads the corpora) costs more than it saves
const THREADED_FROM = 100_000;

/**
 * Rendering workers a run gets when `threads` is not given: one per core (at most 4). The calling
 * thread only merges the shards' batches and hands 1 MiB chunks to the kernel: profiled on 2 cores
 * (medium ×0.6, 560k exchanges) it sat idle 91 % of the run while its one worker rendered, so a
 * second worker is worth more than a core kept free for it. Measured there in one process,
 * interleaved, six runs each: one worker 135k exchanges/s (median), two 181k, three 180k.
 */
export function defaultThreads(scenario: string, scale: number): number {
  if (expectedExchanges(scenario, scale) < THREADED_FROM) return 0;
  return Math.max(1, Math.min(4, availableParallelism()));
}

async function openSources(
  base: Omit<ShardJob, "shard" | "shards">,
  threads: number,
  corporaDir: string,
): Promise<ShardSource[]> {
  if (threads <= 0) return [new LocalSource({ ...base, shard: 0, shards: 1 }, getCorpora(corporaDir))];
  const opened = await Promise.allSettled(
    Array.from({ length: threads }, (_, shard) =>
      WorkerSource.open({ ...base, shard, shards: threads }, corporaDir),
    ),
  );
  const sources = opened.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
  const failed = opened.find((o) => o.status === "rejected");
  if (failed) {
    for (const s of sources) s.close();
    throw failed.reason;
  }
  return sources;
}

/** Generates a scenario's traffic and ground truth into `outDir`. */
export async function runSimulation(opts: SimulateOptions): Promise<SimulateSummary> {
  const t0 = performance.now();
  const scale = opts.scale ?? 1;
  if (!scenarios.includes(opts.scenario))
    throw new Error(`unknown scenario "${opts.scenario}" (known: ${scenarios.join(", ")})`);
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new Error(`scale must be a positive number, got ${scale}`);
  const threads = Math.max(0, Math.floor(opts.threads ?? defaultThreads(opts.scenario, scale)));
  const corporaDir = resolveCorporaDir(opts.corporaDir);
  mkdirSync(opts.outDir, { recursive: true });
  const camouflage = opts.camouflage ?? 0;
  if (!(camouflage >= 0 && camouflage <= 0.9))
    throw new Error(`camouflage must be a share from 0 to 0.9, got ${camouflage}`);
  const sources = await openSources(
    { scenario: opts.scenario, seed: opts.seed, scale, camouflage, fixedExits: opts.fixedExits ?? false },
    threads,
    corporaDir,
  );
  const infos: AccountInfo[] = sources.flatMap((s) => [...s.accounts]).sort((a, b) => a.index - b.index);
  const expected = sources[0]?.expected ?? 0;
  const exchanges = new ByteFile(joinPath(opts.outDir, "exchanges.jsonl"));
  const tsv = new ByteFile(joinPath(opts.outDir, "truth-exchanges.tsv"));
  let merged: { n: number; counts: Int32Array };
  try {
    merged = await mergeShards(sources, {
      exchanges,
      tsv,
      prefixLength: idPrefix(opts.seed, opts.scenario).length,
      accounts: infos.length,
      onRecord: opts.onProgress ? (n) => opts.onProgress?.(n, Math.max(n, expected)) : undefined,
    });
  } finally {
    for (const s of sources) s.close();
    exchanges.close();
    tsv.close();
  }
  const { n, counts } = merged;
  const truth = new LineWriter(joinPath(opts.outDir, "truth.jsonl"));
  let accounts = 0;
  let attack = 0;
  const campaigns = new Set<string>();
  for (const p of infos) {
    if ((counts[p.index] ?? 0) === 0) continue; // an account that never sent a request is not in the traffic
    accounts++;
    if (p.label === "attack") attack++;
    if (p.campaign) campaigns.add(p.campaign);
    if (
      truth.write(JSON.stringify({ account: p.id, label: p.label, campaign: p.campaign, persona: p.persona }))
    )
      await truth.flush();
  }
  await truth.close();
  opts.onProgress?.(n, n);
  return {
    scenario: opts.scenario,
    seed: opts.seed,
    exchanges: n,
    accounts,
    attackAccounts: attack,
    campaigns: campaigns.size,
    seconds: (performance.now() - t0) / 1000,
  };
}
