// One clustering pass, as a pure function of the accounts' states: candidate filter, indicator
// graph, communities and their cores, campaign scoring and stable ids. The engine runs it over
// its own accounts; the cluster coordinator runs it over every partition's snapshots.
import type { Config } from "../config/index.js";
import {
  buildAccountGraph,
  clusterAccounts,
  coreMembers,
  inferCustomers,
  synchrony,
  SYNC_CONCENTRATION,
  type IndicatorGroup,
} from "../linkage/index.js";
import { FIXED_BLOCK_SHARE, accountFeatures, type AccountProfile } from "../profiles/index.js";
import {
  assessCampaign,
  resellerMix,
  sharedByCommunity,
  toReasons,
  toScore,
  totalLogit,
  type Campaign,
  type SharedIndicators,
} from "../scoring/index.js";
import type { AccountState } from "./account-state.js";
import { assignCampaignIds } from "./campaign-ids.js";

const CAMPAIGN_BIAS = -1;
/** Edges weaker than one corroborated indicator are dropped before clustering. */
const MIN_EDGE_WEIGHT = 0.8;

/** An account's campaign membership. */
export interface Membership {
  campaign: string;
  /** The campaign's log-odds. */
  logit: number;
  /** Kinds of indicator the account shares with its campaign (payment counts twice). */
  linkKinds: number;
  /** The campaign's mean harvest score (what its own accounts' traffic is judged against). */
  harvest: number;
  /** Whether the account pays with a card that another customer's account in the campaign uses. */
  paymentTie: boolean;
}

/** One campaign found, with the log-odds and every indicator value its accounts share. */
export interface CampaignFinding {
  campaign: Campaign;
  logit: number;
  /** Mean harvest score of its members' requests. */
  harvest: number;
  shared: SharedIndicators;
}

/** The result of a clustering pass. */
export interface CampaignSet {
  candidates: AccountState[];
  /** Accounts outside the candidates that joined a flagged campaign by paying with its card. */
  attached: AccountState[];
  findings: CampaignFinding[];
  campaigns: Campaign[];
  membership: Map<string, Membership>;
}

/** Fills `into` with the members of one indicator group per community (members outside any are skipped). */
function groupByCommunity(members: number[], communityOf: Int32Array, into: Map<number, number[]>): void {
  into.clear();
  for (const m of members) {
    const c = communityOf[m]!;
    if (c < 0) continue;
    const list = into.get(c);
    if (list) list.push(m);
    else into.set(c, [m]);
  }
}

/** The IP block that carries most of an account's traffic (its most used one), once it sent `minRequests`. */
function mainBlock(
  p: AccountProfile,
  top: { key: string; count: number } | undefined,
  minRequests: number,
  minOnBlock = 0,
): string | undefined {
  if (p.n < minRequests) return undefined;
  return top && top.count >= 0.5 * p.n && top.count >= minOnBlock ? top.key : undefined;
}

/** An established account's site: the block most of its traffic comes from. */
const ESTABLISHED = 10;
/** Requests from one block that make it an account's home (a proxy's exit others pass through). */
const RESIDENT = 15;
/** Enough requests to say where an account mostly is when asking whether two accounts share a site. */
const LOCATED = 5;
/** Sampled session-start buckets shared with other customers' members that tie an account (see `syncTiedMembers`). */
const CO_STARTS_TIE = 3;

/**
 * Members of a community that work from a site of their own: an established account sending
 * most of its traffic from one IP block, whose payment instruments and IP blocks it shares with
 * no member outside that same block or its own customer (organisation, declared or inferred), and
 * that does not start its sessions together with other customers' members. A
 * customer (or a few accounts of one customer's office or organisation) whose recipe, SDK or
 * cloud overlaps a campaign is not one of the campaign's proxied accounts.
 */
