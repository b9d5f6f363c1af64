// One fetched batch of a partition: store rows first (the store's per-row new/duplicate answer
// is the dedupe), then fold the new exchanges into account state. A duplicate that JetStream
// redelivered may be one whose row a killed worker stored but never folded into a snapshot:
// it is folded when the store holds more rows for the account than the state has counted.
import type { Delivery, ExchangeEnvelope } from "../bus/index.js";
import type { AccountState } from "../engine/index.js";
import type { Store } from "../store/index.js";
import { toExchangeRow, toSample } from "./exchange-row.js";
import type { PartitionState } from "./partition-state.js";

/** Worker counters (per process; the store is the durable count). */
export interface BatchStats {
  processed: number;
  recovered: number;
  duplicates: number;
  rejected: number;
  storeMs: number;
  foldMs: number;
}

/** A fresh set of counters. */
export function newBatchStats(): BatchStats {
  return { processed: 0, recovered: 0, duplicates: 0, rejected: 0, storeMs: 0, foldMs: 0 };
}

/** Stores and folds a batch; returns the accounts whose state changed. Acks are the caller's. */
export async function applyBatch(
  store: Store,
  state: PartitionState,
  deliveries: Delivery[],
  stats: BatchStats,
): Promise<Set<AccountState>> {
  const envelopes: ExchangeEnvelope[] = [];
  const redelivered: boolean[] = [];
  for (const d of deliveries) {
    if (!d.envelope) {
      stats.rejected += 1;
      d.term();
      continue;
    }
    envelopes.push(d.envelope);
    redelivered.push(d.redelivered);
  }
  const changed = new Set<AccountState>();
  if (envelopes.length === 0) return changed;
  const t0 = performance.now();
  const fresh = await store.insertExchanges(envelopes.map(toExchangeRow));
  const t1 = performance.now();
  // New rows of each account still to fold in this batch (they are already in the store's count).
  const freshLeft = new Map<string, number>();
  // Redelivered duplicates of each account: at most this many rows can be missing from its state.
  const suspects = new Map<string, number>();
  envelopes.forEach((e, i) => {
    const a = e.facts.account;
    if (fresh[i]) freshLeft.set(a, (freshLeft.get(a) ?? 0) + 1);
    else if (redelivered[i]) suspects.set(a, (suspects.get(a) ?? 0) + 1);
  });
  const stored = new Map<string, number>();
  const samples = [];
  for (let i = 0; i < envelopes.length; i++) {
    const e = envelopes[i]!;
    const a = e.facts.account;
    if (fresh[i]) {
      freshLeft.set(a, freshLeft.get(a)! - 1);
      changed.add(state.fold(e));
      stats.processed += 1;
      if (e.sampled) samples.push(toSample(e));
    } else if (
      redelivered[i] &&
      (await isUnfolded(store, state, a, freshLeft.get(a) ?? 0, suspects.get(a) ?? 0, stored))
    ) {
      changed.add(state.fold(e));
      stats.recovered += 1;
      if (e.sampled) samples.push(toSample(e));
    } else {
      stats.duplicates += 1;
    }
  }
  const t2 = performance.now();
  if (samples.length) await store.addSamples(samples);
  stats.storeMs += t1 - t0 + (performance.now() - t2);
  stats.foldMs += t2 - t1;
  return changed;
}

/** Whether the store holds a row of `account` that its state has not counted yet. */
async function isUnfolded(
  store: Store,
  state: PartitionState,
  account: string,
  freshLeft: number,
  suspects: number,
  stored: Map<string, number>,
): Promise<boolean> {
  const counted = state.accounts.get(account)?.profile.n ?? 0;
  let rows = stored.get(account);
  if (rows === undefined) {
    // At most `suspects` rows can be uncounted, so reading counted + fresh + suspects rows answers it.
    rows = (await store.listExchanges({ account, limit: counted + freshLeft + suspects })).length;
    stored.set(account, rows);
  }
  return rows > counted + freshLeft;
}
