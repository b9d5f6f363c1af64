// Row mapping shared by both adapters: each table's columns in a fixed order, a domain value →
// column values function, and a column record → domain value function. Both adapters return
// the same column records (the PostgreSQL pool parses int8 as number and leaves JSON as text),
// so the mapping lives here once. Absent optional fields are stored as NULL and read back as
// absent, so values round-trip unchanged.
import type { AccountVerdict, Campaign, CampaignIndicators, Reason, VerdictLabel } from "../scoring/types.js";
import type {
  ApiKeyRecord,
  AuditEntry,
  CaseStatus,
  Decision,
  DecisionAction,
  EvidenceSample,
  ExchangeRow,
  ListEntry,
  ListKind,
  ListType,
  ReviewCase,
  Role,
} from "./types.js";

/** A row as the driver returns it: column name → value. */
export type Columns = Record<string, unknown>;

const str = (v: unknown): string => v as string;
const num = (v: unknown): number => v as number;
/** NULL → absent, so the optional field is left out of the domain value. */
const opt = <T>(v: unknown): T | undefined => (v === null || v === undefined ? undefined : (v as T));
const json = <T>(v: unknown): T => JSON.parse(v as string) as T;

/** Copies only the defined entries, so absent optional fields stay absent. */
function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** Columns of `exchanges`, in the order `exchangeValues` produces. */
export const exchangeColumns = [
  "id",
  "ts",
  "account",
  "end_user",
  "key",
  "ip",
  "asn",
  "payment",
  "user_agent",
  "model",
  "endpoint",
  "template",
  "input_tokens",
  "output_tokens",
  "signals",
  "capability",
] as const;

/** Column values of one exchange, in `exchangeColumns` order (hot path: no intermediate object). */
export function exchangeValues(r: ExchangeRow): unknown[] {
  return [
    r.id,
    r.ts,
    r.account,
    r.endUser ?? null,
    r.key ?? null,
    r.ip ?? null,
    r.asn ?? null,
    r.payment ?? null,
    r.userAgent ?? null,
    r.model ?? null,
    r.endpoint ?? null,
    r.template ?? null,
    r.inputTokens,
    r.outputTokens,
    JSON.stringify(r.signals),
    r.capability ?? null,
  ];
}

/** An exchange from its stored columns. */
export function toExchange(c: Columns): ExchangeRow {
  return defined<ExchangeRow>({
    id: str(c.id),
    ts: num(c.ts),
    account: str(c.account),
    endUser: opt(c.end_user),
    key: opt(c.key),
    ip: opt(c.ip),
    asn: opt(c.asn),
    payment: opt(c.payment),
    userAgent: opt(c.user_agent),
    model: opt(c.model),
    endpoint: opt(c.endpoint),
    template: opt(c.template),
    inputTokens: num(c.input_tokens),
    outputTokens: num(c.output_tokens),
    signals: json<Record<string, number>>(c.signals),
    capability: opt(c.capability),
  });
}

/** Columns of `samples`, in the order `sampleValues` produces. */
export const sampleColumns = [
  "account",
  "exchange_id",
  "ts",
  "system",
  "prompt",
  "output",
  "template",
] as const;

/** Column values of one evidence sample. */
export function sampleValues(s: EvidenceSample): unknown[] {
  return [s.account, s.exchangeId, s.ts, s.system ?? null, s.prompt, s.output ?? null, s.template ?? null];
}

/** An evidence sample from its stored columns. */
export function toSample(c: Columns): EvidenceSample {
  return defined<EvidenceSample>({
    account: str(c.account),
    exchangeId: str(c.exchange_id),
    ts: num(c.ts),
    system: opt(c.system),
    prompt: str(c.prompt),
    output: opt(c.output),
    template: opt(c.template),
  });
}

/** Columns of `accounts`: the verdict fields as columns, reasons as JSON. */
export const accountColumns = [
  "account",
  "score",
  "verdict",
  "campaign",
  "first_flagged_at",
  "reasons",
  "requests",
  "first_seen",
  "last_seen",
] as const;

/** Column values of one account verdict. */
export function accountValues(v: AccountVerdict): unknown[] {
  return [
    v.account,
    v.score,
    v.verdict,
    v.campaign,
    v.firstFlaggedAt,
    JSON.stringify(v.reasons),
    v.requests,
    v.firstSeen,
    v.lastSeen,
  ];
}

/** An account verdict from its stored columns. */
export function toAccount(c: Columns): AccountVerdict {
  return {
    account: str(c.account),
    score: num(c.score),
    verdict: str(c.verdict) as VerdictLabel,
    campaign: (c.campaign as string | null) ?? null,
    firstFlaggedAt: (c.first_flagged_at as number | null) ?? null,
    reasons: json<Reason[]>(c.reasons),
    requests: num(c.requests),
    firstSeen: num(c.first_seen),
    lastSeen: num(c.last_seen),
  };
}

/** Columns of `campaigns`; `account_count` exists so campaigns sort by size in SQL. */
export const campaignColumns = [
  "campaign",
  "score",
  "requests",
  "first_seen",
  "last_seen",
  "account_count",
  "accounts",
  "targets",
  "indicators",
  "reasons",
] as const;

