// Verdict and campaign shapes shared by the engine, the stores, the gateway and the outputs
// (contract §2: accounts.jsonl and campaigns.jsonl).

/** The decision at the configured thresholds. */
export type VerdictLabel = "attack" | "review" | "benign";

/** One signal behind a score, as a sentence an analyst understands. */
export interface Reason {
  /** Stable signal id, e.g. `shared-template`, `cot-elicitation`, `shared-payment`. */
  signal: string;
  /** Contribution to the score, 0..1. */
  weight: number;
  /** Human-readable sentence. */
  detail: string;
}

/** An account's current verdict (one line of accounts.jsonl). */
export interface AccountVerdict {
  account: string;
  score: number;
  verdict: VerdictLabel;
  campaign: string | null;
  /** Event time (epoch ms) at which the verdict first became `attack`; null otherwise. */
  firstFlaggedAt: number | null;
  reasons: Reason[];
  requests: number;
  firstSeen: number;
  lastSeen: number;
}

/** Shared infrastructure, templates and timing that tie a campaign's accounts together. */
export interface CampaignIndicators {
  ipPrefixes: string[];
  asns: number[];
  payments: string[];
  userAgents: string[];
  templates: string[];
  emailDomains: string[];
  /** Sentences on timing: sign-up bursts, synchronized activity. */
  timing: string[];
}

/** A cluster of coordinated accounts (one line of campaigns.jsonl). */
export interface Campaign {
  campaign: string;
  accounts: string[];
  score: number;
  requests: number;
  firstSeen: number;
  lastSeen: number;
  /** Capabilities it harvests, e.g. `reasoning`, `coding`, `tool-use`. */
  targets: string[];
  indicators: CampaignIndicators;
  reasons: Reason[];
}
