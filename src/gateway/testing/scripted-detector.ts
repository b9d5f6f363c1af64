// Test detectors that implement the Detector interface without the engine: one whose verdicts a
// test sets directly, one whose every call throws (a crashed engine). The rising-campaign test
// uses the real engine.
import type { Detector, DetectorStats, ExchangeSignals } from "../../engine/types.js";
import type { ExchangeFacts } from "../../events/normalize.js";
import type { AccountVerdict, Campaign } from "../../scoring/types.js";

const stats = (exchanges: number, accounts: number): DetectorStats => ({
  exchanges,
  accounts,
  campaigns: 0,
  reclusters: 0,
  watermark: 0,
  stateBytes: 0,
});

/** A detector whose verdicts the test sets with `set`; records every ingested exchange. */
export class ScriptedDetector implements Detector {
  readonly ingested: ExchangeFacts[] = [];
  private readonly table = new Map<string, AccountVerdict>();
  private readonly listeners = new Set<(changed: AccountVerdict[]) => void>();

  /** Sets an account's verdict and announces it, as a recluster would. */
  set(
    account: string,
    score: number,
    verdict: AccountVerdict["verdict"],
    campaign: string | null = null,
  ): void {
    const v: AccountVerdict = {
      account,
      score,
      verdict,
      campaign,
      firstFlaggedAt: verdict === "attack" ? Date.now() : null,
      reasons: [],
      requests: 0,
      firstSeen: 0,
      lastSeen: 0,
    };
    this.table.set(account, v);
    for (const l of this.listeners) l([v]);
  }

  ingest(facts: ExchangeFacts): ExchangeSignals {
    this.ingested.push(facts);
    return { scores: { distill: 0.1 }, capability: "chat", template: "t1" };
  }
  verdict(account: string): AccountVerdict | undefined {
    return this.table.get(account);
  }
  verdicts(): Iterable<AccountVerdict> {
    return this.table.values();
  }
  campaigns(): Campaign[] {
    return [];
  }
  recluster(): void {}
  onVerdicts(listener: (changed: AccountVerdict[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  stats(): DetectorStats {
    return stats(this.ingested.length, this.table.size);
  }
}

/** A detector that has crashed: ingest and verdict throw. */
export class CrashingDetector extends ScriptedDetector {
  override ingest(): ExchangeSignals {
    throw new Error("engine crashed");
  }
  override verdict(): AccountVerdict | undefined {
    throw new Error("engine crashed");
  }
}
