// Combines an account's own evidence with its campaign's into one score. Own evidence alone is
// capped below the attack threshold unless it shows coordination (prompt templates shared with
// other customers' accounts, or a reseller's campaign end users): a single account generating
// synthetic data is a legitimate product use until it is tied to a campaign. Templates count
// as such a tie only for an account with some volume that rotates through IP blocks: public
// recipes are shared by developers too, a handful of recipe requests from one account says
// nothing about who sent them, and a heavy account on a server of its own is a customer's job.
import { FIXED_BLOCK_SHARE, accountFeatures } from "../profiles/index.js";
import {
  accountEvidence,
  ramp,
  resellerMix,
  resellerStrength,
  toScore,
  totalLogit,
  type Evidence,
} from "../scoring/index.js";
import type { AccountState } from "./account-state.js";

const OWN_BIAS = -4.5;
const UNCOORDINATED_CAP = 0.3;
/** Requests before an account's own use of shared templates counts as coordination. */
const TEMPLATE_TIE_MIN_REQUESTS = 100;

/** Recomputes the account's own log-odds; returns its evidence. */
export function rescoreOwn(s: AccountState): Evidence[] {
  const p = s.profile;
  const f = accountFeatures(p);
  const ev = accountEvidence(f, p);
  // A heavy account on one fixed IP block (a customer's server) running a public recipe is a
  // synthetic-data customer until tied to others; one rotating through exits is not.
  const heavy = p.n >= TEMPLATE_TIE_MIN_REQUESTS && f.topBlockShare < FIXED_BLOCK_SHARE;
  // So is one whose harvesting comes through a rotating proxy pool: hiding where it is from.
  s.coordinated = ev.some(
    (e) =>
      (heavy && e.signal === "shared-template" && e.points >= 0.5) ||
      (e.signal === "reseller-mix" && e.points >= 1.5) ||
      (e.signal === "proxy-rotation" && e.points >= 0.75),
  );
  const logit = totalLogit(OWN_BIAS, ev);
  s.ownLogit = s.coordinated ? logit : Math.min(logit, UNCOORDINATED_CAP);
  s.ownAt = p.n;
  return ev;
}

/**
 * How far an account's own requests carry its campaign's verdict, 0..1: an account linked by
 * infrastructure whose own traffic does not look like harvesting (a developer on the same
 * residential proxy exit, an office behind the same NAT) is not convicted by association.
 */
export function memberFactor(s: AccountState): number {
  const p = s.profile;
  const mean = p.sumHarvest / Math.max(1, p.n);
  // Also judged against its campaign's own mix: a campaign that camouflages its harvesting with
  // ordinary requests does so in every account (the camouflage FRAUDAR resists), so a member
  // about as harvest-heavy as its campaign carries the verdict; one far below it does not.
  const relative =
    s.campaignHarvest > 0 ? ramp(mean / s.campaignHarvest, 0.5, 0.85) * ramp(mean, 0.15, 0.3) : 0;
  const own = Math.max(ramp(mean, 0.35, 0.6), relative);
  // Tied by a single kind of indicator (say, an IP block that residential proxies share with
  // home users), an account needs more of its own evidence than one tied by several; tied by
  // none (only a public recipe, an SDK or a network put it in the community), more still.
  const tie = s.linkKinds >= 2 ? 1 : s.linkKinds === 1 ? 0.6 : 0.4;
  // A card it shares with another customer's account in the campaign is the actor's own: the
  // verdict carries however much ordinary chat the account mixes in.
  const paid = s.paymentTie ? 1 : 0;
  return Math.max(own * tie, paid, resellerStrength(resellerMix(p)));
}

/** The most campaign log-odds a member tied by no actor indicator carries: with its factor of 0.4 at most, a score of 60. */
const UNTIED_CAMPAIGN_MAX = 4;
/** ... and one tied by a single kind of indicator (score 99.0): small seed 56, a developer on a hydra's exit. */
const ONE_TIE_CAMPAIGN_MAX = 4.5;

/** Sets the combined score from own and campaign log-odds. */
export function combineScore(s: AccountState): number {
  let logit = s.ownLogit;
  if (s.campaign !== null) {
    const f = memberFactor(s);
    // a member tied to its campaign by no actor indicator (only a public recipe, an SDK or a
    // network put it there) is not convicted by association, however sure the campaign is; one
    // tied by a single kind (say, one exit a home user shares with a proxy pool) carries a sure
    // campaign only as far as a fairly sure one
    const carried = s.paymentTie
      ? s.campaignLogit
      : Math.min(
          s.campaignLogit,
          s.linkKinds === 0 ? UNTIED_CAMPAIGN_MAX : s.linkKinds === 1 ? ONE_TIE_CAMPAIGN_MAX : Infinity,
        );
    logit = Math.max(logit, carried * f - 2 * (1 - f));
  }
  s.score = toScore(logit);
  return s.score;
}
