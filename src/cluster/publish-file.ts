// The cluster's publisher: importer → JSONL lines → contract validation → content signals and
// template band keys (the prepare pool, as in `analyze`) → event-time order → global template
// ids (TemplateSequencer) → one envelope per exchange on the bus, Nats-Msg-Id = exchange id.
import { createPreparePool } from "../analyze/prepare-pool.js";
import { preparedItems } from "../analyze/packed-exchanges.js";
import type { PoolBatch, PreparedExchange } from "../analyze/prepare.js";
import { ReorderBuffer } from "../analyze/reorder.js";
import { checkEventOrder, writeSortedCopy, type SortedInput } from "../analyze/event-order.js";
import type { EventBus, ExchangeEnvelope } from "../bus/index.js";
import type { Config } from "../config/index.js";
import { readLines } from "../events/read-lines.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TemplateSequencer } from "./template-sequencer.js";

export interface PublishOptions {
  files: string[];
  config: Config;
  bus: EventBus;
  format?: string;
  /** Preparation threads (0 = inline). */
  threads?: number;
  /** Shares template identity across several calls (one sequencer per stream). */
  sequencer?: TemplateSequencer;
  /** Numbers envelopes from here (continue a previous call's count). */
  firstSeq?: number;
}

/** Counters of one publish run. */
export interface PublishStats {
  lines: number;
  rejected: number;
  published: number;
  /** Repeated ids: in the input (skipped here) or inside JetStream's duplicate window. */
  duplicates: number;
  /** Next free sequence number. */
  nextSeq: number;
  prepareMs: number;
  publishMs: number;
  /** Why the input was published from a copy sorted by event time (absent when it was in order). */
  sorted?: string;
}

const BATCH = 2000;

/** Publishes the exchanges of `files` to the bus; returns counters. */
export async function publishFiles(opts: PublishOptions): Promise<PublishStats> {
  const pool = createPreparePool({
    format: opts.format,
    samplesPerAccount: opts.config.engine.samplesPerAccount,
    threads: opts.threads,
  });
  const sequencer = opts.sequencer ?? new TemplateSequencer();
  const reorder = new ReorderBuffer<PreparedExchange>(
    opts.config.engine.reorderBuffer,
    opts.config.engine.reorderWindowMs,
  );
  const stats: PublishStats = {
    lines: 0,
    rejected: 0,
    published: 0,
    duplicates: 0,
    nextSeq: opts.firstSeq ?? 0,
    prepareMs: 0,
    publishMs: 0,
  };
  // Ids seen in this run: a repeated exchange must not count twice in the template statistics.
  const seen = new Set<string>();
  let out: ExchangeEnvelope[] = [];
  // One batch's acks are awaited while the next is prepared (publishing is I/O-bound,
  // preparing CPU-bound); the bus sends each batch in order, so partitions stay ordered.
  let inflight: Promise<void> = Promise.resolve();
  const flush = async () => {
    const batch = out;
    out = [];
    await inflight;
    const t0 = performance.now();
    inflight = opts.bus.publishExchanges(batch).then((r) => {
      stats.publishMs += performance.now() - t0;
      stats.published += r.published;
      stats.duplicates += r.duplicates;
    });
    // Marked handled here; the failure surfaces at the next `await inflight`.
    inflight.catch(() => undefined);
  };
  const emit = async (items: PreparedExchange[]) => {
    for (const it of items) {
      const f = it.facts;
      if (seen.has(f.id)) {
        stats.duplicates += 1;
        continue;
      }
      seen.add(f.id);
      const { template, use } = sequencer.next(it.templateKeys, f.account, it.content.scores, f.org);
      out.push({
        v: 1,
        seq: stats.nextSeq++,
        facts: f,
        content: { scores: it.content.scores, capability: it.content.capability },
        template,
        use,
        sampled: it.sampled,
      });
      if (out.length >= BATCH) await flush();
    }
  };
  const handle = async (p: Promise<PoolBatch>) => {
    const t0 = performance.now();
    const b = await p;
    stats.prepareMs += performance.now() - t0;
    stats.lines += b.lines;
    stats.rejected += b.rejected.length;
    const ready: PreparedExchange[] = [];
    for (const it of preparedItems(b)) reorder.push(it.facts.ts, it, ready);
    await emit(ready);
  };
  // Input out of event-time order is published from a copy sorted by time, as `analyze` reads it
  // (see analyze/event-order.ts): workers process each partition in stream order.
  const order = await checkEventOrder(opts.files, {
    format: opts.format,
    windowMs: opts.config.engine.reorderWindowMs,
  });
  let sortedDir: string | undefined;
  let sorted: SortedInput | undefined;
  if (!order.ordered) {
    stats.sorted = order.reason;
    sortedDir = mkdtempSync(join(tmpdir(), "distillwatch-publish-"));
    sorted = await writeSortedCopy(opts.files, sortedDir, { format: opts.format });
    stats.rejected += sorted.faults.length;
  }
  const files = sorted ? [sorted.path] : opts.files;
  try {
    for (const file of files) {
      const inflight: Promise<PoolBatch>[] = [];
      for await (const batch of readLines(file, { batchLines: 1024, onFault: () => (stats.rejected += 1) })) {
        inflight.push(pool.submit(file, batch));
        if (inflight.length >= Math.max(2, pool.threads * 3)) await handle(inflight.shift()!);
      }
      while (inflight.length) await handle(inflight.shift()!);
    }
    const rest: PreparedExchange[] = [];
    reorder.drain(rest);
    await emit(rest);
    if (out.length) await flush();
    await inflight;
    return stats;
  } finally {
    await pool.close();
    if (sortedDir) rmSync(sortedDir, { recursive: true, force: true });
  }
}
