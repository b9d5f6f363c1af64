// Store benchmark for `npm run bench`: SQLite insertExchanges throughput on the pipeline's batch
// shape (1M rows in 5k-row batches, into a temp file with the production pragmas), and dashboard
// query latency (listAccounts/listCampaigns with filters) at 100k accounts and 1k campaigns.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AccountVerdict, Campaign, VerdictLabel } from "../scoring/types.js";
import { seeded } from "./contract-fixtures.js";
import { openSqliteStore } from "./sqlite/index.js";
import type { AccountQuery, CampaignQuery, ExchangeRow, Store } from "./types.js";

const exchangesTotal = 1_000_000;
const batchSize = 5_000;
const accountsTotal = 100_000;
const campaignsTotal = 1_000;
const queries = 50;
const t0 = Date.UTC(2025, 0, 6);

function exchangeBatch(start: number, rand: () => number): ExchangeRow[] {
  return Array.from({ length: batchSize }, (_, j) => {
    const i = start + j;
    const acct = Math.floor(rand() * accountsTotal);
    return {
      id: `ex-${i.toString(36)}-${Math.floor(rand() * 1e9).toString(36)}`,
      ts: t0 + i * 16,
      account: `acct-${acct}`,
      key: `key-${acct}`,
      ip: `10.${acct % 250}.${i % 250}.7`,
      asn: 64500 + (acct % 40),
      userAgent: "python-httpx/0.27",
      model: "frontier-1",
      endpoint: "/v1/chat/completions",
      template: Math.floor(rand() * 5000).toString(16),
      inputTokens: 100 + (i % 900),
      outputTokens: 200 + (i % 1800),
      signals: { cot: Math.round(rand() * 1000) / 1000, synthetic: Math.round(rand() * 1000) / 1000 },
      capability: "reasoning",
    };
  });
}

/** Milliseconds taken by `fn`. */
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Wall and CPU milliseconds spent inside insertExchanges (CPU separates work from a busy host). */
async function benchInsert(store: Store): Promise<{ ms: number; cpuMs: number }> {
  const rand = seeded(1);
  let ms = 0;
  let cpuMicros = 0;
  for (let i = 0; i < exchangesTotal; i += batchSize) {
    const batch = exchangeBatch(i, rand); // generated outside the timed section
    const cpu = process.cpuUsage();
    ms += await timed(() => store.insertExchanges(batch));
    const used = process.cpuUsage(cpu);
    cpuMicros += used.user + used.system;
  }
  return { ms, cpuMs: cpuMicros / 1000 };
}

async function fillVerdicts(store: Store): Promise<void> {
  const rand = seeded(2);
  const labels: VerdictLabel[] = ["benign", "benign", "benign", "review", "attack"];
  const verdicts: AccountVerdict[] = Array.from({ length: accountsTotal }, (_, i) => {
    const verdict = labels[Math.floor(rand() * labels.length)] ?? "benign";
    const score = Math.round(rand() * 1e4) / 1e4;
    return {
      account: `acct-${i}`,
      score,
      verdict,
      campaign: verdict === "attack" ? `camp-${i % campaignsTotal}` : null,
      firstFlaggedAt: verdict === "attack" ? t0 : null,
      reasons: [{ signal: "shared-template", weight: score, detail: "shares a template" }],
      requests: Math.floor(rand() * 5000),
      firstSeen: t0,
      lastSeen: t0 + Math.floor(rand() * 8.64e7),
    };
  });
  await store.putAccounts(verdicts);
  const campaigns: Campaign[] = Array.from({ length: campaignsTotal }, (_, i) => ({
    campaign: `camp-${i}`,
    accounts: Array.from({ length: 5 + (i % 40) }, (_, j) => `acct-${i + j * campaignsTotal}`),
    score: Math.round(rand() * 1e4) / 1e4,
    requests: Math.floor(rand() * 1e5),
    firstSeen: t0,
    lastSeen: t0 + Math.floor(rand() * 8.64e7),
    targets: ["reasoning"],
    reasons: [{ signal: "shared-payment", weight: 0.4, detail: "shared payment" }],
    indicators: {
      ipPrefixes: ["10.0.0.0/24"],
      asns: [64501],
      payments: [],
      userAgents: [],
      templates: [],
      emailDomains: [],
      timing: [],
    },
  }));
  await store.replaceCampaigns(campaigns);
}

/** p50 and max latency (ms) of `queries` calls of `run` over varied queries. */
async function latency<Q>(
  make: (i: number) => Q,
  run: (q: Q) => Promise<unknown>,
): Promise<{ p50: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < queries; i++) {
    const q = make(i);
    times.push(await timed(() => run(q)));
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), max: times[times.length - 1] ?? 0 };
}

const accountSorts = ["score", "requests", "lastSeen", "account"] as const;
const campaignSorts = ["score", "accounts", "requests", "lastSeen"] as const;
const verdicts = [undefined, "attack", "review", "benign"] as const;

function accountQuery(i: number): AccountQuery {
  return {
    verdict: verdicts[i % 4],
    sort: accountSorts[i % 4],
    limit: 50,
    offset: (i % 10) * 50,
    minScore: i % 3 === 0 ? 0.5 : undefined,
    search: i % 5 === 0 ? `${i % 10}7` : undefined,
    campaign: i % 7 === 0 ? `camp-${i}` : undefined,
  };
}

function campaignQuery(i: number): CampaignQuery {
  return {
    sort: campaignSorts[i % 4],
    limit: 50,
    offset: (i % 5) * 50,
    minScore: i % 2 ? 0.3 : undefined,
    search: i % 3 === 0 ? `${i % 10}` : undefined,
  };
}

/** Runs the store benchmark; keys are metric names, values rows/s or milliseconds. */
export async function benchStore(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), "distillwatch-bench-"));
  const store = openSqliteStore(join(dir, "bench.db"));
  try {
    const insert = await benchInsert(store);
    await fillVerdicts(store);
    const accounts = await latency(accountQuery, (q) => store.listAccounts(q));
    const campaigns = await latency(campaignQuery, (q) => store.listCampaigns(q));
    return {
      "sqlite.insertExchanges.rows": exchangesTotal,
      "sqlite.insertExchanges.ms": Math.round(insert.ms),
      "sqlite.insertExchanges.cpuMs": Math.round(insert.cpuMs),
      "sqlite.insertExchanges.rowsPerSec": Math.round((exchangesTotal / insert.ms) * 1000),
      "sqlite.listAccounts.p50Ms": round2(accounts.p50),
      "sqlite.listAccounts.maxMs": round2(accounts.max),
      "sqlite.listCampaigns.p50Ms": round2(campaigns.p50),
      "sqlite.listCampaigns.maxMs": round2(campaigns.max),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
