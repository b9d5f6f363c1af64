// The store interface the engine, the CLI, the gateway and the analyst service depend on.
// Adapters (store/sqlite, store/postgres) implement it; one contract test suite runs against
// each. Methods are async so that network-backed adapters fit the same shape.
import type { AccountVerdict, Campaign } from "../scoring/types.js";

/** Compact per-exchange row: ids, time, account and infrastructure fields, hashes, signals. */
export interface ExchangeRow {
  id: string;
  ts: number;
  account: string;
  endUser?: string;
  key?: string;
  ip?: string;
  asn?: number;
  payment?: string;
  userAgent?: string;
  model?: string;
  endpoint?: string;
  /** Template cluster id from template mining (hex). */
  template?: string;
  inputTokens: number;
  outputTokens: number;
  /** Per-exchange signal scores, 0..1, keyed by signal id (e.g. `cot`, `synthetic`). */
  signals: Record<string, number>;
  capability?: string;
}

/** A bounded sample of raw prompt text kept per account as evidence. */
export interface EvidenceSample {
  account: string;
  exchangeId: string;
  ts: number;
  system?: string;
  prompt: string;
  output?: string;
  template?: string;
}

export type ListKind = "allow" | "block";
export type ListType = "account" | "key" | "ip" | "asn" | "payment" | "template";

/** One entry on a typed allow/block list (IP entries may be CIDRs). */
export interface ListEntry {
  id: string;
  list: ListKind;
  type: ListType;
  value: string;
  note?: string;
  createdBy?: string;
  createdAt: number;
  /** Optional expiry, epoch ms. */
  expiresAt?: number;
}

export type DecisionAction =
  | "allow"
  | "review"
  | "throttle"
  | "degrade"
  | "block"
  | "confirm"
  | "false-positive";

/** An analyst's or a rule's decision about an account or a campaign. */
export interface Decision {
  id: string;
  subjectType: "account" | "campaign";
  subject: string;
  action: DecisionAction;
  /** Reason taxonomy entry, e.g. `confirmed-distillation`, `legitimate-eval`, `insufficient-evidence`. */
  reason: string;
  note?: string;
  actor: string;
  at: number;
}

export type CaseStatus = "open" | "decided" | "dismissed";

/** A review case in the analyst queue. */
export interface ReviewCase {
  id: string;
  subjectType: "account" | "campaign";
  subject: string;
  score: number;
  status: CaseStatus;
  openedAt: number;
  decidedAt?: number;
  decisionId?: string;
  summary: string;
}

/** One line of the audit log: who did what, and which rule fired. */
export interface AuditEntry {
  id: string;
  at: number;
  actor: string;
  action: string;
  subject?: string;
  rule?: string;
  detail?: Record<string, unknown>;
}

export type Role = "viewer" | "analyst" | "admin";

/** An API key for the analyst service; only its hash is stored. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  hash: string;
  createdAt: number;
  revokedAt?: number;
}

/** A page of results with the total matching count. */
export interface Page<T> {
  items: T[];
  total: number;
}

export interface AccountQuery {
  verdict?: AccountVerdict["verdict"];
  campaign?: string;
  /** Substring match on the account id. */
  search?: string;
  minScore?: number;
  sort?: "score" | "requests" | "lastSeen" | "account";
  limit: number;
  offset: number;
}

export interface CampaignQuery {
  minScore?: number;
  search?: string;
  sort?: "score" | "accounts" | "requests" | "lastSeen";
  limit: number;
  offset: number;
}

/** Everything distillwatch persists. */
export interface Store {
  /** Inserts rows; returns, per row, whether it was new (a repeated id has no further effect). */
  insertExchanges(rows: ExchangeRow[]): Promise<boolean[]>;
  listExchanges(q: { account: string; limit: number; before?: number }): Promise<ExchangeRow[]>;
  countExchanges(): Promise<number>;
  /** Traffic histogram: exchanges and flagged-account exchanges per bucket of `bucketMs`. */
  trafficSeries(bucketMs: number): Promise<{ t: number; total: number; flagged: number }[]>;

  addSamples(samples: EvidenceSample[]): Promise<void>;
  listSamples(account: string, limit: number): Promise<EvidenceSample[]>;

  /** Replaces the stored verdicts of the given accounts (upsert). */
  putAccounts(verdicts: AccountVerdict[]): Promise<void>;
  getAccount(account: string): Promise<AccountVerdict | undefined>;
  listAccounts(q: AccountQuery): Promise<Page<AccountVerdict>>;

  /** Replaces the whole campaign set with the engine's current one. */
  replaceCampaigns(campaigns: Campaign[]): Promise<void>;
  getCampaign(id: string): Promise<Campaign | undefined>;
  listCampaigns(q: CampaignQuery): Promise<Page<Campaign>>;

  addDecision(d: Decision): Promise<void>;
  listDecisions(q: { subject?: string; limit: number; offset: number }): Promise<Page<Decision>>;

  addListEntry(e: ListEntry): Promise<void>;
  removeListEntry(id: string): Promise<boolean>;
  listListEntries(q?: { list?: ListKind; type?: ListType }): Promise<ListEntry[]>;

  /** Opens a case unless one is already open for the subject; returns the open case. */
  openCase(c: ReviewCase): Promise<ReviewCase>;
  updateCase(
    id: string,
    patch: Partial<Pick<ReviewCase, "status" | "decidedAt" | "decisionId" | "score" | "summary">>,
  ): Promise<ReviewCase | undefined>;
  getCase(id: string): Promise<ReviewCase | undefined>;
  listCases(q: { status?: CaseStatus; limit: number; offset: number }): Promise<Page<ReviewCase>>;

  appendAudit(e: AuditEntry): Promise<void>;
  listAudit(q: { limit: number; offset: number; actor?: string; action?: string }): Promise<Page<AuditEntry>>;

  putApiKey(k: ApiKeyRecord): Promise<void>;
  findApiKeyByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  listApiKeys(): Promise<ApiKeyRecord[]>;

  /** Small key/value metadata (last run summary, engine checkpoints). */
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;

  close(): Promise<void>;
}
