// Cross-account linkage over every partition's profiles: the candidate filter, graph, community
// detection and campaign scoring of Engine.recluster, fed with the workers' snapshots and the
// global template counts. Candidates are ordered by first sight (publisher sequence), the
// order the single engine holds its accounts in, so the seeded Louvain split is the same.
// Kept in step with src/engine/engine.ts by the cluster equivalence test; an engine export of
// this step would remove the copy (requested).
import type { Config } from "../config/index.js";
import type { AccountState } from "../engine/account-state.js";
import { assignCampaignIds } from "../engine/campaign-ids.js";
import { buildAccountGraph, clusterAccounts, coreMembers } from "../linkage/index.js";
import { accountFeatures } from "../profiles/index.js";
import { assessCampaign, resellerMix, sharedByCommunity, toReasons, toScore, totalLogit, type Campaign } from "../scoring/index.js";
import type { TemplateTally } from "./partition-state.js";

const CAMPAIGN_BIAS = -1;
const MIN_EDGE_WEIGHT = 0.8;

/** One account's campaign membership as workers apply it. */
export interface Membership {
  campaign: string;
  logit: number;
}

/** Campaigns and per-account membership from one clustering pass. */
export interface CampaignSet {
  campaigns: Campaign[];
  membership: Map<string, Membership>;
}

/** Clusters `accounts` (in first-seen order) into scored campaigns. */
export function findCampaigns(
  accounts: AccountState[],
  templates: Map<number, TemplateTally>,
  config: Config,
  ids: { previous: (account: string) => string | null; fresh: () => string },
): CampaignSet {
  const candidates = accounts.filter((s) => s.profile.sumHarvest / Math.max(1, s.profile.n) >= 0.35 || resellerMix(s.profile) !== undefined);
  const profiles = candidates.map((s) => s.profile);
  const templateAccounts = (t: number) => {
    const x = templates.get(t);
    return x && x.harvest >= 0.4 ? x.accounts : 0;
  };
  const { graph, groups } = buildAccountGraph(profiles, templateAccounts, MIN_EDGE_WEIGHT);
  const communities = clusterAccounts(graph, { minEdgeWeight: MIN_EDGE_WEIGHT, minSize: 3, splitAbove: 30, minModularity: 0.3, resolution: 0.5 })
    .map((c) => coreMembers(graph, c, { minDegree: 0.8, medianShare: 0.1 }))
    .filter((c) => c.length >= 3);
  const scored: { index: number[]; logit: number; assessment: ReturnType<typeof assessCampaign> }[] = [];
  const communityOf = new Int32Array(profiles.length).fill(-1);
  communities.forEach((index, c) => index.forEach((i) => (communityOf[i] = c)));
  const shared = sharedByCommunity(groups, communityOf, communities.length);
  for (const [c, index] of communities.entries()) {
    const members = index.map((i) => ({ profile: profiles[i]!, features: accountFeatures(profiles[i]!) }));
    const assessment = assessCampaign(members, shared[c]!);
    const logit = totalLogit(CAMPAIGN_BIAS, assessment.evidence);
    if (toScore(logit) >= config.thresholds.review) scored.push({ index, logit, assessment });
  }
  const names = assignCampaignIds(
    scored.map((c) => c.index.map((i) => profiles[i]!.account)),
    ids.previous,
    ids.fresh,
  );
  const membership = new Map<string, Membership>();
  const campaigns = scored.map((c, k): Campaign => {
    const id = names[k]!;
    const members = c.index.map((i) => profiles[i]!);
    for (const p of members) membership.set(p.account, { campaign: id, logit: c.logit });
    return {
      campaign: id,
      accounts: members.map((p) => p.account).sort(),
      score: toScore(c.logit),
      requests: c.assessment.requests,
      firstSeen: Math.min(...members.map((p) => p.firstSeen)),
      lastSeen: Math.max(...members.map((p) => p.lastSeen)),
      targets: c.assessment.targets,
      indicators: c.assessment.indicators,
      reasons: toReasons(c.assessment.evidence),
    };
  });
  campaigns.sort((a, b) => b.score - a.score || b.accounts.length - a.accounts.length);
  return { campaigns, membership };
}
