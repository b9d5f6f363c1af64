// The fast-path decision for one request: build the policy context from memory (identity, the
// detector's latest verdict, cheap signals), evaluate the rules, then apply the fail mode and the
// throttle buckets. No I/O and no detector call happens here.
import type { Config } from "../config/index.js";
import type { BucketTable } from "../policy/index.js";
import {
  bucketKey,
  evaluatePolicy,
  type ListHit,
  type ListIndex,
  type PolicyContext,
  type PolicyDecision,
} from "../policy/index.js";

/** What the gateway does with the request. */
export type Outcome =
  | { kind: "allow"; rule: string; review: boolean }
  | { kind: "degrade"; rule: string; maxTokens?: number; withholdReasoning: boolean }
  | { kind: "throttle"; rule: string; retryAfterMs: number }
  | { kind: "block"; rule: string; message?: string; listHit?: ListHit };

/** The policy as currently loaded; replaced as a whole on reload. */
export interface LoadedPolicy {
  rules: Config["policy"]["rules"];
  lists: ListIndex;
  failMode: Config["policy"]["failMode"];
  /**
   * Whether any rule can look at what only the request body tells (model, per-request signals, a
   * template on a list). When none can, the fast path does not parse the body at all.
   */
  readsBody: boolean;
}

/** Rule name recorded when the detector is unhealthy and the policy fails closed. */
export const failClosedRule = "fail-closed";

/** Decides one request; `healthy` is whether the detector's verdicts can be trusted right now. */
export function decide(
  ctx: PolicyContext,
  policy: LoadedPolicy,
  healthy: boolean,
  buckets: BucketTable,
  now: number,
): Outcome {
  const d: PolicyDecision = evaluatePolicy(ctx, policy.rules, policy.lists);
  // Lists are operator decisions and do not depend on the detector, so they stand even when it is
  // down; anything else is overridden by a closed fail mode. Open means: keep serving with the
  // verdicts already in memory (a lagging detector never unblocks a known campaign).
  if (!healthy && policy.failMode === "closed" && !d.listHit) {
    return {
      kind: "block",
      rule: failClosedRule,
      message: "The provider's abuse detection is unavailable; the request was refused.",
    };
  }
  const a = d.action;
  switch (a.type) {
    case "allow":
      return { kind: "allow", rule: d.rule, review: false };
    case "review":
      return { kind: "allow", rule: d.rule, review: true };
    case "degrade": {
      const o: Outcome = { kind: "degrade", rule: d.rule, withholdReasoning: a.withholdReasoning };
      if (a.maxTokens !== undefined) o.maxTokens = a.maxTokens;
      return o;
    }
    case "throttle": {
      const r = buckets.take(
        bucketKey(d.rule, a.scope, ctx.account, ctx.verdict?.campaign),
        { perMinute: a.perMinute, burst: a.burst },
        now,
      );
      return r.allowed
        ? { kind: "allow", rule: d.rule, review: false }
        : { kind: "throttle", rule: d.rule, retryAfterMs: r.retryAfterMs };
    }
    case "block": {
      const o: Outcome = { kind: "block", rule: d.rule };
      if (a.message !== undefined) o.message = a.message;
      if (d.listHit) o.listHit = d.listHit;
      return o;
    }
  }
}
