// Publishes verdicts to the store and, when an account's label or campaign changed, to the
// bus's decision bucket that gateways watch.
import type { DecisionUpdate, EventBus } from "../bus/index.js";
import type { AccountVerdict } from "../scoring/index.js";
import type { Store } from "../store/index.js";

/** Remembers what was last published per account, so unchanged decisions are not re-sent. */
export class DecisionPublisher {
  private readonly last = new Map<string, string>();
  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
  ) {}

  /** Writes `verdicts` to the store and publishes the changed decisions. */
  async publish(verdicts: AccountVerdict[]): Promise<number> {
    if (verdicts.length === 0) return 0;
    await this.store.putAccounts(verdicts);
    const at = Date.now();
    const updates: DecisionUpdate[] = [];
    for (const v of verdicts) {
      const key = `${v.verdict}|${v.campaign ?? ""}`;
      if (this.last.get(v.account) === key) continue;
      this.last.set(v.account, key);
      updates.push({ account: v.account, verdict: v.verdict, score: v.score, campaign: v.campaign, at });
    }
    if (updates.length) await this.bus.publishDecisions(updates);
    return updates.length;
  }
}
