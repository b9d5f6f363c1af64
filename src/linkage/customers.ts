// Who is one customer. A declared organisation (`org`) says so directly; without one, a card is
// the best the provider knows of a billing entity — but a hydra shares cards too. What sets a
// team apart is where its accounts work: all from one office, or each from a fixed site of its
// own (a VM per cloud region), signed up well before use. Accounts of one card that all do are
// one customer that declared no organisation; a proxy pool's accounts rotate through its exits.
import {
  FIXED_BLOCK_SHARE,
  FIXED_MIN_REQUESTS,
  FRESH_DAYS,
  ageAtFirstUseDays,
  type AccountProfile,
} from "../profiles/index.js";
import type { IndicatorGroup } from "./build-graph.js";

/** The IP block an account without a declared organisation sends ≥ 80 % of its traffic from (from its second request on). */
function siteOf(p: AccountProfile): string | undefined {
  if (p.orgHash !== 0 || p.n < 2) return undefined;
  const top = p.prefixes.top()[0];
  return top && top.count >= FIXED_BLOCK_SHARE * p.n ? top.key : undefined;
}

/** Whether an account was signed up well before its first request. */
function established(p: AccountProfile): boolean {
  const age = ageAtFirstUseDays(p);
  return age !== undefined && age >= FRESH_DAYS;
}

/**
 * Whether the holders of one card look like one customer's accounts: all at one site (an
 * office), or each at a fixed site of its own (a VM per cloud region) and none freshly signed
 * up but for one newcomer beside two established holders with the volume to prove their sites
 * — a proxy account sticks to its first exit for a session or two, and a hydra's replacements
 * are fresh. (Admitting a newcomer without the proven pair fixed one probe seed and broke another.)
 */
function oneCustomer(holders: AccountProfile[]): boolean {
  const sites = holders.map(siteOf);
  if (sites.some((s) => s === undefined)) return false;
  if (sites.every((s) => s === sites[0])) return true;
  if (holders.every((p) => p.n >= 3 && established(p))) return true;
  // a newer colleague on a VM of its own: one fresh holder, beside two established ones whose
  // volume proves their sites fixed (a proxy account sticks to an exit for a session, not longer)
  let fresh = 0;
  let proven = 0;
  for (const p of holders) {
    if (!established(p)) fresh += 1;
    else if (p.n >= FIXED_MIN_REQUESTS) proven += 1;
  }
  return fresh <= 1 && proven >= 2;
}

/**
 * The customer of each of `profiles`: its declared organisation's key, or its own. Accounts
 * without an organisation that share a card become one customer when its holders among
 * `profiles` look like one customer's (see `oneCustomer`).
 */
export function inferCustomers(profiles: AccountProfile[], groups: IndicatorGroup[]): Uint32Array {
  const out = Uint32Array.from(profiles, (p) => p.customer);
  const parent = new Int32Array(profiles.length).map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  let joined = false;
  for (const g of groups) {
    if (g.kind !== "payment" || g.members.length < 2) continue;
    if (!oneCustomer(g.members.map((m) => profiles[m]!))) continue;
    const root = find(g.members[0]!);
    for (const m of g.members) parent[find(m)] = root;
    joined = true;
  }
  if (!joined) return out;
  // one key per union: the smallest customer key among its accounts (stable across passes)
  const key = new Map<number, number>();
  for (let i = 0; i < profiles.length; i++) {
    const r = find(i);
    const k = key.get(r);
    if (k === undefined || out[i]! < k) key.set(r, out[i]!);
  }
  for (let i = 0; i < profiles.length; i++) out[i] = key.get(find(i))!;
  return out;
}
