// The evaluation report (contract §4), written to DIR/eval.json and printed by `distillwatch eval`.

/** Account-level confusion counts and rates; `verdict == "attack"` against `label == "attack"`. */
export interface AccountScores {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** tp / (tp + fp); 1 when nothing was flagged (no wrong flag was made). */
  precision: number;
  /** tp / (tp + fn); 1 when there is no attack account (none was missed). */
  recall: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  f1: number;
  /** fp / (fp + tn); 0 when there is no benign account. */
  fpr: number;
  /** Accounts with verdict `review` (not flagged), by true label. */
  review: { attack: number; benign: number };
}

/** Benign accounts of one persona and how many were wrongly flagged `attack`. */
export interface PersonaScores {
  accounts: number;
  flagged: number;
  /** flagged / accounts. */
  fpr: number;
  /** True when the persona counts as a hard negative. */
  hard: boolean;
}

/** Campaign-level figures, over the true campaigns. */
export interface CampaignScores {
  /** Number of true campaigns. */
  count: number;
  /** Adjusted Rand index of the predicted against the true campaigns, over true attack accounts. */
  ari: number;
  /** Per campaign: share of its accounts flagged `attack`. */
  caught: Record<string, number>;
  /** Per campaign: earliest first_flagged_at of its accounts minus its first exchange; null when unflagged or unknown. */
  time_to_detect_ms: Record<string, number | null>;
  /** Per campaign: share of its exchanges (or accounts, without truth-exchanges) served before the flag. */
  harvest_before_flag: Record<string, number>;
}

/** How harvest-before-flag was measured. */
export interface HarvestDetail {
  /** Campaign exchanges counted (with basis `exchanges`), or null. */
  exchanges: number | null;
  /** Of those, served before the account's flag (or never flagged), or null. */
  harvested: number | null;
  /** Flagged attack accounts with no usable first_flagged_at; their traffic counts as harvested. */
  flagged_without_time: number;
  note: string;
}

/** Everything `distillwatch eval` reports. */
export interface EvalReport {
  accounts: AccountScores;
  /** Benign accounts per persona. */
  personas: Record<string, PersonaScores>;
  /** Benign accounts of hard-negative personas, pooled. */
  hard_negatives: { accounts: number; flagged: number; fpr: number; personas: string[] };
  campaigns: CampaignScores;
  /** Share of campaign exchanges served before their account was flagged. */
  harvest_before_flag: number;
  /** `exchanges`: counted from truth-exchanges.tsv; `none`: approximated per account (see `harvest.note`). */
  harvest_basis: "exchanges" | "none";
  harvest: HarvestDetail;
  inputs: {
    truth: string;
    result: string;
    truth_exchanges: string | null;
    truth_accounts: number;
    result_accounts: number;
    /** Accounts in accounts.jsonl the truth does not know; ignored. */
    unknown_accounts: number;
  };
}
