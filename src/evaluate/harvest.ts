// Harvest before flag (contract §4): the share of campaign exchanges a campaign was served
// before its account was flagged — what it took away before the detector caught it. An exchange
// counts when its time is earlier than the account's first_flagged_at, or the account was never
// flagged `attack`. A flagged account without a usable first_flagged_at cannot show when it was
// caught, so its traffic counts as harvested too (and is counted in `flagged_without_time`).
import type { HarvestDetail } from "./report.js";
import type { ResultAccount } from "./read-result.js";
import type { TruthAccount } from "./read-truth.js";
import type { TruthExchange } from "./read-truth-exchanges.js";
import { ratio } from "./ratio.js";

/** Harvest-before-flag, overall and per campaign, plus each campaign's first exchange time. */
export interface Harvest {
  basis: "exchanges" | "none";
  overall: number;
  byCampaign: Record<string, number>;
  detail: HarvestDetail;
  /** Earliest exchange per campaign; empty without truth-exchanges. */
  firstExchangeMs: Map<string, number>;
}

/** Bucket for campaign exchanges whose campaign neither the tsv nor the truth names. */
const noCampaign = "(none)";

/** When `account` was first flagged; +∞ when it never was or the time is unknown. */
function flagTime(r: ResultAccount | undefined): number {
  return r?.verdict === "attack" && r.firstFlaggedMs !== null ? r.firstFlaggedMs : Number.POSITIVE_INFINITY;
}

/** Attack accounts flagged `attack` but with no first_flagged_at. */
function countFlaggedWithoutTime(
  truth: Map<string, TruthAccount>,
  result: Map<string, ResultAccount>,
): number {
  let n = 0;
  for (const [account, t] of truth) {
    const r = result.get(account);
    if (t.label === "attack" && r?.verdict === "attack" && r.firstFlaggedMs === null) n += 1;
  }
  return n;
}

/** Shares per campaign from harvested / total counters, campaigns in name order. */
function shares(counts: Map<string, { total: number; harvested: number }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [c, n] of [...counts].sort(([a], [b]) => a.localeCompare(b)))
    out[c] = ratio(n.harvested, n.total, 0);
  return out;
}

/** Counts harvest over the listed campaign exchanges (one pass; memory per campaign only). */
export async function harvestFromExchanges(
  exchanges: AsyncIterable<TruthExchange[]>,
  truth: Map<string, TruthAccount>,
  result: Map<string, ResultAccount>,
): Promise<Harvest> {
  const counts = new Map<string, { total: number; harvested: number }>();
  const firstExchangeMs = new Map<string, number>();
  let total = 0,
    harvested = 0;
  for await (const batch of exchanges) {
    for (const e of batch) {
      const campaign = e.campaign ?? truth.get(e.account)?.campaign ?? noCampaign;
      const c = counts.get(campaign) ?? { total: 0, harvested: 0 };
      counts.set(campaign, c);
      c.total += 1;
      total += 1;
      if (e.epochMs < flagTime(result.get(e.account))) {
        c.harvested += 1;
        harvested += 1;
      }
      const first = firstExchangeMs.get(campaign);
      if (first === undefined || e.epochMs < first) firstExchangeMs.set(campaign, e.epochMs);
    }
  }
  return {
    basis: "exchanges",
    overall: ratio(harvested, total, 0),
    byCampaign: shares(counts),
    detail: {
      exchanges: total,
      harvested,
      flagged_without_time: countFlaggedWithoutTime(truth, result),
      note: "share of campaign exchanges in truth-exchanges.tsv served before their account's first_flagged_at (all, if never flagged)",
    },
    firstExchangeMs,
  };
}

/**
 * Approximates harvest without exchange times: each true attack account weighs the same and
 * counts 1.0 when never flagged, 0 when flagged — as if a flag came before its first exchange.
 * It therefore understates harvest for accounts flagged late.
 */
export function harvestWithoutExchanges(
  truth: Map<string, TruthAccount>,
  result: Map<string, ResultAccount>,
): Harvest {
  const counts = new Map<string, { total: number; harvested: number }>();
  let total = 0,
    harvested = 0;
  for (const [account, t] of truth) {
    if (t.label !== "attack") continue;
    const unflagged = flagTime(result.get(account)) === Number.POSITIVE_INFINITY ? 1 : 0;
    total += 1;
    harvested += unflagged;
    const c = counts.get(t.campaign ?? noCampaign) ?? { total: 0, harvested: 0 };
    counts.set(t.campaign ?? noCampaign, c);
    c.total += 1;
    c.harvested += unflagged;
  }
  return {
    basis: "none",
    overall: ratio(harvested, total, 0),
    byCampaign: shares(counts),
    detail: {
      exchanges: null,
      harvested: null,
      flagged_without_time: countFlaggedWithoutTime(truth, result),
      note: "no truth-exchanges.tsv: approximated per attack account, weighted equally (1 if never flagged, 0 if flagged); ignores traffic served before a late flag",
    },
    firstExchangeMs: new Map(),
  };
}
