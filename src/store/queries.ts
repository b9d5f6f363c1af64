// Filter, sort and patch clauses shared by both adapters. They differ only in how a parameter
// is written (`?` vs `$n`) and in the substring function, so a two-function dialect is enough
// to keep one definition of each query's semantics. Sort keys map to a fixed whitelist of
// ORDER BY clauses (never caller text); every order ends in the primary key so pages are stable.
import type { AccountQuery, CampaignQuery, CaseStatus, ListKind, ListType, ReviewCase } from "./types.js";

/** How an adapter spells a parameter and a case-sensitive substring test. */
export interface Dialect {
  /** Placeholder for the parameter at 1-based position `n`. */
  param(n: number): string;
  /** Condition: `column` contains the text bound at `placeholder`. */
  contains(column: string, placeholder: string): string;
}

/** A WHERE clause (possibly empty), its parameters and an ORDER BY clause. */
export interface Clause {
  where: string;
  params: unknown[];
  orderBy: string;
}

/** Collects conditions and numbers their placeholders. */
class Conditions {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];
  constructor(private readonly d: Dialect) {}
  /** Adds a condition built from the next placeholder. */
  add(value: unknown, cond: (p: string) => string): void {
    this.params.push(value);
    this.parts.push(cond(this.d.param(this.params.length)));
  }
  clause(orderBy: string): Clause {
    return {
      where: this.parts.length ? `WHERE ${this.parts.join(" AND ")}` : "",
      params: this.params,
      orderBy,
    };
  }
}

const accountOrder: Record<NonNullable<AccountQuery["sort"]>, string> = {
  score: "score DESC, account",
  requests: "requests DESC, account",
  lastSeen: "last_seen DESC, account",
  account: "account",
};

/** Accounts matching the query's filters, ordered by its sort key (default: score). */
export function accountClause(q: AccountQuery, d: Dialect): Clause {
  const c = new Conditions(d);
  if (q.verdict !== undefined) c.add(q.verdict, (p) => `verdict = ${p}`);
  if (q.campaign !== undefined) c.add(q.campaign, (p) => `campaign = ${p}`);
  if (q.minScore !== undefined) c.add(q.minScore, (p) => `score >= ${p}`);
  if (q.search) c.add(q.search, (p) => d.contains("account", p));
  return c.clause(accountOrder[q.sort ?? "score"]);
}

const campaignOrder: Record<NonNullable<CampaignQuery["sort"]>, string> = {
  score: "score DESC, campaign",
  accounts: "account_count DESC, campaign",
  requests: "requests DESC, campaign",
  lastSeen: "last_seen DESC, campaign",
};

/** Campaigns matching the query's filters, ordered by its sort key (default: score). */
export function campaignClause(q: CampaignQuery, d: Dialect): Clause {
  const c = new Conditions(d);
  if (q.minScore !== undefined) c.add(q.minScore, (p) => `score >= ${p}`);
  if (q.search) c.add(q.search, (p) => d.contains("campaign", p));
  return c.clause(campaignOrder[q.sort ?? "score"]);
}

/** Decisions, newest first, optionally about one subject. */
export function decisionClause(q: { subject?: string }, d: Dialect): Clause {
  const c = new Conditions(d);
  if (q.subject !== undefined) c.add(q.subject, (p) => `subject = ${p}`);
  return c.clause("at DESC, id DESC");
}

/** Cases, highest score first (the analyst queue's priority), optionally of one status. */
export function caseClause(q: { status?: CaseStatus }, d: Dialect): Clause {
  const c = new Conditions(d);
  if (q.status !== undefined) c.add(q.status, (p) => `status = ${p}`);
  return c.clause("score DESC, opened_at DESC, id");
}

/** Audit entries, newest first; ties keep insertion order reversed via the `seq` column. */
export function auditClause(q: { actor?: string; action?: string }, d: Dialect): Clause {
  const c = new Conditions(d);
  if (q.actor !== undefined) c.add(q.actor, (p) => `actor = ${p}`);
  if (q.action !== undefined) c.add(q.action, (p) => `action = ${p}`);
  return c.clause("at DESC, seq DESC");
}

/** List entries of one list and/or type, oldest first. */
export function listEntryClause(q: { list?: ListKind; type?: ListType }, d: Dialect): Clause {
  const c = new Conditions(d);
  if (q.list !== undefined) c.add(q.list, (p) => `list = ${p}`);
  if (q.type !== undefined) c.add(q.type, (p) => `type = ${p}`);
  return c.clause("created_at, id");
}

/** The fields of a review case that updateCase may change. */
export type CasePatch = Partial<
  Pick<ReviewCase, "status" | "decidedAt" | "decisionId" | "score" | "summary">
>;

const casePatchColumns: Record<keyof CasePatch, string> = {
  status: "status",
  decidedAt: "decided_at",
  decisionId: "decision_id",
  score: "score",
  summary: "summary",
};

/** SET list and parameters for the defined fields of a case patch (empty when nothing to set). */
export function casePatchClause(patch: CasePatch, d: Dialect): { set: string; params: unknown[] } {
  const sets: string[] = [];
  const params: unknown[] = [];
  for (const key of Object.keys(casePatchColumns) as (keyof CasePatch)[]) {
    const value = patch[key];
    if (value === undefined) continue;
    params.push(value);
    sets.push(`${casePatchColumns[key]} = ${d.param(params.length)}`);
  }
  return { set: sets.join(", "), params };
}

/** Buckets must be whole positive milliseconds, or integer bucketing would misplace rows. */
export function assertBucket(bucketMs: number): void {
  if (!Number.isSafeInteger(bucketMs) || bucketMs <= 0)
    throw new Error(`trafficSeries: bucketMs must be a positive integer, got ${bucketMs}`);
}
