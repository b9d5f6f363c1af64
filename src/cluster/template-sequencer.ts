// The one place template identity is decided. Template ids (MinHash-LSH clusters) and how many
// accounts share each template are global facts, but each worker sees only its own accounts:
// so the publisher assigns them in event-time order, with the same TemplateMiner and
// TemplateStats the single-process engine uses, and every envelope carries the result.
import type { TemplateUseWire } from "../bus/index.js";
import { customerKey, harvestScore } from "../profiles/index.js";
import { TemplateMiner, TemplateStats } from "../signals/template/index.js";

/** Assigns global template ids and sharing counts (one instance per stream). */
export class TemplateSequencer {
  private readonly miner = new TemplateMiner();
  private readonly stats = new TemplateStats();

  /** Template id and use of one exchange, given its band keys and content scores. */
  next(
    keys: ArrayLike<number>,
    account: string,
    scores: Record<string, number>,
    org?: string,
  ): { template: number; use: TemplateUseWire } {
    const template = this.miner.assignKeys(keys);
    // counted in customers, as in the engine: an organisation's accounts count once
    const u = this.stats.record(template, account, customerKey(account, org), harvestScore(scores));
    return {
      template,
      use: { accounts: u.accounts, uses: u.uses, harvest: u.harvest, newForAccount: u.newForAccount },
    };
  }
}