/** Column values of one campaign. */
export function campaignValues(c: Campaign): unknown[] {
  return [
    c.campaign,
    c.score,
    c.requests,
    c.firstSeen,
    c.lastSeen,
    c.accounts.length,
    JSON.stringify(c.accounts),
    JSON.stringify(c.targets),
    JSON.stringify(c.indicators),
    JSON.stringify(c.reasons),
  ];
}

/** A campaign from its stored columns. */
export function toCampaign(c: Columns): Campaign {
  return {
    campaign: str(c.campaign),
    accounts: json<string[]>(c.accounts),
    score: num(c.score),
    requests: num(c.requests),
    firstSeen: num(c.first_seen),
    lastSeen: num(c.last_seen),
    targets: json<string[]>(c.targets),
    indicators: json<CampaignIndicators>(c.indicators),
    reasons: json<Reason[]>(c.reasons),
  };
}

/** Columns of `decisions`. */
export const decisionColumns = [
  "id",
  "subject_type",
  "subject",
  "action",
  "reason",
  "note",
  "actor",
  "at",
] as const;

/** Column values of one decision. */
export function decisionValues(d: Decision): unknown[] {
  return [d.id, d.subjectType, d.subject, d.action, d.reason, d.note ?? null, d.actor, d.at];
}

/** A decision from its stored columns. */
export function toDecision(c: Columns): Decision {
  return defined<Decision>({
    id: str(c.id),
    subjectType: str(c.subject_type) as Decision["subjectType"],
    subject: str(c.subject),
    action: str(c.action) as DecisionAction,
    reason: str(c.reason),
    note: opt(c.note),
    actor: str(c.actor),
    at: num(c.at),
  });
}

/** Columns of `list_entries`. */
export const listEntryColumns = [
  "id",
  "list",
  "type",
  "value",
  "note",
  "created_by",
  "created_at",
  "expires_at",
] as const;

/** Column values of one list entry. */
export function listEntryValues(e: ListEntry): unknown[] {
  return [
    e.id,
    e.list,
    e.type,
    e.value,
    e.note ?? null,
    e.createdBy ?? null,
    e.createdAt,
    e.expiresAt ?? null,
  ];
}

/** A list entry from its stored columns. */
export function toListEntry(c: Columns): ListEntry {
  return defined<ListEntry>({
    id: str(c.id),
    list: str(c.list) as ListKind,
    type: str(c.type) as ListType,
    value: str(c.value),
    note: opt(c.note),
    createdBy: opt(c.created_by),
    createdAt: num(c.created_at),
    expiresAt: opt(c.expires_at),
  });
}

/** Columns of `cases`. */
export const caseColumns = [
  "id",
  "subject_type",
  "subject",
  "score",
  "status",
  "opened_at",
  "decided_at",
  "decision_id",
  "summary",
] as const;

/** Column values of one review case. */
export function caseValues(r: ReviewCase): unknown[] {
  return [
    r.id,
    r.subjectType,
    r.subject,
    r.score,
    r.status,
    r.openedAt,
    r.decidedAt ?? null,
    r.decisionId ?? null,
    r.summary,
  ];
}

/** A review case from its stored columns. */
export function toCase(c: Columns): ReviewCase {
  return defined<ReviewCase>({
    id: str(c.id),
    subjectType: str(c.subject_type) as ReviewCase["subjectType"],
    subject: str(c.subject),
    score: num(c.score),
    status: str(c.status) as CaseStatus,
    openedAt: num(c.opened_at),
    decidedAt: opt(c.decided_at),
    decisionId: opt(c.decision_id),
    summary: str(c.summary),
  });
}

/** Columns of `audit` the caller provides (the adapters add an insertion sequence). */
export const auditColumns = ["id", "at", "actor", "action", "subject", "rule", "detail"] as const;

/** Column values of one audit entry. */
export function auditValues(e: AuditEntry): unknown[] {
  return [
    e.id,
    e.at,
    e.actor,
    e.action,
    e.subject ?? null,
    e.rule ?? null,
    e.detail === undefined ? null : JSON.stringify(e.detail),
  ];
}

/** An audit entry from its stored columns. */
export function toAudit(c: Columns): AuditEntry {
  return defined<AuditEntry>({
    id: str(c.id),
    at: num(c.at),
    actor: str(c.actor),
    action: str(c.action),
    subject: opt(c.subject),
    rule: opt(c.rule),
    detail: c.detail === null || c.detail === undefined ? undefined : json<Record<string, unknown>>(c.detail),
  });
}

/** Columns of `api_keys`. */
export const apiKeyColumns = ["id", "name", "role", "hash", "created_at", "revoked_at"] as const;

/** Column values of one API key record. */
export function apiKeyValues(k: ApiKeyRecord): unknown[] {
  return [k.id, k.name, k.role, k.hash, k.createdAt, k.revokedAt ?? null];
}

/** An API key record from its stored columns. */
export function toApiKey(c: Columns): ApiKeyRecord {
  return defined<ApiKeyRecord>({
    id: str(c.id),
    name: str(c.name),
    role: str(c.role) as Role,
    hash: str(c.hash),
    createdAt: num(c.created_at),
    revokedAt: opt(c.revoked_at),
  });
}
