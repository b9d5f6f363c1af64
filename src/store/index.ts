// The store module's public surface: the Store interface and its types, the two adapters, and
// openStore choosing between them by URL. The contract test suite is imported by tests directly.
import { openPostgresStore } from "./postgres/index.js";
import { openSqliteStore } from "./sqlite/index.js";
import type { Store } from "./types.js";

export { openPostgresStore } from "./postgres/index.js";
export { openSqliteStore } from "./sqlite/index.js";
export type {
  AccountQuery,
  ApiKeyRecord,
  AuditEntry,
  CampaignQuery,
  CaseStatus,
  Decision,
  DecisionAction,
  EvidenceSample,
  ExchangeRow,
  ListEntry,
  ListKind,
  ListType,
  Page,
  ReviewCase,
  Role,
  Store,
} from "./types.js";

/** Opens a store: a `postgres://`/`postgresql://` URL means PostgreSQL, anything else a SQLite file path. */
export async function openStore(url: string): Promise<Store> {
  return /^postgres(ql)?:\/\//i.test(url) ? openPostgresStore(url) : openSqliteStore(url);
}
