// A cluster worker: owns a set of partitions; per partition it loads the state snapshot, then
// loops fetch → store (dedupe) → fold → verdicts → snapshot → ack. Acks wait for the snapshot
// that contains their effect, so a worker killed at any point loses nothing: unacked messages
// are redelivered after ack_wait, and the store's dedupe plus the row count check in
// apply-batch.ts make re-processing count each exchange exactly once.
import type { EventBus } from "../bus/index.js";
import type { Store } from "../store/index.js";
import { applyBatch, newBatchStats, type BatchStats } from "./apply-batch.js";
import { DecisionPublisher } from "./decisions.js";
import { readMembership } from "./membership.js";
import { partitionKey } from "./meta-keys.js";
import { PartitionState } from "./partition-state.js";
import { scoreAccount } from "./score-account.js";
import { openBus, openSharedStore, type ClusterTarget } from "./services.js";
import type { AccountState } from "../engine/index.js";

export interface WorkerOptions extends ClusterTarget {
  /** Partitions to own, or `auto` for all of them (a single worker). */
  partitions: number[] | "auto";
  workerId: string;
  /** Snapshot (and ack) at most this often per partition ... */
  snapshotEveryMs?: number;
  /** ... or as soon as this many messages wait for their ack (keep below the consumer's max_ack_pending). */
  snapshotEveryMessages?: number;
  /** Messages per fetch. */
  batch?: number;
  /** How often to pick up the coordinator's campaign membership. */
  membershipEveryMs?: number;
}

/** Worker counters. */
export interface WorkerStats extends BatchStats {
  snapshots: number;
  snapshotMs: number;
  decisions: number;
}

/** A running worker. */
export interface WorkerHandle {
  readonly partitions: number[];
  stats(): WorkerStats;
  /** Messages not yet acknowledged on the worker's partitions. */
  backlog(): Promise<number>;
  /** Finishes the current batches, snapshots, acks and disconnects. */
  stop(): Promise<void>;
  /** Settles when the worker stops (rejects when a partition loop failed). */
  readonly done: Promise<void>;
}

interface Shared {
  opts: WorkerOptions;
  store: Store;
  bus: EventBus;
  decisions: DecisionPublisher;
  stats: WorkerStats;
  stopping: boolean;
}

/** Starts a worker on its partitions and returns a handle. */
export async function runWorker(opts: WorkerOptions): Promise<WorkerHandle> {
  const bus = await openBus(opts.config);
  const store = await openSharedStore(opts).catch(async (err) => {
    await bus.close();
    throw err;
  });
  const partitions =
    opts.partitions === "auto" ? Array.from({ length: bus.partitions }, (_, i) => i) : opts.partitions;
  const sh: Shared = {
    opts,
    store,
    bus,
    decisions: new DecisionPublisher(store, bus),
    stats: { ...newBatchStats(), snapshots: 0, snapshotMs: 0, decisions: 0 },
    stopping: false,
  };
  const readers = await Promise.all(partitions.map((p) => bus.openPartition(p)));
  const loops = readers.map((r) => runPartition(sh, r));
  const done = Promise.all(loops).then(
    async () => {
      await bus.close();
      await store.close();
    },
    async (err) => {
      sh.stopping = true;
      await bus.close().catch(() => undefined); // the loop's error is the one to report
      await store.close().catch(() => undefined);
      throw err;
    },
  );
  return {
    partitions,
    stats: () => ({ ...sh.stats }),
    backlog: async () => (await Promise.all(readers.map((r) => r.backlog()))).reduce((a, b) => a + b, 0),
    stop: async () => {
      sh.stopping = true;
      await done;
    },
    done,
  };
}

async function loadState(store: Store, stream: string, partition: number): Promise<PartitionState> {
  const text = await store.getMeta(partitionKey(stream, partition));
  return text ? PartitionState.fromJson(text) : new PartitionState(partition);
}

async function runPartition(
  sh: Shared,
  reader: Awaited<ReturnType<EventBus["openPartition"]>>,
): Promise<void> {
  const { config } = sh.opts;
  const stream = config.cluster.stream;
  const state = await loadState(sh.store, stream, reader.partition);
  const every = sh.opts.snapshotEveryMs ?? 1000;
  let unacked: { ack(): void }[] = [];
  let lastSnapshot = performance.now();
  const membership = { at: 0 };
  const snapshot = async () => {
    const t0 = performance.now();
    await sh.store.setMeta(partitionKey(stream, reader.partition), state.toJson());
    for (const d of unacked) d.ack();
    unacked = [];
    lastSnapshot = performance.now();
    sh.stats.snapshots += 1;
    sh.stats.snapshotMs += lastSnapshot - t0;
  };
  while (!sh.stopping) {
    const deliveries = await reader.fetch(sh.opts.batch ?? 500, 1000);
    const changed = await applyBatch(sh.store, state, deliveries, sh.stats);
    await applyMembership(sh, state, changed, membership);
    if (changed.size)
      sh.stats.decisions += await sh.decisions.publish([...changed].map((s) => scoreAccount(s, config)));
    unacked.push(...deliveries);
    if (
      unacked.length &&
      (performance.now() - lastSnapshot >= every || unacked.length >= (sh.opts.snapshotEveryMessages ?? 500))
    )
      await snapshot();
  }
  if (unacked.length) await snapshot();
}

/** Applies the coordinator's newest campaign membership to this partition's accounts. */
async function applyMembership(
  sh: Shared,
  state: PartitionState,
  changed: Set<AccountState>,
  last: { at: number },
): Promise<void> {
  const now = performance.now();
  if (now - last.at < (sh.opts.membershipEveryMs ?? 2000)) return;
  last.at = now;
  const m = await readMembership(sh.store, sh.opts.config.cluster.stream);
  for (const s of state.accounts.values()) {
    const x = m.members.get(s.profile.account);
    const campaign = x?.campaign ?? null;
    const logit = x?.logit ?? -10;
    const linkKinds = x?.linkKinds ?? 0;
    const harvest = x?.harvest ?? 0;
    const paymentTie = x?.paymentTie ?? false;
    if (
      s.campaign === campaign &&
      s.campaignLogit === logit &&
      s.linkKinds === linkKinds &&
      s.campaignHarvest === harvest &&
      s.paymentTie === paymentTie
    )
      continue;
    s.campaign = campaign;
    s.campaignLogit = logit;
    s.linkKinds = linkKinds;
    s.campaignHarvest = harvest;
    s.paymentTie = paymentTie;
    changed.add(s);
  }
}
