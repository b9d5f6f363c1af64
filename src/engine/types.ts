// The detector interface: `analyze` runs it over files, the gateway runs it live, cluster
// workers run it per partition. Consumes exchanges in event-time order with bounded state.
import type { ExchangeFacts } from "../events/normalize.js";
import type { AccountVerdict, Campaign } from "../scoring/types.js";

export type { ExchangeSignals } from "../signals/types.js";
import type { ExchangeSignals } from "../signals/types.js";

/** Counters describing the engine's work so far. */
export interface DetectorStats {
  exchanges: number;
  accounts: number;
  campaigns: number;
  reclusters: number;
  /** Milliseconds spent clustering. */
  clusterMs?: number;
  /** Event time of the newest exchange seen (epoch ms). */
  watermark: number;
  /** Approximate bytes of per-account state. */
  stateBytes: number;
}

/** The incremental detection engine. */
export interface Detector {
  /** Processes one exchange (in event-time order); returns its per-exchange signals. */
  ingest(facts: ExchangeFacts): ExchangeSignals;
  /** Current verdict for an account, or undefined when never seen. */
  verdict(account: string): AccountVerdict | undefined;
  /** Current verdicts of every account seen. */
  verdicts(): Iterable<AccountVerdict>;
  /** Current campaigns. */
  campaigns(): Campaign[];
  /** Runs linkage clustering and rescoring now (otherwise it runs periodically inside ingest). */
  recluster(): void;
  /** Subscribes to verdict changes (after each recluster); returns an unsubscribe function. */
  onVerdicts(listener: (changed: AccountVerdict[]) => void): () => void;
  stats(): DetectorStats;
}
