// What every route handler can reach: the store, the config, the optional ingest function,
// and (after authentication) the calling key.
import type { Config } from "../config/index.js";
import type { ApiKeyRecord, Store } from "../store/types.js";

/** Result of one ingest batch: accepted count and the rejected lines with reasons. */
export interface IngestResult {
  accepted: number;
  rejected: { line: number; reason: string }[];
}

/** Ingests a batch of JSONL lines (validation, engine, store); injected by the caller. */
export type IngestFn = (lines: string[]) => Promise<IngestResult>;

/** Dependencies of the analyst service. */
export interface ServerDeps {
  store: Store;
  config: Config;
  ingest?: IngestFn;
}

/** Hono environment: the authenticated key is set by the auth middleware. */
export interface ServerEnv {
  Variables: { key: ApiKeyRecord };
}
