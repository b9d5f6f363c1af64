// `analyze`: the engine run over files. Lines are prepared (in worker threads where available),
// put back in event-time order, deduplicated by id through the store, and fed to the engine;
// the verdicts, campaigns, summary and report are written to the output folder.
import { mkdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Config } from "../config/index.js";
import { createEngine, type Engine } from "../engine/index.js";
import { DistillwatchError } from "../errors.js";
import type { Rejection } from "../events/decode.js";
import { readLines } from "../events/read-lines.js";
import { chunkable, readChunkRanges } from "../events/read-chunks.js";
import type { AccountVerdict, Campaign } from "../scoring/index.js";
import { openStore, type Store } from "../store/index.js";
import { feedExchanges, feedExchangesFast, newFeedStats, SampleQuota } from "./feed.js";
import { IdSet } from "./id-set.js";
import { createRowSink } from "./store-writer.js";
import { accountLine, campaignLine, JsonlWriter, rejectionLine } from "./outputs.js";
import { eachPrepared, preparedCount } from "./packed-exchanges.js";
import { createPreparePool } from "./prepare-pool.js";
import type { PoolBatch, PreparedExchange } from "./prepare.js";
import { createProgress } from "./progress.js";
import { ReorderBuffer } from "./reorder.js";
import { checkEventOrder, writeSortedCopy, type SortedInput } from "./event-order.js";
import { buildSummary, writeReport, writeSummary, type AnalyzeSummary } from "../report/index.js";

export interface AnalyzeOptions {
  files: string[];
  outDir: string;
  config: Config;
  /** SQLite file or PostgreSQL URL; default `<outDir>/distillwatch.db`. */
  db?: string;
  format?: string;
  /** Worker threads for preparation (0 = inline). */
  threads?: number;
  progress?: boolean;
  /** Called for the first few rejected lines (the console shows them). */
  onRejection?: (r: Rejection, index: number) => void;
  /** Called when the input is not in event-time order and a sorted copy is read instead. */
  onSorting?: (reason: string) => void;
}

export interface AnalyzeResult {
  summary: AnalyzeSummary;
  campaigns: Campaign[];
  outDir: string;
  reportPath: string;
}

// Batches in flight per preparing thread: deep enough that the threads keep preparing while the
// engine thread is busy with a clustering pass, so the pipeline does not stall after each one.
const INFLIGHT_PER_THREAD = 8;

// Exchanges per feed call when rows go to the writer thread.
const FEED_SLICE = 256;

function checkInputs(files: string[]): number {
  if (files.length === 0)
    throw new DistillwatchError("usage", "analyze needs at least one input file (or - for stdin)");
  let total = 0;
  for (const f of files) {
    if (f === "-") continue;
    try {
      const st = statSync(f);
      if (!st.isFile()) throw new DistillwatchError("input_unreadable", `${f} is not a file`);
      total += st.size;
    } catch (cause) {
      if (cause instanceof DistillwatchError) throw cause;
      throw new DistillwatchError("input_unreadable", `cannot read ${f}: no such file`, { cause });
    }
  }
  return total;
}

