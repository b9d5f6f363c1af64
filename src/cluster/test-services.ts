// Test support for the cluster integration tests: whether the real NATS and PostgreSQL answer,
// and a per-run stream, schema and config that are removed afterwards.
import { readFileSync } from "node:fs";
import { connect } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";
import { Kvm } from "@nats-io/kv";
import pg from "pg";
import { parseConfig, type Config } from "../config/index.js";
import { decisionBucket } from "../bus/nats/index.js";

const defaults = parseConfig({});

/** Why the cluster services cannot be used, or undefined when both answer. */
export async function servicesUnreachable(config: Config = defaults): Promise<string | undefined> {
  const client = new pg.Client({
    connectionString: config.cluster.postgresUrl,
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (err) {
    return `PostgreSQL at ${config.cluster.postgresUrl} is unreachable (${(err as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
  try {
    const nc = await connect({ servers: config.cluster.natsUrl, timeout: 2000 });
    await (await jetstreamManager(nc)).getAccountInfo();
    await nc.close();
  } catch (err) {
    return `NATS JetStream at ${config.cluster.natsUrl} is unreachable (${(err as Error).message})`;
  }
  return undefined;
}

/** A unique stream, schema and config for one test run. */
export function testCluster(tag: string, partitions = 8): { config: Config; schema: string; stream: string } {
  const id = `${tag}_${process.pid}_${Date.now().toString(36)}`;
  const stream = `DWT_${id}`.toUpperCase();
  return {
    config: parseConfig({ cluster: { stream, partitions } }),
    schema: `dw_${id}`.toLowerCase(),
    stream,
  };
}

/** Deletes the run's stream, decision bucket and schema. */
export async function dropTestCluster(config: Config, schema: string): Promise<void> {
  const nc = await connect({ servers: config.cluster.natsUrl });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(config.cluster.stream).catch(() => false);
  await new Kvm(nc)
    .open(decisionBucket(config.cluster.stream))
    .then((kv) => kv.destroy())
    .catch(() => false);
  await nc.close();
  const client = new pg.Client({ connectionString: config.cluster.postgresUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

/** Exchange ids of a JSONL file (one per line). */
export function fileIds(path: string): string[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { id: string }).id);
}
