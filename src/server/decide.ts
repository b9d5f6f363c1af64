// Recording a decision: validate the subject, store the decision, close the case it settles,
// feed it back into the lists, and audit it — the same path for the queue and direct calls.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { DistillwatchError } from "../errors.js";
import type { Decision, ReviewCase, Store } from "../store/types.js";
import { recordAudit } from "./audit.js";
import { applyDecisionFeedback } from "./feedback.js";
import { reasonCodes } from "./reasons.js";

/** Body of a decision: what, about whom, and why. */
export const decisionInput = z.object({
  subjectType: z.enum(["account", "campaign"]),
  subject: z.string().min(1).max(500),
  action: z.enum(["allow", "review", "throttle", "degrade", "block", "confirm", "false-positive"]),
  reason: z.enum(reasonCodes),
  note: z.string().max(4000).optional(),
  caseId: z.string().optional(),
});

export type DecisionInput = z.infer<typeof decisionInput>;

/** Outcome of a decision: the stored decision, the case it closed, the list changes. */
export interface DecisionOutcome {
  decision: Decision;
  case?: ReviewCase;
  lists: { added: number; removed: number };
}

/** Records `input` by `actor` with every side effect; throws not_found / conflict. */
export async function recordDecision(
  store: Store,
  actor: string,
  input: DecisionInput,
): Promise<DecisionOutcome> {
  const campaign = input.subjectType === "campaign" ? await store.getCampaign(input.subject) : undefined;
  if (input.subjectType === "campaign" && !campaign)
    throw new DistillwatchError("not_found", `no campaign ${input.subject}`);
  if (input.subjectType === "account" && !(await store.getAccount(input.subject)))
    throw new DistillwatchError("not_found", `no account ${input.subject}`);
  let open: ReviewCase | undefined;
  if (input.caseId) {
    open = await store.getCase(input.caseId);
    if (!open) throw new DistillwatchError("not_found", `no case ${input.caseId}`);
    if (open.status !== "open")
      throw new DistillwatchError("conflict", `case ${input.caseId} is already ${open.status}`);
    if (open.subject !== input.subject || open.subjectType !== input.subjectType)
      throw new DistillwatchError("input_invalid", "case subject does not match the decision subject");
  }
  const decision: Decision = {
    id: randomUUID(),
    subjectType: input.subjectType,
    subject: input.subject,
    action: input.action,
    reason: input.reason,
    actor,
    at: Date.now(),
    ...(input.note ? { note: input.note } : {}),
  };
  await store.addDecision(decision);
  const closed = open
    ? await store.updateCase(open.id, { status: "decided", decidedAt: decision.at, decisionId: decision.id })
    : undefined;
  await recordAudit(store, {
    actor,
    action: "decision.create",
    subject: decision.subject,
    detail: {
      decision: decision.id,
      subjectType: decision.subjectType,
      action: decision.action,
      reason: decision.reason,
      case: open?.id,
    },
  });
  const lists = await applyDecisionFeedback(store, decision, campaign);
  return { decision, ...(closed ? { case: closed } : {}), lists };
}
