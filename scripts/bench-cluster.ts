// `npm run bench:cluster`: end-to-end throughput of the cluster path on this machine — publish
// → NATS JetStream → worker processes → PostgreSQL — with 1 and then 2 workers, plus each
// stage alone so the bottleneck is named from measurements, not guessed:
//   prepare   decode + validate + content signals + template keys (publisher CPU)
//   publish   JetStream publishes of ready envelopes (acked, Nats-Msg-Id dedupe)
//   consume   fetch + ack from one durable consumer, no processing
//   pg insert insertExchanges in worker-sized batches (ON CONFLICT DO NOTHING RETURNING)
//   fold      profile updates + verdict scoring in memory
// Needs NATS (127.0.0.1:4222) and PostgreSQL (127.0.0.1:5432); every stream and schema it
// creates is removed. Flags: --scale N (simulator scale of scenario `small`, default 1),
// --timeout S (per end-to-end run, default 120), --json. The worker runs are repeated on a
// prefilled stream, which times the workers alone (no publisher competing for the CPU).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { ExchangeEnvelope } from "../src/bus/index.js";
import { openBus, openSharedStore, publishFiles } from "../src/cluster/index.js";
import { toExchangeRow } from "../src/cluster/exchange-row.js";
import { PartitionState } from "../src/cluster/partition-state.js";
import { scoreAccount } from "../src/cluster/score-account.js";
import { dropTestCluster, servicesUnreachable, testCluster } from "../src/cluster/test-services.js";
import { runSimulation } from "../src/simulate/index.js";

const { values } = parseArgs({
  options: { scale: { type: "string" }, timeout: { type: "string" }, json: { type: "boolean" } },
});
const scale = Number(values.scale ?? 1);
const timeoutMs = Number(values.timeout ?? 120) * 1000;
const BATCH = 500;

const down = await servicesUnreachable();
if (down) {
  console.error(`bench:cluster needs NATS and PostgreSQL: ${down}`);
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), "dw-bench-cluster-"));
const file = join(dir, "sim", "exchanges.jsonl");
const sim = await runSimulation({ scenario: "small", seed: 3, scale, outDir: join(dir, "sim") });
const n = sim.exchanges;
const rate = (count: number, ms: number) => Math.round((count / ms) * 1000);
const results: Record<string, number> = {};
const cleanups: (() => Promise<void>)[] = [];

function cluster(tag: string, partitions = 8) {
  const c = testCluster(tag, partitions);
  cleanups.push(() => dropTestCluster(c.config, c.schema));
  return c;
}

// Stage: prepare + publish (also captures the envelopes for the other stage measurements).
{
  const { config } = cluster("pub");
  const bus = await openBus(config);
  const envelopes: ExchangeEnvelope[] = [];
  const capture = {
    ...bus,
    partitions: bus.partitions,
    publishExchanges: async (e: ExchangeEnvelope[]) => (
      envelopes.push(...e),
      { published: e.length, duplicates: 0 }
    ),
  };
  let t0 = performance.now();
  await publishFiles({ files: [file], config, bus: capture, threads: 0 });
  results.prepare = rate(n, performance.now() - t0);
  t0 = performance.now();
  for (let i = 0; i < envelopes.length; i += 2000) await bus.publishExchanges(envelopes.slice(i, i + 2000));
  results.publish = rate(n, performance.now() - t0);

  // Stage: consume + ack from one partition reader per partition, in this process.
  t0 = performance.now();
  let got = 0;
  const readers = await Promise.all(Array.from({ length: bus.partitions }, (_, p) => bus.openPartition(p)));
  const deadline = t0 + timeoutMs;
  await Promise.all(
    readers.map(async (r) => {
      while (got < n && performance.now() < deadline) {
        const ds = await r.fetch(BATCH, 200);
        for (const d of ds) d.ack();
        got += ds.length;
      }
    }),
  );
  results.consume = rate(got, performance.now() - t0);
  await bus.close();

  // Stage: PostgreSQL inserts, worker-sized batches, one connection pool.
  const { schema } = cluster("pg");
  const store = await openSharedStore({ config, schema });
  const rows = envelopes.map(toExchangeRow);
  t0 = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) await store.insertExchanges(rows.slice(i, i + BATCH));
  results.pgInsert = rate(n, performance.now() - t0);
  await store.close();

  // Stage: fold and score in memory.
  const state = new PartitionState(0);
  t0 = performance.now();
  for (let i = 0; i < envelopes.length; i += BATCH) {
    const changed = new Set(envelopes.slice(i, i + BATCH).map((e) => state.fold(e)));
    for (const s of changed) scoreAccount(s, config);
  }
  results.fold = rate(n, performance.now() - t0);
}

