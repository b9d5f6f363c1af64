// An account's verdict from its engine state: own evidence (rescoreOwn) combined with its
// campaign's log-odds (combineScore), labelled with the configured thresholds — the same
// functions the single-process engine uses.
import type { Config } from "../config/index.js";
import type { AccountState } from "../engine/index.js";
import { combineScore, rescoreOwn } from "../engine/index.js";
import { toReasons, type AccountVerdict } from "../scoring/index.js";

/** Rescores `s` and returns its verdict (sets firstFlaggedAt when it first reaches attack). */
export function scoreAccount(s: AccountState, config: Config): AccountVerdict {
  const ev = rescoreOwn(s);
  combineScore(s);
  const t = config.thresholds;
  const verdict = s.score >= t.attack ? "attack" : s.score >= t.review ? "review" : "benign";
  if (verdict === "attack" && s.firstFlaggedAt === null) s.firstFlaggedAt = s.profile.lastSeen;
  if (s.campaign !== null && s.campaignLogit > s.ownLogit) {
    ev.push({
      signal: "campaign-member",
      points: Math.max(0.1, s.campaignLogit - Math.max(0, s.ownLogit)),
      detail: `It belongs to campaign ${s.campaign} (coordinated accounts found by the cluster coordinator).`,
    });
  }
  const p = s.profile;
  return {
    account: p.account,
    score: s.score,
    verdict,
    campaign: s.campaign,
    firstFlaggedAt: verdict === "attack" ? s.firstFlaggedAt : null,
    reasons: toReasons(ev),
    requests: p.n,
    firstSeen: p.firstSeen,
    lastSeen: p.lastSeen,
  };
}
