// Three workers, a coordinator and the publisher on the real NATS and PostgreSQL reach the
// verdicts of the single-process `analyze` over the same simulated traffic.
//
// "Same" means, for every account: the same verdict label, the same score (both are rounded to
// 0.1 by toScore; equal, not close) and the same request count; and the same campaigns up to
// relabelling (equal sets of member sets). Exact agreement is the right bar because nothing
// in the cluster path is approximate: template ids and sharing counts are assigned once by the
// publisher in the same order as the single engine, workers fold exchanges with the engine's
// per-account code, and the coordinator clusters the same profiles in the same order.
// first_flagged_at is excluded: it records when, in event time, an account first crossed the
// threshold, which depends on when each process happened to recluster.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAnalyze } from "../analyze/run-analyze.js";
import { partitionsFor } from "../bus/index.js";
import { isCI } from "../config/index.js";
import { runSimulation } from "../simulate/index.js";
import type { AccountVerdict, Campaign } from "../scoring/index.js";
import {
  coordinateOnce,
  DecisionPublisher,
  openBus,
  openSharedStore,
  publishFiles,
  runWorker,
} from "./index.js";
import { dropTestCluster, servicesUnreachable, testCluster } from "./test-services.js";

const reason = await servicesUnreachable();
const skip = reason && !isCI() ? reason : undefined;
if (skip) console.warn(`skipping cluster integration tests: ${skip}`);

const dir = mkdtempSync(join(tmpdir(), "dw-cluster-"));
const { config, schema } = testCluster("eq", 8);
const file = join(dir, "sim", "exchanges.jsonl");

/** Campaigns as a set of sorted member lists, ignoring ids. */
function grouping(campaigns: Pick<Campaign, "accounts">[]): string[] {
  return campaigns.map((c) => [...c.accounts].sort().join(",")).sort();
}

describe.skipIf(skip !== undefined)("cluster workers", () => {
  beforeAll(async () => {
    await runSimulation({ scenario: "small", seed: 11, scale: 0.3, outDir: join(dir, "sim") });
  }, 30_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropTestCluster(config, schema);
  });

  it("publish input out of event-time order from a copy sorted by time", async () => {
    const lines = readFileSync(file, "utf8").split("\n").filter(Boolean).slice(0, 600);
    // two gateways' logs one after the other, each sorted, covering the same hours
    const mixed = [...lines.filter((_, i) => i % 2), ...lines.filter((_, i) => i % 2 === 0)];
    const p = join(dir, "gateways.jsonl");
    writeFileSync(p, mixed.join("\n") + "\n");
    const other = testCluster("order", 2);
    const bus = await openBus(other.config);
    try {
      const stats = await publishFiles({ files: [p], config: other.config, bus, threads: 0 });
      expect(stats.sorted).toMatch(/gateways\.jsonl goes back in time/);
      expect(stats.published).toBe(600);
    } finally {
      await bus.close();
      await dropTestCluster(other.config, other.schema);
    }
  }, 30_000);

  it("reach the same verdicts and campaigns as the single-process analysis", async () => {
    const single = await runAnalyze({ files: [file], outDir: join(dir, "single"), config, threads: 0 });
    const singleAccounts = new Map(
      readFileSync(join(dir, "single", "accounts.jsonl"), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => {
          const v = JSON.parse(l) as { account: string; score: number; verdict: string; requests: number };
          return [v.account, v] as const;
        }),
    );

    const bus = await openBus(config);
    const published = await publishFiles({ files: [file], config, bus, threads: 0 });
    await bus.close();
    expect(published.published).toBe(single.summary.events.exchanges);

    // A gateway's view: every decision published to the KV bucket, with its delay.
    const watchBus = await openBus(config);
    const decisions = new Map<string, { verdict: string; lagMs: number }>();
    const stopWatch = await watchBus.watchDecisions((u) =>
      decisions.set(u.account, { verdict: u.verdict, lagMs: Date.now() - u.at }),
    );

    const workers = await Promise.all(
      [0, 1, 2].map((i) =>
        runWorker({
          config,
          schema,
          partitions: partitionsFor(i, 3, 8),
          workerId: `w${i}`,
          snapshotEveryMs: 200,
        }),
      ),
    );
    const deadline = Date.now() + 40_000;
    while (
      workers.reduce((n, w) => n + w.stats().processed, 0) < published.published &&
      Date.now() < deadline
    )
      await new Promise((r) => setTimeout(r, 200));
    await Promise.all(workers.map((w) => w.stop()));
    expect(workers.reduce((n, w) => n + w.stats().processed, 0)).toBe(published.published);
    expect(workers.reduce((n, w) => n + w.stats().duplicates + w.stats().recovered, 0)).toBe(0);

    const store = await openSharedStore({ config, schema });
    const coordBus = await openBus(config);
    try {
      const pass = await coordinateOnce(store, config, new DecisionPublisher(store, coordBus));
      expect(pass.exchanges).toBe(published.published);
      expect(await store.countExchanges()).toBe(published.published);
      const clusterAccounts: AccountVerdict[] = (await store.listAccounts({ limit: 10_000, offset: 0 }))
        .items;
      expect(clusterAccounts.length).toBe(singleAccounts.size);
      const mismatches = clusterAccounts.filter((v) => {
        const s = singleAccounts.get(v.account);
        return !s || s.verdict !== v.verdict || s.score !== v.score || s.requests !== v.requests;
      });
      expect(
        mismatches
          .slice(0, 5)
          .map(
            (v) =>
              `${v.account}: ${v.verdict} ${v.score} vs ${singleAccounts.get(v.account)?.verdict} ${singleAccounts.get(v.account)?.score}`,
          ),
      ).toEqual([]);
      const clusterCampaigns = (await store.listCampaigns({ limit: 1000, offset: 0 })).items;
      expect(grouping(clusterCampaigns)).toEqual(grouping(single.campaigns));
      const attacks = clusterAccounts.filter((v) => v.verdict === "attack");
      expect(attacks.length).toBeGreaterThan(10);
      // Decisions reach a watcher within seconds.
      const end = Date.now() + 5000;
      while (attacks.some((v) => decisions.get(v.account)?.verdict !== "attack") && Date.now() < end)
        await new Promise((r) => setTimeout(r, 50));
      expect(
        attacks.filter((v) => decisions.get(v.account)?.verdict !== "attack").map((v) => v.account),
      ).toEqual([]);
      expect(Math.max(...[...decisions.values()].map((d) => d.lagMs))).toBeLessThan(3000);
    } finally {
      await stopWatch();
      await watchBus.close();
      await coordBus.close();
      await store.close();
    }
  }, 80_000);
});
