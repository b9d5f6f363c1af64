// Feeds prepared exchanges (in event-time order) through the store's deduplication into the
// engine, keeping evidence samples. Shared by `analyze`, the ingest endpoint and the gateway.
import type { Engine } from "../engine/index.js";
import type { EvidenceSample, ExchangeRow, Store } from "../store/index.js";
import type { IdSet } from "./id-set.js";
import type { PreparedExchange } from "./prepare.js";
import { evidenceSample, exchangeRow } from "./rows.js";
import type { RowSink } from "./store-writer.js";

/** Counters and stage timings of feeding. */
export interface FeedStats {
  exchanges: number;
  duplicates: number;
  engineMs: number;
  storeMs: number;
  firstEvent: number | null;
}

/** A fresh set of feed counters. */
export function newFeedStats(): FeedStats {
  return { exchanges: 0, duplicates: 0, engineMs: 0, storeMs: 0, firstEvent: null };
}

function toRow(engine: Engine, it: PreparedExchange): ExchangeRow {
  return exchangeRow(it.facts, it.content, engine.assignTemplate(it.templateKeys));
}

/**
 * At most `limit` evidence samples per account, in the order exchanges are fed. Preparing
 * threads each keep their own counts (they see different chunks of a file), so together they
 * can offer up to threads × limit samples of an account; this keeps the configured number.
 */
export class SampleQuota {
  private readonly taken = new Map<string, number>();
  constructor(private readonly limit: number) {}

  /** Whether `account` may keep one more sample (counts it if so). */
  take(account: string): boolean {
    const n = this.taken.get(account) ?? 0;
    if (n >= this.limit) return false;
    this.taken.set(account, n + 1);
    return true;
  }
}

/** Stores and ingests `items`; a repeated id (already in the store) has no further effect. */
export async function feedExchanges(
  engine: Engine,
  store: Store,
  items: PreparedExchange[],
  stats: FeedStats,
  quota?: SampleQuota,
): Promise<void> {
  if (items.length === 0) return;
  const t0 = performance.now();
  const rows = items.map((it) => toRow(engine, it));
  const t1 = performance.now();
  const fresh = await store.insertExchanges(rows);
  const t2 = performance.now();
  const samples: EvidenceSample[] = [];
  for (let i = 0; i < items.length; i++) {
    if (!fresh[i]) {
      stats.duplicates += 1;
      continue;
    }
    ingestOne(engine, items[i]!, rows[i]!, stats, samples, quota);
  }
  const t3 = performance.now();
  if (samples.length) await store.addSamples(samples);
  stats.engineMs += t1 - t0 + (t3 - t2);
  stats.storeMs += t2 - t1 + (performance.now() - t3);
}

/**
 * Like `feedExchanges`, for a store that started empty: ids are deduplicated in memory and the
 * rows are handed to a sink (a writer thread) without waiting for the database.
 */
export async function feedExchangesFast(
  engine: Engine,
  ids: IdSet,
  sink: RowSink,
  items: PreparedExchange[],
  stats: FeedStats,
  quota?: SampleQuota,
): Promise<void> {
  if (items.length === 0) return;
  const t0 = performance.now();
  const rows: ExchangeRow[] = [];
  const samples: EvidenceSample[] = [];
  for (const it of items) {
    const f = it.facts;
    if (!ids.add(f.id)) {
      stats.duplicates += 1;
      continue;
    }
    const row = toRow(engine, it);
    rows.push(row);
    ingestOne(engine, it, row, stats, samples, quota);
  }
  const t1 = performance.now();
  await sink.write(rows, samples);
  stats.engineMs += t1 - t0;
  stats.storeMs += performance.now() - t1;
}

/** Feeds one deduplicated exchange (with its stored row) to the engine; keeps its sample. */
function ingestOne(
  engine: Engine,
  it: PreparedExchange,
  row: ExchangeRow,
  stats: FeedStats,
  samples: EvidenceSample[],
  quota: SampleQuota | undefined,
): void {
  const f = it.facts;
  const templateId = row.template ? Number.parseInt(row.template, 16) : 0;
  if (stats.firstEvent === null || f.ts < stats.firstEvent) stats.firstEvent = f.ts;
  engine.ingest(f, { content: it.content, templateKeys: it.templateKeys, templateId });
  stats.exchanges += 1;
  if (it.sampled && (quota?.take(f.account) ?? true)) samples.push(evidenceSample(f, templateId));
}