// End to end: workers as separate processes (the CLI), publisher in this process.
const main = join(import.meta.dirname, "..", "src", "cli", "main.ts");
/** Publishes while `workers` worker processes consume (`prefill`: publish everything first, then time the workers' drain). */
async function endToEnd(workers: number, prefill = false): Promise<{ perSec: number; seconds: number }> {
  const { config, schema } = cluster(`e2e${workers}`);
  const configFile = join(dir, `config-${workers}.json`);
  writeFileSync(configFile, JSON.stringify({ cluster: config.cluster }));
  const store = await openSharedStore({ config, schema });
  const children: ChildProcess[] = [];
  const publish = async () => {
    const bus = await openBus(config);
    await publishFiles({ files: [file], config, bus, threads: 0 });
    await bus.close();
  };
  try {
    if (prefill) await publish();
    await Promise.all(
      Array.from(
        { length: workers },
        (_, i) =>
          new Promise<void>((resolve, reject) => {
            const parts = Array.from({ length: config.cluster.partitions }, (_, p) => p).filter(
              (p) => p % workers === i,
            );
            const c = spawn(
              process.execPath,
              [
                "--import",
                "tsx",
                main,
                "worker",
                "--config",
                configFile,
                "--partitions",
                parts.join(","),
                "--id",
                `w${i}`,
                "--schema",
                schema,
              ],
              { stdio: ["ignore", "pipe", "inherit"] },
            );
            children.push(c);
            c.stdout?.once("data", () => resolve());
            c.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
          }),
      ),
    );
    const t0 = performance.now();
    if (!prefill) await publish();
    while ((await store.countExchanges()) < n) {
      if (performance.now() - t0 > timeoutMs)
        throw new Error(`end-to-end run with ${workers} workers exceeded ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const ms = performance.now() - t0;
    return { perSec: rate(n, ms), seconds: ms / 1000 };
  } finally {
    for (const c of children) c.kill("SIGTERM");
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)))),
    );
    await store.close();
  }
}

try {
  const one = await endToEnd(1);
  const two = await endToEnd(2);
  const drain1 = await endToEnd(1, true);
  const drain2 = await endToEnd(2, true);
  Object.assign(results, {
    e2e1: one.perSec,
    e2e2: two.perSec,
    drain1: drain1.perSec,
    drain2: drain2.perSec,
  });
  const stages = {
    prepare: results.prepare!,
    publish: results.publish!,
    consume: results.consume!,
    pgInsert: results.pgInsert!,
    fold: results.fold!,
  };
  const slowest = Object.entries(stages).sort((a, b) => a[1] - b[1])[0]!;
  if (values.json) console.log(JSON.stringify({ exchanges: n, ...results, bottleneck: slowest[0] }));
  else {
    console.log(`cluster bench: ${n} exchanges (scenario small, scale ${scale})`);
    for (const [k, v] of Object.entries(stages))
      console.log(`  stage ${k.padEnd(9)} ${String(v).padStart(8)} exchanges/s`);
    console.log(
      `  end to end, 1 worker  ${String(one.perSec).padStart(8)} exchanges/s (${one.seconds.toFixed(1)} s)`,
    );
    console.log(
      `  end to end, 2 workers ${String(two.perSec).padStart(8)} exchanges/s (${two.seconds.toFixed(1)} s)`,
    );
    console.log(
      `  workers alone (stream prefilled), 1 worker  ${String(drain1.perSec).padStart(8)} exchanges/s (${drain1.seconds.toFixed(1)} s)`,
    );
    console.log(
      `  workers alone (stream prefilled), 2 workers ${String(drain2.perSec).padStart(8)} exchanges/s (${drain2.seconds.toFixed(1)} s)`,
    );
    console.log(`  slowest stage: ${slowest[0]} (${slowest[1]} exchanges/s)`);
  }
} finally {
  for (const c of cleanups)
    await c().catch((e: unknown) => console.error(`cleanup failed: ${(e as Error).message}`));
  rmSync(dir, { recursive: true, force: true });
}
