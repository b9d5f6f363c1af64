// A community's evidence that it is one coordinated distillation campaign rather than an
// enterprise, a university or an eval team behind one NAT: what its accounts ask for, how
// tightly they share templates and timing, and how thin their identities are.
import {
  FIXED_BLOCK_SHARE,
  FIXED_MIN_REQUESTS,
  FRESH_DAYS,
  popcount,
  type AccountFeatures,
  type AccountProfile,
} from "../profiles/index.js";
import { synchrony, SYNC_CONCENTRATION, type IndicatorGroup } from "../linkage/index.js";
import { pct, ramp, type Evidence } from "./evidence.js";
import type { CampaignIndicators } from "./types.js";

/** Members of a community with their features. */
export interface Member {
  profile: AccountProfile;
  features: AccountFeatures;
  /** Its customer, where known better than its profile's (an organisation inferred from a shared card and site). */
  customer?: number;
}

const customerOf = (m: Member): number => m.customer ?? m.profile.customer;

/** A community's mean reasoning-elicitation score from which it counts as harvesting content ... */
const COT_LO = 0.1;
const COT_HI = 0.3;
/** ... and how far it counts ... */
const COT_WEIGHT = 0.8;
/** ... for a community whose cards or shared exits tie this many separate customers. */
const COT_TIED_LO = 8;
const COT_TIED_HI = 20;

/** Evidence plus the shared indicators and harvested capabilities of a community. */
export interface CampaignAssessment {
  evidence: Evidence[];
  indicators: CampaignIndicators;
  targets: string[];
  requests: number;
  /** Mean harvest score of the members' requests (each member's weight capped, as in the evidence). */
  harvest: number;
}

/** Per community, the indicator values its members share: kind → value → member count. */
export type SharedIndicators = Map<IndicatorGroup["kind"], Map<string, number>>;