export function foreignSites(
  communities: number[][],
  profiles: AccountProfile[],
  customers: Uint32Array,
  syncTied: Set<number>,
  groups: IndicatorGroup[],
  communityOf: Int32Array,
): Set<number> {
  const site = new Map<number, string | undefined>();
  const where = new Map<number, string | undefined>();
  const home = new Map<number, string | undefined>();
  for (const community of communities)
    for (const i of community) {
      const p = profiles[i]!;
      const top = p.prefixes.top()[0];
      site.set(i, mainBlock(p, top, ESTABLISHED));
      where.set(i, mainBlock(p, top, LOCATED));
      home.set(i, mainBlock(p, top, RESIDENT, RESIDENT));
    }
  // started sessions together with other customers' members of a synchronized community
  const tied = new Set<number>(syncTied);
  const byCommunity = new Map<number, number[]>();
  for (const g of groups) {
    if (g.kind !== "payment" && g.kind !== "ip-prefix") continue;
    groupByCommunity(g.members, communityOf, byCommunity);
    for (const inside of byCommunity.values()) {
      if (inside.length < 2) continue;
      // a newer colleague at the same office, or in the same organisation, shares its card
      // without making it a campaign's
      const first = where.get(inside[0]!);
      const oneSite = first !== undefined && inside.every((m) => where.get(m) === first);
      const who = customers[inside[0]!];
      const oneCustomer = inside.every((m) => customers[m] === who);
      if (oneSite || oneCustomer) continue;
      for (const m of inside) {
        // an established account whose own site is this block is where the others passed
        // through (a home connection that is also a residential proxy's exit), not one of them
        if (g.kind === "ip-prefix" && home.get(m) === g.value) continue;
        tied.add(m);
      }
    }
  }
  const out = new Set<number>();
  for (const [i, s] of site) if (s !== undefined && !tied.has(i)) out.add(i);
  return out;
}

/**
 * Two parts are one actor when two or more accounts of each pay with the same card (a card is
 * the actor's own: Louvain cuts the accounts of one card into parts once there are more than it
 * keeps together), or
 * share many distinct IP blocks: at least three, and a quarter of the lesser part's accounts.
 * Separate campaigns (or a campaign and residential customers of the same ISPs) meet on a block
 * or two by chance; one hydra's card groups rotate through the same proxy pool.
 */