/** Runs the analysis and writes the output folder. */
export async function runAnalyze(opts: AnalyzeOptions): Promise<AnalyzeResult> {
  const started = Date.now();
  const totalBytes = checkInputs(opts.files);
  const outDir = resolve(opts.outDir);
  mkdirSync(outDir, { recursive: true });
  // The default store belongs to this output folder: a rerun starts it afresh. An explicit
  // --db is shared across runs, so exchanges it already holds count as duplicates.
  const dbPath = opts.db ?? join(outDir, "distillwatch.db");
  if (!opts.db) for (const suffix of ["", "-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });
  // Input out of event-time order is read through a copy sorted by time (see event-order.ts).
  const order = await checkEventOrder(opts.files, {
    format: opts.format,
    windowMs: opts.config.engine.reorderWindowMs,
  });
  let sorted: SortedInput | undefined;
  if (!order.ordered) {
    opts.onSorting?.(order.reason!);
    sorted = await writeSortedCopy(opts.files, outDir, { format: opts.format });
  }
  const files = sorted ? [sorted.path] : opts.files;
  const store = await openStore(dbPath);
  const engine = createEngine(opts.config);
  // Worker threads pay off only past start-up (each loads the content model): small inputs run inline.
  const threads = opts.threads ?? (totalBytes > 0 && totalBytes < 32 * 1024 * 1024 ? 0 : undefined);
  const pool = createPreparePool({
    format: opts.format,
    samplesPerAccount: opts.config.engine.samplesPerAccount,
    threads,
  });
  const rejectedOut = new JsonlWriter(join(outDir, "rejected.jsonl"));
  const reorder = new ReorderBuffer<PreparedExchange>(
    opts.config.engine.reorderBuffer,
    opts.config.engine.reorderWindowMs,
  );
  const progress = createProgress(totalBytes, opts.progress);
  const t = { prepareWait: 0, engine: 0, store: 0, output: 0 };
  const counts = { lines: 0, valid: 0, duplicates: 0, rejected: 0, exchanges: 0 };
  const formats = new Set<string>();
  let bytesDone = 0;

  const reject = async (r: Rejection) => {
    // a line of the sorted copy is reported as the line of the input it came from
    if (sorted && r.file === sorted.path) Object.assign(r, sorted.origin(r.line));
    opts.onRejection?.(r, counts.rejected);
    counts.rejected += 1;
    await rejectedOut.write(rejectionLine(r));
  };
  const fed = newFeedStats();
  // A store that starts empty (the usual case) is deduplicated in memory and written from a
  // writer thread; a shared store that already holds exchanges deduplicates through the store.
  const startedEmpty = (await store.countExchanges()) === 0;
  const ids = new IdSet();
  const sink = startedEmpty ? createRowSink(dbPath, store) : undefined;
  // Into the writer thread's sink, exchanges are fed a slice at a time, so few of a batch's are
  // alive at once (see eachPrepared); the store itself takes whole batches (one transaction each).
  const feedSlice = sink ? FEED_SLICE : Infinity;
  const quota = new SampleQuota(opts.config.engine.samplesPerAccount);
  const feed = (items: PreparedExchange[]) =>
    sink
      ? feedExchangesFast(engine, ids, sink, items, fed, quota)
      : feedExchanges(engine, store, items, fed, quota);

  try {
    for (const f of sorted?.faults ?? []) {
      counts.lines += 1;
      await reject({ file: f.file, line: f.fault.line, reason: f.fault.reason, text: "" });
    }
    for (const file of files) {
      const inflight: { batch: Promise<PoolBatch>; bytes: boolean }[] = [];
      const faults: Rejection[] = [];
      // Lines before the chunk being handled: byte chunks number their lines from 1.
      let linesBefore = 0;
      const handle = async (p: { batch: Promise<PoolBatch>; bytes: boolean }) => {
        const w0 = performance.now();
        const b = await p.batch;
        t.prepareWait += performance.now() - w0;
        if (p.bytes) for (const r of b.rejected) r.line += linesBefore;
        linesBefore += b.lines;
        counts.lines += b.lines;
        if (b.format) formats.add(b.format);
        for (const r of b.rejected) await reject(r);
        counts.valid += preparedCount(b);
        let ready: PreparedExchange[] = [];
        for (const it of eachPrepared(b)) {
          reorder.push(it.facts.ts, it, ready);
          if (ready.length < feedSlice) continue;
          await feed(ready);
          ready = [];
        }
        await feed(ready);
        bytesDone = Math.max(bytesDone, b.bytesRead);
        progress.update(bytesDone, fed.exchanges);
      };
      const window = Math.max(2, pool.threads * INFLIGHT_PER_THREAD);
      if (chunkable(file)) {
        // Plain files: chunk ranges go to the preparing threads, which read, split and decode them.
        for (const range of readChunkRanges(file)) {
          inflight.push({ batch: pool.submitRange(file, range), bytes: true });
          if (inflight.length >= window) await handle(inflight.shift()!);
        }
      } else {
        for await (const batch of readLines(file, {
          batchLines: 1024,
          onFault: (f) => faults.push({ file, line: f.line, reason: f.reason, text: "" }),
        })) {
          inflight.push({ batch: pool.submit(file, batch), bytes: false });
          if (inflight.length >= window) await handle(inflight.shift()!);
        }
      }
      while (inflight.length) await handle(inflight.shift()!);
      for (const f of faults) {
        counts.lines += 1;
        await reject(f);
      }
    }
    const rest: PreparedExchange[] = [];
    reorder.drain(rest);
    await feed(rest);
    progress.stop();
    const s0 = performance.now();
    await sink?.close();
    fed.storeMs += performance.now() - s0;
    const o0 = performance.now();
    engine.recluster();
    const campaigns = engine.campaigns();
    const verdicts = await writeVerdicts(engine, store, join(outDir, "accounts.jsonl"));
    const campaignsOut = new JsonlWriter(join(outDir, "campaigns.jsonl"));
    for (const c of campaigns) await campaignsOut.write(campaignLine(c));
    await campaignsOut.close();
    await store.replaceCampaigns(campaigns);
    await openReviewCases(store, campaigns, verdicts.review, opts.config.thresholds.attack);
    await rejectedOut.close();
    t.output += performance.now() - o0;
    Object.assign(counts, { exchanges: fed.exchanges, duplicates: fed.duplicates });
    Object.assign(t, { engine: fed.engineMs, store: fed.storeMs });
    const summary = buildSummary({
      opts,
      counts,
      late: reorder.late,
      sorted: order.reason,
      formats: [...formats],
      verdicts: verdicts.tally,
      campaigns,
      stats: engine.stats(),
      tableBytes: engine.tableBytes,
      timings: t,
      started,
      threads: pool.threads,
      firstEvent: fed.firstEvent,
    });
    await store.setMeta("last_summary", JSON.stringify(summary));
    writeSummary(join(outDir, "summary.json"), summary);
    const reportPath = join(outDir, "report.html");
    await writeReport(reportPath, { summary, campaigns, store });
    return { summary, campaigns, outDir, reportPath };
  } finally {
    progress.stop();
    await sink?.close().catch(() => undefined);
    await pool.close();
    await store.close();
    sorted?.remove();
  }
}

async function writeVerdicts(
  engine: Engine,
  store: Store,
  path: string,
): Promise<{ tally: { attack: number; review: number; benign: number }; review: AccountVerdict[] }> {
  const out = new JsonlWriter(path);
  const tally = { attack: 0, review: 0, benign: 0 };
  const review: AccountVerdict[] = [];
  let batch: AccountVerdict[] = [];
  for (const v of engine.verdicts()) {
    tally[v.verdict] += 1;
    if (v.verdict === "review") review.push(v);
    await out.write(accountLine(v));
    batch.push(v);
    if (batch.length >= 2000) {
      await store.putAccounts(batch);
      batch = [];
    }
  }
  if (batch.length) await store.putAccounts(batch);
  await out.close();
  return { tally, review };
}

/**
 * Fills the analysts' review queue: one case per campaign, and one per account the engine left
 * at `review` (strongest first, at most 1,000). Opening is idempotent per subject.
 */
async function openReviewCases(
  store: Store,
  campaigns: Campaign[],
  reviewAccounts: AccountVerdict[],
  attack: number,
): Promise<void> {
  const now = Date.now();
  for (const c of campaigns) {
    await store.openCase({
      id: `case-${c.campaign}`,
      subjectType: "campaign",
      subject: c.campaign,
      score: c.score,
      status: "open",
      openedAt: now,
      summary: `${c.accounts.length} accounts, ${c.requests} requests${c.score >= attack ? "" : " (below the attack threshold)"}: ${c.reasons[0]?.detail ?? ""}`,
    });
  }
  const review = reviewAccounts.sort((a, b) => b.score - a.score).slice(0, 1000);
  for (const v of review) {
    await store.openCase({
      id: `case-${v.account}`,
      subjectType: "account",
      subject: v.account,
      score: v.score,
      status: "open",
      openedAt: now,
      summary: v.reasons[0]?.detail ?? "review",
    });
  }
}
