// Opens the bus and the shared store a cluster process needs, from the config's cluster section.
import { openNatsBus, type EventBus } from "../bus/index.js";
import type { Config } from "../config/index.js";
import { openPostgresStore, type Store } from "../store/index.js";

/** Where a cluster process connects; `schema` isolates deployments (and test runs) in one database. */
export interface ClusterTarget {
  config: Config;
  /** PostgreSQL schema (default `distillwatch`). */
  schema?: string;
}

/** Connects to NATS (stream and bucket ensured). */
export function openBus(config: Config): Promise<EventBus> {
  const c = config.cluster;
  return openNatsBus({ url: c.natsUrl, stream: c.stream, partitions: c.partitions });
}

/** Opens the shared PostgreSQL store. */
export function openSharedStore(t: ClusterTarget): Promise<Store> {
  return openPostgresStore(t.config.cluster.postgresUrl, { schema: t.schema });
}
