// What the engine keeps per account: the bounded behavioural profile plus its verdict state.
import { AccountProfile } from "../profiles/index.js";

/** Per-account engine state. */
export class AccountState {
  readonly profile: AccountProfile;
  /** Log-odds from the account's own evidence (cached at the last rescoring). */
  ownLogit = -10;
  /** The profile's request count when `ownLogit` was computed (-1: never). */
  ownAt = -1;
  /** Whether own evidence includes coordination (shared templates or a reseller mix). */
  coordinated = false;
  score = 0;
  campaign: string | null = null;
  campaignLogit = -10;
  /** The campaign's mean harvest score (0 outside a campaign). */
  campaignHarvest = 0;
  /** Whether it pays with a card another customer's account in its campaign uses. */
  paymentTie = false;
  /** Kinds of indicator (payment, IP block, template …) the account shares with its campaign. */
  linkKinds = 0;
  firstFlaggedAt: number | null = null;
  nextRescore = 1;

  constructor(account: string) {
    this.profile = new AccountProfile(account);
  }
}
