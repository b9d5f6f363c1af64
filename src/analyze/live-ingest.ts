// Live ingestion of JSONL batches (the analyst service's ingest endpoint): the same
// preparation, deduplication and engine as `analyze`, with the touched accounts' verdicts and
// the campaigns written back to the store after each batch.
import type { Engine } from "../engine/index.js";
import type { Store } from "../store/index.js";
import { loadContentModel } from "../signals/content/index.js";
import { feedExchanges, newFeedStats } from "./feed.js";
import { BatchPreparer } from "./prepare.js";

/** Result of one ingested batch. */
export interface LiveIngestResult {
  accepted: number;
  duplicates: number;
  rejected: { line: number; reason: string }[];
}

/** Creates a function that ingests one batch of JSONL lines into `engine` and `store`. */
export function createLiveIngest(
  engine: Engine,
  store: Store,
  samplesPerAccount: number,
): (lines: string[]) => Promise<LiveIngestResult> {
  const preparer = new BatchPreparer(loadContentModel(), undefined, samplesPerAccount);
  let queue = Promise.resolve();
  const run = async (lines: string[]): Promise<LiveIngestResult> => {
    const batch = preparer.prepare("ingest", { firstLine: 1, lines, bytesRead: 0 });
    const items = batch.items.sort((a, b) => a.facts.ts - b.facts.ts);
    const stats = newFeedStats();
    await feedExchanges(engine, store, items, stats);
    const touched = new Set(items.map((i) => i.facts.account));
    const verdicts = [...touched].flatMap((a) => engine.verdict(a) ?? []);
    for (const c of engine.campaigns())
      for (const a of c.accounts) if (!touched.has(a)) verdicts.push(engine.verdict(a)!);
    await store.putAccounts(verdicts);
    await store.replaceCampaigns(engine.campaigns());
    return {
      accepted: stats.exchanges,
      duplicates: stats.duplicates,
      rejected: batch.rejected.map((r) => ({ line: r.line, reason: r.reason })),
    };
  };
  // Batches are applied one at a time, in arrival order, so the engine sees one stream.
  return (lines) => {
    const result = queue.then(() => run(lines));
    queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  };
}
