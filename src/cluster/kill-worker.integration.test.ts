// A worker process killed with SIGKILL mid-stream, then replaced: every published exchange is
// stored once and counted once in account state (no loss, no double count), through JetStream
// redelivery of unacked messages and the store's per-id dedupe.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCI } from "../config/index.js";
import { runSimulation } from "../simulate/index.js";
import type { Store } from "../store/index.js";
import { openBus, openSharedStore, publishFiles } from "./index.js";
import { partitionKey } from "./meta-keys.js";
import { PartitionState } from "./partition-state.js";
import { dropTestCluster, fileIds, servicesUnreachable, testCluster } from "./test-services.js";

const reason = await servicesUnreachable();
const skip = reason && !isCI() ? reason : undefined;
if (skip) console.warn(`skipping cluster kill test: ${skip}`);

const dir = mkdtempSync(join(tmpdir(), "dw-kill-"));
const { config, schema } = testCluster("kill", 4);
const file = join(dir, "sim", "exchanges.jsonl");
const configFile = join(dir, "config.json");
const main = join(import.meta.dirname, "..", "cli", "main.ts");

function startWorker(id: string): { child: ChildProcess; output: () => string } {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      main,
      "worker",
      "--config",
      configFile,
      "--partitions",
      "auto",
      "--id",
      id,
      "--schema",
      schema,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  child.stdout?.on("data", (b: Buffer) => (out += b.toString()));
  child.stderr?.on("data", (b: Buffer) => (out += b.toString()));
  return { child, output: () => out };
}

/** Exchanges counted in the stored partition snapshots (sum of profile counts). */
async function counted(store: Store): Promise<number> {
  let n = 0;
  for (let p = 0; p < config.cluster.partitions; p++) {
    const text = await store.getMeta(partitionKey(config.cluster.stream, p));
    if (text) n += PartitionState.fromJson(text).exchanges;
  }
  return n;
}

async function until(cond: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const exited = (c: ChildProcess) =>
  new Promise<void>((resolve) =>
    c.exitCode !== null || c.signalCode !== null ? resolve() : c.once("exit", () => resolve()),
  );

describe.skipIf(skip !== undefined)("a killed cluster worker", () => {
  let store: Store;
  beforeAll(async () => {
    await runSimulation({ scenario: "small", seed: 5, scale: 0.3, outDir: join(dir, "sim") });
    writeFileSync(configFile, JSON.stringify({ cluster: config.cluster }));
    store = await openSharedStore({ config, schema });
  }, 30_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
    await dropTestCluster(config, schema);
  });

  it("loses nothing and counts nothing twice once a new worker resumes", async () => {
    const ids = new Set(fileIds(file));
    const bus = await openBus(config);
    const published = await publishFiles({ files: [file], config, bus, threads: 0 });
    await bus.close();
    expect(published.published).toBe(ids.size);

    const a = startWorker("A");
    await until(async () => (await store.countExchanges()) >= 1500, 20_000);
    a.child.kill("SIGKILL");
    await exited(a.child);
    const rowsAtKill = await store.countExchanges();
    const countedAtKill = await counted(store);
    expect(rowsAtKill).toBeLessThan(ids.size); // killed mid-stream

    const b = startWorker("B");
    // Redelivery of A's unacked messages waits for the consumer's ack wait (10 s).
    await until(async () => (await counted(store)) >= ids.size, 45_000);
    b.child.kill("SIGTERM");
    await exited(b.child);

    expect(await store.countExchanges()).toBe(ids.size);
    expect(await counted(store)).toBe(ids.size);
    const accounts = await store.listAccounts({ limit: 10_000, offset: 0 });
    expect(accounts.items.reduce((n, v) => n + v.requests, 0)).toBe(ids.size);
    const m = /processed (\d+), recovered (\d+), duplicates (\d+)/.exec(b.output());
    expect(m, b.output()).not.toBeNull();
    const [processed, recovered] = [Number(m![1]), Number(m![2])];
    // B counted exactly what A had not snapshotted: new rows plus rows A stored but never counted.
    expect(processed + recovered).toBe(ids.size - countedAtKill);
    expect(recovered).toBe(rowsAtKill - countedAtKill);
  }, 80_000);
});
