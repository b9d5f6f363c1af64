// Cross-account linkage over every partition's profiles: the engine's own clustering pass
// (findCampaigns in src/engine), fed with the workers' snapshots and the global template
// counts. Candidates are ordered by first sight (publisher sequence), the order the single
// engine holds its accounts in, so the seeded Louvain split is the same.
import type { Config } from "../config/index.js";
import { findCampaigns as findEngineCampaigns, type AccountState, type Membership } from "../engine/index.js";
import type { Campaign } from "../scoring/index.js";
import type { TemplateTally } from "./partition-state.js";

export type { Membership } from "../engine/index.js";

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
  const templateAccounts = (t: number) => {
    const x = templates.get(t);
    return x && x.harvest >= 0.4 ? x.accounts : 0;
  };
  const { campaigns, membership } = findEngineCampaigns(accounts, templateAccounts, config, ids);
  return { campaigns, membership };
}
