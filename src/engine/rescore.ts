// Combines an account's own evidence with its campaign's into one score. Own evidence alone is
// capped below the attack threshold unless it shows coordination (templates shared with other
// accounts, or a reseller's campaign end users): a single account generating synthetic data
// is a legitimate product use until it is tied to a campaign.
import { accountFeatures } from "../profiles/index.js";
import { accountEvidence, toScore, totalLogit, type Evidence } from "../scoring/index.js";
import type { AccountState } from "./account-state.js";

const OWN_BIAS = -4.5;
const UNCOORDINATED_CAP = 0.3;

/** Recomputes the account's own log-odds; returns its evidence. */
export function rescoreOwn(s: AccountState): Evidence[] {
  const ev = accountEvidence(accountFeatures(s.profile), s.profile);
  s.coordinated = ev.some((e) => (e.signal === "shared-template" && e.points >= 0.5) || (e.signal === "reseller-mix" && e.points >= 1));
  const logit = totalLogit(OWN_BIAS, ev);
  s.ownLogit = s.coordinated ? logit : Math.min(logit, UNCOORDINATED_CAP);
  return ev;
}

/** The account's own suspicion 0..1 (how much its own requests look like the campaign's). */
export function ownSuspicion(s: AccountState): number {
  return 1 / (1 + Math.exp(-(s.ownLogit + 2)));
}

/** Sets the combined score from own and campaign log-odds. */
export function combineScore(s: AccountState): number {
  let logit = s.ownLogit;
  if (s.campaign !== null) logit = Math.max(logit, s.campaignLogit * (0.55 + 0.45 * ownSuspicion(s)));
  s.score = toScore(logit);
  return s.score;
}
