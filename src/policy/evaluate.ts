// Ordered rules, first match wins (as in Stripe Radar): a rule fires when every condition in its
// `when` holds; a rule with an empty `when` always fires. No rule firing means allow.
import type { PolicyCondition, PolicyRule } from "../config/index.js";
import type { ListIndex } from "./lists.js";
import type { ListHit, PolicyContext, PolicyDecision } from "./types.js";

/** The decision when no rule fires. */
export const defaultDecision: PolicyDecision = { rule: "default-allow", action: { type: "allow" } };

/** `*` at the end of a pattern matches any suffix (e.g. `gpt-5*`), otherwise exact. */
function matchesAny(value: string | undefined, patterns: readonly string[]): boolean {
  if (value === undefined) return false;
  for (const p of patterns) {
    if (p.endsWith("*") ? value.startsWith(p.slice(0, -1)) : value === p) return true;
  }
  return false;
}

function verdictHolds(when: PolicyCondition, ctx: PolicyContext): boolean {
  const v = ctx.verdict;
  const needsVerdict =
    when.minScore !== undefined ||
    when.maxScore !== undefined ||
    when.verdict !== undefined ||
    when.campaign !== undefined;
  // Conditions about the detector's opinion never hold for an account it has not scored yet.
  if (!v) return !needsVerdict && when.inCampaign !== true;
  if (when.minScore !== undefined && v.score < when.minScore) return false;
  if (when.maxScore !== undefined && v.score > when.maxScore) return false;
  if (when.verdict !== undefined && !when.verdict.includes(v.verdict)) return false;
  if (when.inCampaign !== undefined && (v.campaign !== null) !== when.inCampaign) return false;
  if (when.campaign !== undefined && (v.campaign === null || !when.campaign.includes(v.campaign)))
    return false;
  return true;
}

function signalsHold(required: Record<string, number>, signals: Record<string, number>): boolean {
  for (const id in required) {
    if ((signals[id] ?? 0) < required[id]!) return false;
  }
  return true;
}

// Shared results for the common outcomes, so evaluating a request's rules allocates nothing.
const miss: { hit: boolean; listHit?: ListHit } = Object.freeze({ hit: false });
const hitNoList: { hit: boolean; listHit?: ListHit } = Object.freeze({ hit: true });

/** Whether one rule's conditions hold; returns the list hit when `onList` was part of it. */
export function ruleMatches(
  when: PolicyCondition,
  ctx: PolicyContext,
  lists: ListIndex,
): { hit: boolean; listHit?: ListHit } {
  if (when.endpoint !== undefined && !matchesAny(ctx.endpoint, when.endpoint)) return miss;
  if (when.model !== undefined && !matchesAny(ctx.model, when.model)) return miss;
  if (!verdictHolds(when, ctx)) return miss;
  if (when.signals !== undefined && !signalsHold(when.signals, ctx.signals)) return miss;
  if (when.onList !== undefined) {
    const listHit = lists.match(when.onList, ctx, when.listTypes, ctx.now);
    return listHit ? { hit: true, listHit } : miss;
  }
  return hitNoList;
}

/** Evaluates ordered rules against one request: the first rule whose conditions hold decides. */
export function evaluatePolicy(
  ctx: PolicyContext,
  rules: readonly PolicyRule[],
  lists: ListIndex,
): PolicyDecision {
  for (const rule of rules) {
    const m = ruleMatches(rule.when, ctx, lists);
    if (m.hit)
      return m.listHit
        ? { rule: rule.name, action: rule.action, listHit: m.listHit }
        : { rule: rule.name, action: rule.action };
  }
  return defaultDecision;
}
