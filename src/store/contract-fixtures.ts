// Deterministic fixtures for the store contract: a seeded generator (mulberry32) so every
// adapter sees identical data, and builders that fill every field so round-trips are complete.
import { mulberry32 } from "../shared/prng.js";
import type { AccountVerdict, Campaign, VerdictLabel } from "../scoring/types.js";
import type {
  ApiKeyRecord,
  AuditEntry,
  Decision,
  EvidenceSample,
  ExchangeRow,
  ListEntry,
  ReviewCase,
} from "./types.js";

/** mulberry32: a tiny seeded PRNG; values in [0, 1). */
export const seeded = mulberry32;

/** Start of the fixture timeline (epoch ms). */
export const t0 = Date.UTC(2025, 0, 6, 9, 0, 0);

/** An exchange with every optional field set. */
export function exchange(
  id: string,
  account: string,
  ts: number,
  rand: () => number = seeded(ts),
): ExchangeRow {
  return {
    id,
    ts,
    account,
    endUser: `eu-${account}`,
    key: `key-${account}`,
    ip: `203.0.113.${Math.floor(rand() * 250)}`,
    asn: 64500 + Math.floor(rand() * 20),
    payment: `pm-${account}`,
    userAgent: "python-httpx/0.27",
    model: "frontier-1",
    endpoint: "/v1/chat/completions",
    template: Math.floor(rand() * 0xffffff).toString(16),
    inputTokens: 100 + Math.floor(rand() * 900),
    outputTokens: 200 + Math.floor(rand() * 1800),
    signals: { cot: rand(), synthetic: rand() },
    capability: "reasoning",
  };
}

/** An exchange with only the required fields. */
export function bareExchange(id: string, account: string, ts: number): ExchangeRow {
  return { id, ts, account, inputTokens: 1, outputTokens: 2, signals: {} };
}

/** An account verdict; attack verdicts carry a first-flagged time. */
export function verdict(
  account: string,
  score: number,
  label: VerdictLabel,
  extra: Partial<AccountVerdict> = {},
): AccountVerdict {
  return {
    account,
    score,
    verdict: label,
    campaign: null,
    firstFlaggedAt: label === "attack" ? t0 + 1000 : null,
    reasons: [
      { signal: "shared-template", weight: score / 2, detail: `${account} shares a prompt template` },
    ],
    requests: Math.round(score * 1000),
    firstSeen: t0,
    lastSeen: t0 + Math.round(score * 1e6),
    ...extra,
  };
}

/** A campaign over the given accounts. */
export function campaign(
  id: string,
  accounts: string[],
  score: number,
  extra: Partial<Campaign> = {},
): Campaign {
  return {
    campaign: id,
    accounts,
    score,
    requests: accounts.length * 100,
    firstSeen: t0,
    lastSeen: t0 + Math.round(score * 1e6),
    targets: ["reasoning", "coding"],
    indicators: {
      ipPrefixes: ["203.0.113.0/24"],
      asns: [64501],
      payments: ["pm-1"],
      userAgents: ["python-httpx/0.27"],
      templates: ["a1b2c3"],
      emailDomains: ["example.net"],
      timing: ["12 accounts signed up within 4 minutes"],
    },
    reasons: [{ signal: "shared-payment", weight: 0.4, detail: "accounts share one payment method" }],
    ...extra,
  };
}

/** An evidence sample with every optional field set. */
export function sample(account: string, exchangeId: string, ts: number): EvidenceSample {
  return {
    account,
    exchangeId,
    ts,
    system: "You are a helpful assistant.",
    prompt: `Solve step by step #${exchangeId}`,
    output: "Step 1 …",
    template: "a1b2c3",
  };
}

/** A decision about an account. */
export function decision(id: string, subject: string, at: number, extra: Partial<Decision> = {}): Decision {
  return {
    id,
    subjectType: "account",
    subject,
    action: "block",
    reason: "confirmed-distillation",
    note: "clear template reuse",
    actor: "ana",
    at,
    ...extra,
  };
}

/** A list entry with every optional field set. */
export function listEntry(id: string, extra: Partial<ListEntry> = {}): ListEntry {
  return {
    id,
    list: "block",
    type: "ip",
    value: "198.51.100.0/24",
    note: "proxy range",
    createdBy: "ana",
    createdAt: t0,
    expiresAt: t0 + 86_400_000,
    ...extra,
  };
}

/** An open review case. */
export function reviewCase(
  id: string,
  subject: string,
  score: number,
  extra: Partial<ReviewCase> = {},
): ReviewCase {
  return {
    id,
    subjectType: "account",
    subject,
    score,
    status: "open",
    openedAt: t0,
    summary: `${subject} looks coordinated`,
    ...extra,
  };
}

/** An audit entry. */
export function audit(id: string, at: number, extra: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    at,
    actor: "ana",
    action: "decide",
    subject: "acct-1",
    rule: "block-confirmed",
    detail: { score: 0.91, list: ["a"] },
    ...extra,
  };
}

/** An API key record. */
export function apiKey(id: string, hash: string, extra: Partial<ApiKeyRecord> = {}): ApiKeyRecord {
  return { id, name: `key ${id}`, role: "analyst", hash, createdAt: t0, ...extra };
}