export function sameActor(
  groups: IndicatorGroup[],
  customers: Uint32Array,
): (a: number[], b: number[]) => boolean {
  const blocksOf = new Map<number, number[]>();
  const cardsOf = new Map<number, number[]>();
  groups.forEach((g, i) => {
    // a card counts only when accounts of two customers hold it (not one team's own card)
    if (g.kind === "payment" && g.members.some((m) => customers[m] !== customers[g.members[0]!]))
      for (const m of g.members) push(cardsOf, m, i);
    if (g.kind === "ip-prefix") for (const m of g.members) push(blocksOf, m, i);
  });
  // a part is asked about once per neighbouring part: its cards and blocks are gathered once
  const memo = new WeakMap<number[], { cards: Map<number, number>; blocks: Set<number> }>();
  const values = (part: number[]) => {
    let v = memo.get(part);
    if (!v) {
      v = { cards: new Map(), blocks: new Set() };
      for (const m of part) {
        for (const c of cardsOf.get(m) ?? []) v.cards.set(c, (v.cards.get(c) ?? 0) + 1);
        for (const b of blocksOf.get(m) ?? []) v.blocks.add(b);
      }
      memo.set(part, v);
    }
    return v;
  };
  return (a, b) => {
    const va = values(a);
    const vb = values(b);
    // a card held by two or more accounts on each side: one account Louvain placed among
    // another campaign's (tied there by a sign-up burst, say) does not bring its card's campaign
    for (const [x, n] of vb.cards) if (n >= 2 && (va.cards.get(x) ?? 0) >= 2) return true;
    let shared = 0;
    for (const x of vb.blocks) if (va.blocks.has(x)) shared += 1;
    return shared >= Math.max(3, 0.25 * Math.min(a.length, b.length));
  };
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Members of synchronized communities (see `synchrony`) that started at least two of their
 * sessions together with other customers' members: each start is sampled on two grids, so
 * three shared buckets mean two sessions at least.
 */
function syncTiedMembers(
  communities: number[][],
  profiles: AccountProfile[],
  customers: Uint32Array,
): Set<number> {
  const out = new Set<number>();
  for (const community of communities) {
    const sync = synchrony(
      community.map((i) => profiles[i]!),
      community.map((i) => customers[i]!),
    );
    if (sync.concentration < SYNC_CONCENTRATION) continue;
    community.forEach((i, k) => {
      if (sync.together[k]! >= CO_STARTS_TIE) out.add(i);
    });
  }
  return out;
}

/**
 * Mean reasoning-elicitation score that makes an account a candidate however low its harvest
 * score: a campaign's own CoT wordings read as "step by step" asks more reliably than as
 * distillation, and ordinary users seldom ask for full reasoning in most of their requests.
 */
const COT_CANDIDATE = 0.2;
/** ... from an account that has used at least one IP block per this many of its requests. */
const REQUESTS_PER_EXIT = 25;

/** True for an account whose own traffic makes it a linkage candidate. */
export function isCandidate(s: AccountState): boolean {
  const p = s.profile;
  const n = Math.max(1, p.n);
  if (p.sumHarvest / n >= 0.35 || resellerMix(p) !== undefined) return true;
  // reasoning asks from an account that keeps moving to new exits (a lab's or a class's come
  // from a few sites of theirs however many requests they send)
  const blocks = p.prefixSample.size;
  return (
    p.sumCot / n >= COT_CANDIDATE &&
    (p.prefixes.top()[0]?.count ?? 0) < FIXED_BLOCK_SHARE * n &&
    blocks * REQUESTS_PER_EXIT >= n
  );
}

/** Clusters the candidates among `accounts` (in first-seen order) into scored campaigns. */
export function findCampaigns(
  accounts: Iterable<AccountState>,
  templateAccounts: (template: number) => number,
  config: Config,
  ids: { previous: (account: string) => string | null; fresh: () => string },
): CampaignSet {
  const candidates: AccountState[] = [];
  const others: AccountState[] = [];
  for (const s of accounts) (isCandidate(s) ? candidates : others).push(s);
  const profiles = candidates.map((s) => s.profile);
  const { graph, groups } = buildAccountGraph(profiles, templateAccounts, MIN_EDGE_WEIGHT);
  const customers = inferCustomers(profiles, groups);
  const communities = clusterAccounts(graph, {
    minEdgeWeight: MIN_EDGE_WEIGHT,
    minSize: 3,
    splitAbove: 30,
    minModularity: 0.3,
    resolution: 0.5,
    mergeCut: 0.5,
    sameActor: sameActor(groups, customers),
  })
    .map((c) => coreMembers(graph, c, { minDegree: 0.8, medianShare: 0.05 }))
    .filter((c) => c.length >= 3);
  const communityOf = new Int32Array(profiles.length).fill(-1);
  communities.forEach((index, c) => index.forEach((i) => (communityOf[i] = c)));
  const shared = sharedByCommunity(groups, communityOf, communities.length);
  const syncTied = syncTiedMembers(communities, profiles, customers);
  const foreign = foreignSites(communities, profiles, customers, syncTied, groups, communityOf);
  const scored: {
    index: number[];
    logit: number;
    assessment: ReturnType<typeof assessCampaign>;
    shared: SharedIndicators;
  }[] = [];
  for (const [c, all] of communities.entries()) {
    const index = all.filter((i) => !foreign.has(i));
    if (index.length < 3) continue;
    // without the members left out, only what the rest share with each other is evidence
    const own = index.length === all.length ? shared[c]! : sharedAmong(index, groups, profiles.length);
    const members = index.map((i) => ({
      profile: profiles[i]!,
      features: accountFeatures(profiles[i]!),
      customer: customers[i]!,
    }));
    const assessment = assessCampaign(members, own);
    const logit = totalLogit(CAMPAIGN_BIAS, assessment.evidence);
    if (toScore(logit) >= config.thresholds.review) scored.push({ index, logit, assessment, shared: own });
  }
  const names = assignCampaignIds(
    scored.map((c) => c.index.map((i) => profiles[i]!.account)),
    ids.previous,
    ids.fresh,
  );
  const { kinds, paymentTie } = linkKindsByMember(groups, communityOf, customers, syncTied);
  const membership = new Map<string, Membership>();
  const findings = scored.map((c, k): CampaignFinding => {
    const id = names[k]!;
    const members = c.index.map((i) => profiles[i]!);
    c.index.forEach((i) =>
      membership.set(profiles[i]!.account, {
        campaign: id,
        logit: c.logit,
        linkKinds: kinds[i] ?? 0,
        harvest: c.assessment.harvest,
        paymentTie: paymentTie[i] === 1,
      }),
    );
    let firstSeen = Infinity;
    let lastSeen = 0;
    for (const p of members) {
      firstSeen = Math.min(firstSeen, p.firstSeen);
      lastSeen = Math.max(lastSeen, p.lastSeen);
    }
    const campaign: Campaign = {
      campaign: id,
      accounts: members.map((p) => p.account).sort(),
      score: toScore(c.logit),
      requests: c.assessment.requests,
      firstSeen,
      lastSeen,
      targets: c.assessment.targets,
      indicators: c.assessment.indicators,
      reasons: toReasons(c.assessment.evidence),
    };
    return { campaign, logit: c.logit, harvest: c.assessment.harvest, shared: c.shared };
  });
  const attached = attachByCard(findings, others, membership, config.thresholds.attack);
  const campaigns = findings
    .map((f) => f.campaign)
    .sort((a, b) => b.score - a.score || b.accounts.length - a.accounts.length);
  return { candidates, attached, findings, campaigns, membership };
}

/**
 * Accounts that are not candidates but pay with a card a flagged campaign's accounts share join
 * that campaign: the card is the actor's, however much ordinary chat an account mixes in to keep
 * its own traffic under the candidate bar. Only a card at least a third of whose accounts are
 * in the campaign: a company card that two of its accounts brought into a campaign does not
 * bring the whole company.
 */
function attachByCard(
  findings: CampaignFinding[],
  others: AccountState[],
  membership: Map<string, Membership>,
  attackAt: number,
): AccountState[] {
  const byCard = new Map<string, CampaignFinding>();
  for (const f of findings)
    if (f.campaign.score >= attackAt)
      for (const card of f.shared.get("payment")?.keys() ?? []) byCard.set(card, f);
  const attached: AccountState[] = [];
  if (byCard.size === 0) return attached;
  const holders = new Map<AccountState, { card: string; f: CampaignFinding }>();
  const outside = new Map<string, number>();
  for (const s of others)
    for (const { key } of s.profile.payments.top()) {
      const f = byCard.get(key);
      if (!f) continue;
      outside.set(key, (outside.get(key) ?? 0) + 1);
      if (!holders.has(s)) holders.set(s, { card: key, f });
    }
  for (const [s, { card, f }] of holders) {
    const inside = f.shared.get("payment")?.get(card) ?? 0;
    if (2 * inside < (outside.get(card) ?? 0)) continue;
    const account = s.profile.account;
    membership.set(account, {
      campaign: f.campaign.campaign,
      logit: f.logit,
      linkKinds: 2,
      harvest: f.harvest,
      paymentTie: true,
    });
    f.campaign.accounts.push(account);
    attached.push(s);
  }
  for (const f of findings) f.campaign.accounts.sort();
  return attached;
}

/** The indicator values that the accounts of `index` share among themselves. */
function sharedAmong(index: number[], groups: IndicatorGroup[], candidates: number): SharedIndicators {
  const communityOf = new Int32Array(candidates).fill(-1);
  for (const i of index) communityOf[i] = 0;
  return sharedByCommunity(groups, communityOf, 1)[0]!;
}

/**
 * For each candidate, how many kinds of indicator it shares with others of its community (a
 * payment card counts twice, and so do two or more IP blocks; sessions started together with
 * other customers' members, repeatedly, in a synchronized community count as two kinds), and
 * whether it shares a card with
 * another customer's account there.
 */
export function linkKindsByMember(
  groups: IndicatorGroup[],
  communityOf: Int32Array,
  customers: Uint32Array,
  syncTied: Set<number>,
): { kinds: Uint8Array; paymentTie: Uint8Array } {
  const paymentTie = new Uint8Array(communityOf.length);
  const chanceKinds = new Uint8Array(communityOf.length);
  const seen = new Map<number, Set<string>>();
  // two distinct IP blocks shared with the community tie an account as firmly as a second kind:
  // a home connection meets one proxy exit by chance, not two
  const blocks = new Map<number, number>();
  const perCommunity = new Map<number, number[]>();
  for (const g of groups) {
    groupByCommunity(g.members, communityOf, perCommunity);
    for (const list of perCommunity.values()) {
      // kinds that tie an actor: a shared recipe, network or mail provider does not
      if (
        list.length < 2 ||
        g.kind === "asn" ||
        g.kind === "user-agent" ||
        g.kind === "email-domain" ||
        g.kind === "template" ||
        // a session started together by chance; repeated ones count below (syncTied)
        g.kind === "sync"
      )
        continue;
      // nor does what one customer's accounts share among themselves (a team's card or office)
      if (list.every((m) => customers[m] === customers[list[0]!])) continue;
      // a sign-up hour or a pattern of active windows is the community's evidence (a burst), not
      // each account's: on a busy provider an ordinary account signs up in a campaign's hour or
      // keeps its office hours by chance, so it adds to another tie but is none alone
      const chance = g.kind === "signup-burst" || g.kind === "window";
      for (const m of list) {
        if (chance) {
          chanceKinds[m] = Math.min(255, chanceKinds[m]! + 1);
          continue;
        }
        let k = seen.get(m);
        if (!k) seen.set(m, (k = new Set()));
        k.add(g.kind);
        if (g.kind === "ip-prefix") blocks.set(m, (blocks.get(m) ?? 0) + 1);
      }
      // a card used by accounts of separate customers ties each of them to the others' actor
      if (g.kind === "payment" && new Set(list.map((m) => customers[m])).size >= 2)
        for (const m of list) paymentTie[m] = 1;
    }
  }
  const kinds = new Uint8Array(communityOf.length);
  for (const [m, k] of seen) {
    kinds[m] =
      k.size +
      (k.has("payment") ? 1 : 0) +
      ((blocks.get(m) ?? 0) >= 2 ? 1 : 0) +
      Math.min(1, chanceKinds[m]!);
  }
  for (const m of syncTied) kinds[m] = Math.min(255, kinds[m]! + 2);
  return { kinds, paymentTie };
}
