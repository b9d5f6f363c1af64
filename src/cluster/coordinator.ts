// The cluster coordinator: cross-account linkage over the shared store. Each pass reads every
// partition's snapshot (profiles and template counts written by the workers), clusters the
// candidates into campaigns, and writes the campaigns, the membership workers apply, and the
// verdicts of accounts whose campaign changed (store and decision bucket).
import type { EventBus } from "../bus/index.js";
import type { Config } from "../config/index.js";
import type { AccountState } from "../engine/index.js";
import type { Store } from "../store/index.js";
import { DecisionPublisher } from "./decisions.js";
import { findCampaigns } from "./find-campaigns.js";
import { readMembership, writeMembership } from "./membership.js";
import { partitionKey } from "./meta-keys.js";
import { PartitionState, type TemplateTally } from "./partition-state.js";
import { scoreAccount } from "./score-account.js";
import { openBus, openSharedStore, type ClusterTarget } from "./services.js";

/** What one coordinator pass saw and wrote. */
export interface CoordinatorPass {
  accounts: number;
  exchanges: number;
  campaigns: number;
  verdicts: number;
  ms: number;
}

/** Reads every partition snapshot: accounts in first-seen order and the merged template counts. */
async function readPartitions(
  store: Store,
  config: Config,
): Promise<{ accounts: AccountState[]; templates: Map<number, TemplateTally>; exchanges: number }> {
  const states: { s: AccountState; seq: number }[] = [];
  const templates = new Map<number, TemplateTally>();
  let exchanges = 0;
  for (let p = 0; p < config.cluster.partitions; p++) {
    const text = await store.getMeta(partitionKey(config.cluster.stream, p));
    if (!text) continue;
    const st = PartitionState.fromJson(text);
    exchanges += st.exchanges;
    for (const s of st.accounts.values()) states.push({ s, seq: st.firstSeq.get(s.profile.account) ?? 0 });
    // Counts only grow, so the entry with the most uses is the newest.
    for (const [t, v] of st.templates) if ((templates.get(t)?.uses ?? -1) < v.uses) templates.set(t, v);
  }
  states.sort((a, b) => a.seq - b.seq);
  return { accounts: states.map((x) => x.s), templates, exchanges };
}

/** One coordinator pass over the store; publishes changed decisions through `decisions`. */
export async function coordinateOnce(
  store: Store,
  config: Config,
  decisions: DecisionPublisher,
): Promise<CoordinatorPass> {
  const t0 = performance.now();
  const { accounts, templates, exchanges } = await readPartitions(store, config);
  const before = await readMembership(store, config.cluster.stream);
  let next = before.nextCampaign;
  const { campaigns, membership } = findCampaigns(accounts, templates, config, {
    previous: (a) => before.members.get(a)?.campaign ?? null,
    fresh: () => `c${next++}`,
  });
  await writeMembership(store, config.cluster.stream, { nextCampaign: next, members: membership });
  await store.replaceCampaigns(campaigns);
  const touched = accounts.filter(
    (s) => membership.has(s.profile.account) || before.members.has(s.profile.account),
  );
  for (const s of touched) {
    const m = membership.get(s.profile.account);
    s.campaign = m?.campaign ?? null;
    s.campaignLogit = m?.logit ?? -10;
    s.linkKinds = m?.linkKinds ?? 0;
    s.campaignHarvest = m?.harvest ?? 0;
    s.paymentTie = m?.paymentTie ?? false;
  }
  const verdicts = touched.map((s) => scoreAccount(s, config));
  await decisions.publish(verdicts);
  return {
    accounts: accounts.length,
    exchanges,
    campaigns: campaigns.length,
    verdicts: verdicts.length,
    ms: performance.now() - t0,
  };
}

export interface CoordinatorOptions extends ClusterTarget {
  /** Time between passes. */
  intervalMs?: number;
  onPass?: (p: CoordinatorPass) => void;
  /** A failed pass (the next one runs on schedule); default: printed to stderr. */
  onError?: (err: Error) => void;
}

/** A running coordinator. */
export interface CoordinatorHandle {
  /** Runs one pass now (between scheduled ones). */
  passNow(): Promise<CoordinatorPass>;
  stop(): Promise<void>;
}

/** Starts the coordinator loop. */
export async function runCoordinator(opts: CoordinatorOptions): Promise<CoordinatorHandle> {
  const bus: EventBus = await openBus(opts.config);
  const store = await openSharedStore(opts).catch(async (err) => {
    await bus.close();
    throw err;
  });
  const decisions = new DecisionPublisher(store, bus);
  // Passes never overlap: each waits for the previous one.
  let chain: Promise<unknown> = Promise.resolve();
  const pass = () => {
    const p = chain.then(() => coordinateOnce(store, opts.config, decisions));
    chain = p.catch(() => undefined);
    return p;
  };
  const timer = setInterval(() => {
    const onError =
      opts.onError ?? ((err: Error) => process.stderr.write(`coordinator pass failed: ${err.message}\n`));
    pass().then(opts.onPass, (err: unknown) => onError(err as Error));
  }, opts.intervalMs ?? 10_000);
  return {
    passNow: pass,
    async stop() {
      clearInterval(timer);
      await chain;
      await bus.close();
      await store.close();
    },
  };
}
