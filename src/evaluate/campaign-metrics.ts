// Campaign-level scoring: how well the predicted `campaign` groups the true campaigns (ARI), what
// share of each campaign was flagged, and how long after its first exchange it was first flagged.
import { adjustedRandIndex } from "./ari.js";
import { ratio } from "./ratio.js";
import type { ResultAccount } from "./read-result.js";
import type { TruthAccount } from "./read-truth.js";

/**
 * ARI over the true attack accounts. An account without a true or a predicted campaign (null,
 * or missing from accounts.jsonl) is a singleton cluster on that side; prefixes keep singleton
 * ids apart from campaign names.
 */
export function campaignAri(truth: Map<string, TruthAccount>, result: Map<string, ResultAccount>): number {
  const trueLabels: string[] = [];
  const predLabels: string[] = [];
  for (const [account, t] of truth) {
    if (t.label !== "attack") continue;
    const predicted = result.get(account)?.campaign ?? null;
    trueLabels.push(t.campaign === null ? `s:${account}` : `c:${t.campaign}`);
    predLabels.push(predicted === null ? `s:${account}` : `c:${predicted}`);
  }
  return adjustedRandIndex(trueLabels, predLabels);
}

/** Per true campaign: share of its accounts flagged `attack`, and its earliest first_flagged_at (ms or null). */
export function campaignCatch(
  truth: Map<string, TruthAccount>,
  result: Map<string, ResultAccount>,
): { caught: Record<string, number>; firstFlaggedMs: Map<string, number | null> } {
  const totals = new Map<string, { accounts: number; flagged: number; first: number | null }>();
  for (const [account, t] of truth) {
    if (t.campaign === null) continue;
    const c = totals.get(t.campaign) ?? { accounts: 0, flagged: 0, first: null };
    totals.set(t.campaign, c);
    c.accounts += 1;
    const r = result.get(account);
    if (r?.verdict !== "attack") continue;
    c.flagged += 1;
    if (r.firstFlaggedMs !== null && (c.first === null || r.firstFlaggedMs < c.first))
      c.first = r.firstFlaggedMs;
  }
  const caught: Record<string, number> = {};
  const firstFlaggedMs = new Map<string, number | null>();
  for (const [campaign, c] of [...totals].sort(([a], [b]) => a.localeCompare(b))) {
    caught[campaign] = ratio(c.flagged, c.accounts, 0);
    firstFlaggedMs.set(campaign, c.first);
  }
  return { caught, firstFlaggedMs };
}

/** Per campaign: first flag minus first exchange, null when either is unknown. */
export function timeToDetect(
  firstFlaggedMs: Map<string, number | null>,
  firstExchangeMs: Map<string, number>,
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [campaign, flagged] of firstFlaggedMs) {
    const start = firstExchangeMs.get(campaign);
    out[campaign] = flagged === null || start === undefined ? null : flagged - start;
  }
  return out;
}
