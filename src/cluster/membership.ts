// The coordinator's campaign membership as stored for workers: which campaign each account is
// in, that campaign's log-odds and how many kinds of indicator tie the account to it, plus the next free campaign number (ids stay stable).
import type { Store } from "../store/index.js";
import type { Membership } from "./find-campaigns.js";
import { membershipKey } from "./meta-keys.js";

/** Membership plus the campaign id counter. */
export interface MembershipTable {
  nextCampaign: number;
  members: Map<string, Membership>;
}

/** Reads the stored membership (empty when the coordinator has not run yet). */
export async function readMembership(store: Store, stream: string): Promise<MembershipTable> {
  const text = await store.getMeta(membershipKey(stream));
  if (!text) return { nextCampaign: 1, members: new Map() };
  const raw = JSON.parse(text) as {
    nextCampaign: number;
    members: [string, string, number, number?, number?, number?][];
  };
  return {
    nextCampaign: raw.nextCampaign,
    members: new Map(
      raw.members.map(([a, campaign, logit, linkKinds, harvest, paymentTie]) => [
        a,
        { campaign, logit, linkKinds: linkKinds ?? 0, harvest: harvest ?? 0, paymentTie: paymentTie === 1 },
      ]),
    ),
  };
}

/** Stores the membership. */
export async function writeMembership(store: Store, stream: string, t: MembershipTable): Promise<void> {
  const members = [...t.members].map(([a, m]) => [
    a,
    m.campaign,
    m.logit,
    m.linkKinds,
    m.harvest,
    m.paymentTie ? 1 : 0,
  ]);
  await store.setMeta(membershipKey(stream), JSON.stringify({ nextCampaign: t.nextCampaign, members }));
}
