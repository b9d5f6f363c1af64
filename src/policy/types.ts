// What the policy sees about one request, and what it decides. Plain data, so the policy stays a
// pure function that the gateway, the analyst service and tests call the same way.
import type { PolicyAction } from "../config/index.js";
import type { VerdictLabel } from "../scoring/types.js";
import type { ListType } from "../store/types.js";

/** The detector's current view of the account, as far as the policy needs it. */
export interface PolicyVerdict {
  score: number;
  verdict: VerdictLabel;
  campaign: string | null;
}

/** Everything a rule's `when` can look at for one request. */
export interface PolicyContext {
  account: string;
  /** API key id (a hash, never the secret). */
  key?: string;
  ip?: string;
  asn?: number;
  payment?: string;
  /** Template cluster id, when the request's template is already known. */
  template?: string;
  /** Undefined when the detector has never seen the account. */
  verdict?: PolicyVerdict;
  /** Per-request signal probabilities 0..1 keyed by signal id (`cot`, `distill`, ...). */
  signals: Record<string, number>;
  endpoint?: string;
  model?: string;
  /** Evaluation time (epoch ms), for list expiry; defaults to the clock. */
  now?: number;
}

/** The list entry that made a rule match, for the audit log. */
export interface ListHit {
  list: "allow" | "block";
  type: ListType;
  value: string;
}

/** The rule that fired and its action (first match wins). */
export interface PolicyDecision {
  rule: string;
  action: PolicyAction;
  listHit?: ListHit;
}

/** The LLM API shapes the gateway understands: OpenAI Chat Completions, OpenAI Responses, Anthropic Messages. */
export type ApiKind = "chat" | "responses" | "messages";
