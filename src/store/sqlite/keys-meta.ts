// API keys (stored by hash only) and the small key/value metadata table for SQLite.
import { apiKeyColumns, apiKeyValues, toApiKey, type Columns } from "../rows.js";
import type { Store } from "../types.js";
import { placeholders, type statementCache } from "./statements.js";

type Prep = ReturnType<typeof statementCache>;
type KeyMetaMethods = Pick<Store, "putApiKey" | "findApiKeyByHash" | "listApiKeys" | "getMeta" | "setMeta">;

/** API key and metadata methods over one SQLite connection. */
export function sqliteKeysMeta(prep: Prep): KeyMetaMethods {
  const updates = apiKeyColumns
    .slice(1)
    .map((c) => `${c} = excluded.${c}`)
    .join(", ");
  return {
    async putApiKey(k) {
      // Upsert by id: revoking a key is putting it again with revokedAt set.
      prep(
        `INSERT INTO api_keys (${apiKeyColumns.join(", ")}) VALUES (${placeholders(apiKeyColumns.length)}) ON CONFLICT (id) DO UPDATE SET ${updates}`,
      ).run(apiKeyValues(k));
    },
    async findApiKeyByHash(hash) {
      const row = prep("SELECT * FROM api_keys WHERE hash = ?").get(hash) as Columns | undefined;
      return row && toApiKey(row);
    },
    async listApiKeys() {
      return (prep("SELECT * FROM api_keys ORDER BY created_at, id").all() as Columns[]).map(toApiKey);
    },
    async getMeta(key) {
      return (prep("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined)?.value;
    },
    async setMeta(key, value) {
      prep(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      ).run(key, value);
    },
  };
}
