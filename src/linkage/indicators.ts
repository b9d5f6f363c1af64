// The shared indicators that can tie accounts together, with a prior weight per kind. Weights
// follow how hard each is to share by accident: a payment instrument rarely is, an ASN or a
// user-agent string often is (NATs, clouds, SDK defaults). A prompt template is evidence of the
// same recipe, not of the same actor (public recipes are used by many), so it needs corroboration.
import { EMPTY_START, type AccountProfile } from "../profiles/index.js";

export type IndicatorKind =
  | "payment"
  | "ip-prefix"
  | "asn"
  | "user-agent"
  | "template"
  | "signup-burst"
  | "email-domain"
  | "window"
  | "sync";

export const indicatorWeights: Record<IndicatorKind, number> = {
  payment: 3,
  "ip-prefix": 1.2,
  asn: 0.3,
  "user-agent": 0.3,
  template: 0.8,
  "signup-burst": 0.8,
  "email-domain": 0.4,
  window: 1.2,
  sync: 0.3,
};

const SIGNUP_BUCKET_MS = 2 * 3_600_000;

/** Calls `visit` with each indicator of an account, from its bounded profile (no allocation per indicator). */
export function eachIndicator(
  p: AccountProfile,
  templateAccounts: (t: number) => number,
  visit: (kind: IndicatorKind, value: string) => void,
): void {
  for (const { key } of p.payments.top()) visit("payment", key);
  const blocks = new Set(p.prefixSample.keys());
  for (const { key } of p.prefixes.top()) blocks.add(key);
  for (const key of blocks) visit("ip-prefix", key);
  for (const { key } of p.asns.top()) visit("asn", String(key));
  for (const { key } of p.userAgents.top()) visit("user-agent", key);
  for (const { key } of p.templates.top()) {
    if (templateAccounts(key) >= 2) visit("template", key.toString(16));
  }
  if (p.accountCreated !== undefined)
    visit("signup-burst", String(Math.floor(p.accountCreated / SIGNUP_BUCKET_MS)));
  if (p.emailDomain) visit("email-domain", p.emailDomain.toLowerCase());
  // Two LSH bands over the activity-window MinHash: accounts active in the same windows collide.
  if (p.activeWindows >= 2) {
    const sig = p.windowSig;
    visit("window", `${sig[0]}:${sig[1]}`);
    visit("window", `${sig[2]}:${sig[3]}`);
  }
  // Sampled session-start buckets: accounts whose sessions start within seconds of each other
  // share them (one co-start by chance is common on a busy provider and shows on both grids,
  // hence a weight that only adds to other indicators).
  for (const h of p.sessionStarts) if (h !== EMPTY_START) visit("sync", h.toString(36));
}
