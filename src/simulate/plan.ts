// What the simulator knows about one account before it emits anything: identity, the fields
// the contract carries for it, its network, client, clock and content mix. Exchanges are then
// produced lazily from this plan, so memory grows with accounts, never with exchanges.
import type { Corpora } from "./corpus.js";
import type { ClientStack, SamplingStyle } from "./incidental.js";
import type { Endpoint } from "./network.js";
import type { Recipe } from "./recipes-shared.js";
import type { SessionClock } from "./timing.js";

/** A share of an account's sessions: one content recipe, maybe on behalf of end users or a campaign. */
export interface Behaviour {
  readonly recipe: Recipe;
  readonly weight: number;
  readonly campaign: string | null;
  readonly endUsers?: readonly string[];
}

/** The full plan of one account. */
export interface AccountPlan {
  readonly id: string;
  readonly persona: string;
  readonly label: "attack" | "benign";
  readonly campaign: string | null;
  readonly start: number;
  readonly end: number;
  readonly budget: number;
  /** Pre-escaped `"account":…,"org":…` fields. */
  readonly head: string;
  /** Pre-escaped account-level fields after the network ones (payment, e-mail, created, …). */
  readonly tail: string;
  readonly keys: readonly string[];
  readonly endpoints: readonly Endpoint[];
  readonly stickyIp: boolean;
  readonly client: ClientStack;
  readonly sampling: SamplingStyle;
  readonly clock: SessionClock;
  readonly mix: readonly Behaviour[];
  readonly followUp: number;
  readonly tier: "large" | "mini";
  readonly adoptAt: number;
  readonly banAt: number;
  readonly pressure: number;
  readonly seed: number;
}

/** Everything needed to run one account. */
export interface RunContext {
  readonly corpora: Corpora;
  readonly releaseAt: number;
}

/** Builds the fixed account-level JSON fragments (escaped once). */
export function accountFields(f: {
  account: string;
  org?: string;
  payment?: string;
  emailDomain: string;
  created: number;
  verification: string;
  via: string;
  userAgent: string;
  endpoint: string;
}): { head: string; tail: string } {
  const q = (s: string): string => JSON.stringify(s);
  const head = `"account":${q(f.account)}${f.org ? `,"org":${q(f.org)}` : ""}`;
  const tail =
    `"user_agent":${q(f.userAgent)}${f.payment ? `,"payment":${q(f.payment)}` : ""},"email_domain":${q(f.emailDomain)}` +
    `,"account_created":"${new Date(f.created).toISOString()}","verification":${q(f.verification)},"via":${q(f.via)},"endpoint":${q(f.endpoint)}`;
  return { head, tail };
}
