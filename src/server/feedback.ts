// Decisions feed back into enforcement: confirming a campaign puts its indicators on block
// lists, a false positive puts the account on the allow list (and lifts its account block).
import { randomUUID } from "node:crypto";
import type { Campaign } from "../scoring/types.js";
import type { Decision, ListEntry, ListKind, ListType, Store } from "../store/types.js";
import { recordAudit } from "./audit.js";

type Wanted = { list: ListKind; type: ListType; value: string };

/** Block-list entries implied by confirming a campaign. ASNs are left out on purpose: a
 *  campaign's ASN is usually a shared cloud provider, and blocking it would hit bystanders. */
export function campaignBlockEntries(c: Campaign): Wanted[] {
  const i = c.indicators;
  return [
    ...i.payments.map((value) => ({ list: "block" as const, type: "payment" as const, value })),
    ...i.ipPrefixes.map((value) => ({ list: "block" as const, type: "ip" as const, value })),
    ...i.templates.map((value) => ({ list: "block" as const, type: "template" as const, value })),
    ...c.accounts.map((value) => ({ list: "block" as const, type: "account" as const, value })),
  ];
}

function entriesFor(d: Decision, campaign: Campaign | undefined): { add: Wanted[]; liftBlocks: string[] } {
  const isAttack = d.action === "confirm" || d.action === "block";
  const isBenign = d.action === "false-positive" || d.action === "allow";
  if (d.subjectType === "campaign") {
    if (!campaign) return { add: [], liftBlocks: [] };
    if (isAttack) return { add: campaignBlockEntries(campaign), liftBlocks: [] };
    if (isBenign)
      return {
        add: campaign.accounts.map((value) => ({ list: "allow", type: "account", value })),
        liftBlocks: campaign.accounts,
      };
    return { add: [], liftBlocks: [] };
  }
  if (isAttack) return { add: [{ list: "block", type: "account", value: d.subject }], liftBlocks: [] };
  if (isBenign)
    return { add: [{ list: "allow", type: "account", value: d.subject }], liftBlocks: [d.subject] };
  return { add: [], liftBlocks: [] };
}

/** Applies a decision's list changes (skipping entries already present); returns counts. */
export async function applyDecisionFeedback(
  store: Store,
  d: Decision,
  campaign: Campaign | undefined,
): Promise<{ added: number; removed: number }> {
  const { add, liftBlocks } = entriesFor(d, campaign);
  if (add.length === 0 && liftBlocks.length === 0) return { added: 0, removed: 0 };
  const existing = await store.listListEntries();
  const present = new Set(existing.map((e) => `${e.list}\u0000${e.type}\u0000${e.value}`));
  const lift = new Set(liftBlocks);
  let removed = 0;
  for (const e of existing) {
    if (
      e.list === "block" &&
      e.type === "account" &&
      lift.has(e.value) &&
      (await store.removeListEntry(e.id))
    )
      removed++;
  }
  let added = 0;
  for (const w of add) {
    const k = `${w.list}\u0000${w.type}\u0000${w.value}`;
    if (present.has(k)) continue;
    present.add(k);
    const entry: ListEntry = {
      id: randomUUID(),
      ...w,
      note: `${d.action} ${d.subjectType} ${d.subject}: ${d.reason}`,
      createdBy: d.actor,
      createdAt: d.at,
    };
    await store.addListEntry(entry);
    added++;
  }
  await recordAudit(store, {
    actor: d.actor,
    action: "lists.feedback",
    subject: d.subject,
    rule: `decision:${d.action}`,
    detail: { decision: d.id, added, removed },
  });
  return { added, removed };
}