/** Counts, in one pass over all indicator groups, the values shared within each community. */
export function sharedByCommunity(
  groups: IndicatorGroup[],
  communityOf: Int32Array,
  communities: number,
): SharedIndicators[] {
  const out: SharedIndicators[] = Array.from({ length: communities }, () => new Map());
  const counts = new Map<number, number>();
  for (const g of groups) {
    counts.clear();
    for (const m of g.members) {
      const c = communityOf[m]!;
      if (c >= 0) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    for (const [c, k] of counts) {
      if (k < 2) continue;
      const byKind = out[c]!;
      let values = byKind.get(g.kind);
      if (!values) byKind.set(g.kind, (values = new Map()));
      values.set(g.value, k);
    }
  }
  return out;
}

/**
 * The most requests one member's content counts with in the community's mean: three times the
 * median member's. A campaign is judged by what its accounts ask for, so one busy account that
 * fell into a community (a reseller relaying hundreds of customers into a pool of low-and-slow
 * accounts, or one harvesting-heavy account among a team's) cannot outvote all the others.
 */
function contentWeightCap(members: Member[]): number {
  const counts = members.map((m) => m.features.requests).sort((a, b) => a - b);
  const median = counts[counts.length >> 1] ?? 0;
  return Math.max(10, 3 * median);
}

const templateKeys = (p: AccountProfile): string[] => p.templates.top().map((t) => t.key.toString(16));
const paymentKeys = (p: AccountProfile): string[] => p.payments.top().map((t) => t.key);
const blockKeys = (p: AccountProfile): string[] => [
  ...new Set([...p.prefixes.top().map((t) => t.key), ...p.prefixSample.keys()]),
];

/**
 * How separate customers share the values of `shared` among `members` (accounts of one
 * organisation, declared or inferred, are one customer): the most holding one value, and how
 * many hold a value that another customer holds too.
 */
function customersSharing(
  members: Member[],
  valuesOf: (p: AccountProfile) => string[],
  shared: Map<string, number> | undefined,
): { most: number; tied: number } {
  if (!shared) return { most: 0, tied: 0 };
  const holders = new Map<string, Set<number>>();
  for (const m of members) {
    const who = customerOf(m);
    for (const v of valuesOf(m.profile)) {
      if (!shared.has(v)) continue;
      let set = holders.get(v);
      if (!set) holders.set(v, (set = new Set()));
      set.add(who);
    }
  }
  let most = 0;
  const tied = new Set<number>();
  for (const set of holders.values()) {
    most = Math.max(most, set.size);
    if (set.size >= 2) for (const c of set) tied.add(c);
  }
  return { most, tied: tied.size };
}

function topShared(
  shared: SharedIndicators,
  kind: IndicatorGroup["kind"],
): { value: string; count: number }[] {
  const values = shared.get(kind);
  if (!values) return [];
  return [...values].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

/**
 * Assesses one community from its members and the indicator values they share (or, for one
 * community at a time, its members' indices into the candidates and all indicator groups).
 */
export function assessCampaign(
  members: Member[],
  sharedOrIndex: SharedIndicators | number[],
  groups?: IndicatorGroup[],
): CampaignAssessment {
  let shared: SharedIndicators;
  if (Array.isArray(sharedOrIndex)) {
    const communityOf = new Int32Array(Math.max(0, ...sharedOrIndex) + 1).fill(-1);
    for (const i of sharedOrIndex) communityOf[i] = 0;
    shared = sharedByCommunity(
      (groups ?? []).map((g) => ({ ...g, members: g.members.filter((m) => m < communityOf.length) })),
      communityOf,
      1,
    )[0]!;
  } else shared = sharedOrIndex;
  const n = members.length;
  const cap = contentWeightCap(members);
  let requests = 0;
  let distillSum = 0;
  let cotSum = 0;
  let distillWeight = 0;
  let fresh = 0;
  let weak = 0;
  let strong = 0;
  let aged = 0;
  const caps = new Map<string, number>();
  const created: { at: number; customer: number }[] = [];
  for (const m of members) {
    const f = m.features;
    requests += f.requests;
    const w = Math.min(f.requests, cap);
    distillSum += f.meanHarvest * w;
    cotSum += f.meanCot * w;
    distillWeight += w;
    if (f.ageAtFirstUseDays !== undefined && f.ageAtFirstUseDays < FRESH_DAYS) fresh += 1;
    if (f.ageAtFirstUseDays !== undefined && f.ageAtFirstUseDays > 180) aged += 1;
    if (f.weakVerification) weak += 1;
    const v = m.profile.verification;
    if (v === "enterprise" || v === "id") strong += 1;
    caps.set(f.topCapability, (caps.get(f.topCapability) ?? 0) + f.requests);
    if (m.profile.accountCreated !== undefined)
      created.push({ at: m.profile.accountCreated, customer: customerOf(m) });
  }
  const meanDistill = distillSum / Math.max(1, distillWeight);
  const payments = topShared(shared, "payment");
  const prefixes = topShared(shared, "ip-prefix");
  const asns = topShared(shared, "asn");
  const uas = topShared(shared, "user-agent");
  const templates = topShared(shared, "template");
  const domains = topShared(shared, "email-domain");
  const ev: Evidence[] = [];
  // Infrastructure dispersion: a hydra spreads its accounts over a proxy pool of many IP blocks;
  // an organisation's accounts sit behind one or two NATs.
  const blocks = new Set<string>();
  // members whose logs carry client addresses at all: where most do not (a gateway log without
  // IPs), the network says neither "one site" nor "proxy pool"
  let addressed = 0;
  // the networks (ASNs) its addresses belong to, one bit per hashed value (see exitSpread)
  let networkBits = 0;
  for (const m of members) {
    const keys = blockKeys(m.profile);
    if (keys.length) addressed += 1;
    for (const key of keys) blocks.add(key);
    networkBits |= m.profile.asnBits;
  }
  // a proxy pool resells exits across ISPs; a campus or company NAT pool is many blocks of one network
  const networks = popcount(networkBits);
  const manyNetworks = networkBits === 0 || networks >= 3;
  const networkKnown = addressed >= Math.max(2, n / 2);
  const dispersion = blocks.size / Math.max(1, addressed);
  // Accounts that each work from one fixed IP block, none shared with another customer's: one
  // customer's servers in several regions (a team that declares no organisation), not a pool
  // of exits that accounts rotate through.
  let located = 0;
  let fixed = 0;
  for (const m of members) {
    if (m.features.requests < FIXED_MIN_REQUESTS) continue;
    located += 1;
    if (m.features.topBlockShare >= FIXED_BLOCK_SHARE) fixed += 1;
  }
  const exits = customersSharing(members, blockKeys, shared.get("ip-prefix"));
  const blockTop = exits.most;
  // SynchroTrap-style: members of separate customers start their sessions together
  const sync = synchrony(
    members.map((m) => m.profile),
    members.map(customerOf),
  );
  const meanSync = sync.concentration >= SYNC_CONCENTRATION ? sync.share : 0;
  // (servers that start their sessions together with other customers' are not one customer's)
  const fixedSites = blockTop < 2 && located >= 3 && fixed >= 0.8 * located && meanSync < 0.2;
  const proxyPool = networkKnown && !fixedSites && manyNetworks && dispersion >= 0.5 && blocks.size >= 4;
  const singleSite = networkKnown && !proxyPool && (blocks.size <= 2 || dispersion < 0.35);
  // Accounts of one organisation (declared, or inferred from a card and fixed sites) are one
  // customer, wherever they connect from; a campaign is coordination across customers, so a
  // community of one or two is a team.
  const customers = new Set(members.map(customerOf)).size;
  const oneCustomer = customers <= 2 && customers < n;
  // On one site (or in one organisation), a shared card and a shared prompt template say "one
  // customer's team", which the site already says; they count as coordination only across
  // separate sites and customers.
  const spread = singleSite || oneCustomer ? 0 : 1;
  // the most separate customers with an account created within one 24-hour window
  created.sort((a, b) => a.at - b.at);
  let burst = 0;
  const inWindow = new Map<number, number>();
  for (let i = 0, j = 0; i < created.length; i++) {
    const c = created[i]!;
    inWindow.set(c.customer, (inWindow.get(c.customer) ?? 0) + 1);
    for (; c.at - created[j]!.at > 86_400_000; j++) {
      const left = created[j]!.customer;
      const k = inWindow.get(left)! - 1;
      if (k === 0) inWindow.delete(left);
      else inWindow.set(left, k);
    }
    burst = Math.max(burst, inWindow.size);
  }
  // A template or a common network says "the same recipe", not "the same actor": it counts as
  // coordination only beside a tie between separate customers that a recipe cannot explain.
  const cards = customersSharing(members, paymentKeys, shared.get("payment"));
  const payTop = cards.most;
  const actorTie = payTop >= 2 || blockTop >= 2 || meanSync >= 0.2 || burst >= 3;
  // reasoning elicitation across a community counts on its own: ordinary users seldom ask for
  // full reasoning in most requests, and a campaign's CoT wordings read as that before they
  // read as distillation. Students, labs and eval teams ask for it too, so it counts only for a
  // community that ties many separate customers by cards or shared exits (a pool, not a class).
  const meanCot = cotSum / Math.max(1, distillWeight);
  const cotContent =
    COT_WEIGHT *
    ramp(meanCot, COT_LO, COT_HI) *
    ramp(Math.max(cards.tied, exits.tied), COT_TIED_LO, COT_TIED_HI);
  const content = Math.max(ramp(meanDistill, 0.25, 0.7), cotContent);
  ev.push({
    signal: "campaign-content",
    points: 4 * content - 1.5,
    detail: `Across its ${n} accounts and ${requests} requests, the harvest probability averages ${meanDistill.toFixed(2)} (distillation, reasoning elicitation, grading${distillWeight < requests ? `; each account counted for at most ${cap} requests` : ""}).`,
  });
  // Counted in customers, not accounts: a card or template shared inside one organisation is
  // that customer's own.
  const inTemplate = customersSharing(members, templateKeys, shared.get("template")).most;
  if (inTemplate >= 2)
    ev.push({
      signal: "shared-template",
      points: 1.5 * ramp(inTemplate / customers, 0.1, 0.5) * content * spread * (actorTie ? 1 : 0),
      detail: `Accounts of ${inTemplate} separate customers send the same prompt template (${templates.length} shared templates).`,
    });
  // A hydra may spread its accounts over several cards, each shared by a group of them: every
  // customer tied by a card counts, not only those on the most shared one (a hydra of eight
  // cards, eight accounts each, had read as an eighth tied).
  const payTied = cards.tied;
  if (payTop >= 2)
    ev.push({
      signal: "shared-payment",
      points: 1.2 * ramp(payTied / customers, 0.1, 0.4) * content * spread,
      detail: `Accounts of ${payTied} separate customers pay with an instrument another customer here also uses (${payments.length} shared payment fingerprints, up to ${payTop} customers on one).`,
    });
  if (meanSync >= 0.2)
    ev.push({
      signal: "synchronized",
      points: 1.0 * ramp(meanSync, 0.2, 0.6) * content,
      detail: `Its accounts start their sessions together: ${pct(meanSync)} of their sessions began within seconds of another customer's account in the campaign.`,
    });
  if (!actorTie)
    ev.push({
      signal: "no-shared-identity",
      points: -2,
      detail: `Its customers share no payment instrument, IP block, sign-up burst or activity windows, only ${inTemplate >= 2 ? "prompt templates" : "common networks"}: possibly unrelated users of the same public recipe.`,
    });
  if (burst >= 3)
    ev.push({
      signal: "signup-burst",
      points: 0.8 * ramp(burst / n, 0.2, 0.6) * content,
      detail: `${burst} of its ${customers < n ? "customers have accounts" : "accounts were"} created within 24 hours.`,
    });
  if (fresh / n >= 0.3)
    ev.push({
      signal: "fresh-accounts",
      points: 0.8 * ramp(fresh / n, 0.3, 0.8) * content,
      detail: `${pct(fresh / n)} of its accounts made their first request within a week of sign-up.`,
    });
  if (weak / n >= 0.3)
    ev.push({
      signal: "weak-verification",
      points: 0.6 * ramp(weak / n, 0.3, 0.8) * content,
      detail: `${pct(weak / n)} of its accounts have weak identity verification.`,
    });
  if (proxyPool) {
    ev.push({
      signal: "proxy-pool",
      points: 1.0 * ramp(dispersion, 0.5, 1.5) * content,
      detail: `Its ${n} accounts come from ${blocks.size} IP blocks (${prefixes.length} of them shared between its accounts), as through a proxy pool.`,
    });
    // exits of the pool that separate customers' accounts both used: the pool is one actor's
    const exitTied = exits.tied;
    if (exitTied >= 3)
      ev.push({
        signal: "shared-exits",
        points: 0.8 * ramp(exitTied / customers, 0.25, 0.6) * content,
        detail: `Accounts of ${exitTied} separate customers used the same exits of that pool.`,
      });
  } else if (fixedSites && !singleSite)
    ev.push({
      signal: "fixed-sites",
      points: -2,
      detail: `${fixed} of its accounts each work from one IP block of their own and none shares a block with another customer, as one customer's servers in several regions would; a proxy pool rotates accounts through shared exits.`,
    });
  else if (singleSite)
    ev.push({
      signal: "single-site",
      points: -2,
      detail: `Its ${n} accounts sit behind ${blocks.size} IP block${blocks.size === 1 ? "" : "s"}, as one organisation's office or cloud would.`,
    });
  if (oneCustomer)
    ev.push({
      signal: "one-organisation",
      points: -2,
      detail: `Its ${n} accounts belong to ${customers === 1 ? "one organisation" : "two organisations"}: a customer's own team, not separate customers acting together.`,
    });
  ev.push({
    signal: "campaign-size",
    points: 0.6 * ramp(Math.log2(customers), 1.5, 5) * content,
    detail:
      customers < n ? `${n} accounts of ${customers} customers act together.` : `${n} accounts act together.`,
  });
  if (strong / n >= 0.5)
    ev.push({
      signal: "verified-organisation",
      points: -2 * ramp(strong / n, 0.5, 0.9),
      detail: `${pct(strong / n)} of its accounts are enterprise- or ID-verified.`,
    });
  if (aged / n >= 0.5)
    ev.push({
      signal: "established-accounts",
      points: -1 * ramp(aged / n, 0.5, 0.9),
      detail: `${pct(aged / n)} of its accounts are older than six months at first use.`,
    });
  const targets = [...caps.entries()]
    .filter(([, r]) => r / Math.max(1, requests) >= 0.1)
    .sort((a, b) => b[1] - a[1])
    .map(([c]) => c);
  const timing: string[] = [];
  if (burst >= 3) timing.push(`${burst} accounts created within 24 hours`);
  if (meanSync >= 0.2) timing.push(`${pct(meanSync)} of sessions started together`);
  return {
    evidence: ev,
    requests,
    harvest: meanDistill,
    targets,
    indicators: {
      ipPrefixes: prefixes.slice(0, 20).map((x) => x.value),
      asns: asns.slice(0, 10).map((x) => Number(x.value)),
      payments: payments.slice(0, 10).map((x) => x.value),
      userAgents: uas.slice(0, 5).map((x) => x.value),
      templates: templates.slice(0, 10).map((x) => x.value),
      emailDomains: domains.slice(0, 5).map((x) => x.value),
      timing,
    },
  };
}
