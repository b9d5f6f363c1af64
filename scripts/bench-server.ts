// `npm run bench:server`: latency of every dashboard page's API calls on a large store.
// Seeds a SQLite store with 100k accounts and 1k campaigns (one of them 3,000 accounts, to
// exercise the graph cap), starts the analyst service on 127.0.0.1, and times each call over
// repeated requests through real HTTP: p50 / p95 / max in ms. Target: every call < 300 ms.
// Flags: --accounts N (100000), --campaigns N (1000), --reps N (30), --json.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseConfig } from "../src/config/index.js";
import { startServer } from "../src/server/index.js";
import { seedStore } from "../src/server/fixture/seed-store.js";
import { openSqliteStore } from "../src/store/index.js";

const { values } = parseArgs({
  options: {
    accounts: { type: "string" },
    campaigns: { type: "string" },
    reps: { type: "string" },
    json: { type: "boolean" },
  },
});
const accounts = Number(values.accounts ?? 100_000);
const campaigns = Number(values.campaigns ?? 1_000);
const reps = Number(values.reps ?? 30);
const targetMs = 300;

const dir = mkdtempSync(join(tmpdir(), "dw-bench-server-"));
const store = openSqliteStore(join(dir, "bench.db"));
const t0 = performance.now();
const fixture = await seedStore(store, {
  seed: 42,
  accounts,
  campaigns,
  attackShare: 0.2,
  exchangesPerAccount: 3,
  bigCampaign: Math.min(3_000, accounts / 10),
  cases: 200,
});
const seedSeconds = (performance.now() - t0) / 1000;
const server = await startServer({ port: 0, store, config: parseConfig({}) });
const key = server.adminKey as string;

const get = async (path: string) => {
  const res = await fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${key}` } });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  await res.arrayBuffer();
};
const post = async (path: string, body: unknown) => {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
};

// Realistic history: some confirmed campaigns (list entries, decisions, audit rows).
for (let i = 10; i < 60; i++)
  await post("/decisions", {
    subjectType: "campaign",
    subject: `c${i}`,
    action: "confirm",
    reason: "confirmed-distillation",
  });

const someAccount = `acct_${String(Math.floor(accounts / 2)).padStart(6, "0")}`;
const mid = `c${Math.ceil(campaigns / 2)}`;
const pages: Record<string, string[]> = {
  overview: ["/me", "/overview", "/traffic?bucketMs=3600000"],
  queue: ["/cases?status=open&limit=25", "/decisions/reasons"],
  campaigns: [
    "/campaigns?limit=50&sort=score",
    "/campaigns?limit=50&sort=accounts&offset=500",
    "/campaigns?limit=50&search=c99",
  ],
  "campaign (3k accounts)": ["/campaigns/c1", "/campaigns/c1/graph", "/campaigns/c1/accounts?limit=50"],
  // On demand (the "show up to 5,000 accounts" button), not part of a page load: reported, not held to the target.
  "campaign graph, all": ["/campaigns/c1/graph?maxNodes=5000"],
  "campaign (typical)": [
    `/campaigns/${mid}`,
    `/campaigns/${mid}/graph`,
    `/campaigns/${mid}/accounts?limit=50`,
  ],
  accounts: [
    "/accounts?limit=50&sort=score",
    "/accounts?limit=50&verdict=attack&offset=5000",
    "/accounts?limit=50&search=0123",
  ],
  account: [
    `/accounts/${someAccount}`,
    `/accounts/${someAccount}/timeline?limit=200`,
    `/accounts/${someAccount}/samples`,
  ],
  lists: ["/lists", "/rules"],
  audit: ["/audit?limit=50"],
};

const quantile = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
const rows: { page: string; call: string; cold: number; p50: number; p95: number; max: number }[] = [];
for (const [page, calls] of Object.entries(pages)) {
  for (const call of calls) {
    // The first call is reported apart (`cold`): it pays statement preparation and any cache fill.
    const c0 = performance.now();
    await get(call);
    const cold = performance.now() - c0;
    const times: number[] = [];
    for (let i = 0; i < reps; i++) {
      const s = performance.now();
      await get(call);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    rows.push({
      page,
      call,
      cold,
      p50: quantile(times, 0.5),
      p95: quantile(times, 0.95),
      max: times[times.length - 1] ?? 0,
    });
  }
}
await server.close();
await store.close();
rmSync(dir, { recursive: true, force: true });

const onDemand = new Set(["campaign graph, all"]);
const over = rows.filter((r) => r.max >= targetMs && !onDemand.has(r.page));
if (values.json) {
  console.log(
    JSON.stringify(
      { accounts, campaigns, exchanges: fixture.exchanges, seedSeconds, reps, targetMs, rows },
      null,
      2,
    ),
  );
} else {
  console.log(
    `store: ${accounts.toLocaleString("en-US")} accounts, ${campaigns} campaigns, ${fixture.exchanges.toLocaleString("en-US")} exchanges (seeded in ${seedSeconds.toFixed(1)} s); ${reps} requests per call`,
  );
  console.log(
    `${"page".padEnd(24)} ${"call".padEnd(52)} ${"cold ms".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max ms".padStart(8)}`,
  );
  for (const r of rows)
    console.log(
      `${r.page.padEnd(24)} ${r.call.padEnd(52)} ${r.cold.toFixed(1).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)}${r.max >= targetMs ? (onDemand.has(r.page) ? "  (on demand)" : "  > target") : ""}`,
    );
  console.log(
    over.length
      ? `${over.length} call(s) at or over ${targetMs} ms`
      : `every call under ${targetMs} ms (max over all: ${Math.max(...rows.map((r) => r.max)).toFixed(1)} ms)`,
  );
}
process.exitCode = over.length ? 1 : 0;
