// API keys (stored by hash only) and the small key/value metadata table for PostgreSQL.
import type { Pool } from "pg";
import { apiKeyColumns, apiKeyValues, toApiKey, type Columns } from "../rows.js";
import type { Store } from "../types.js";
import { pgPlaceholders } from "./columns.js";

type KeyMetaMethods = Pick<Store, "putApiKey" | "findApiKeyByHash" | "listApiKeys" | "getMeta" | "setMeta">;

/** API key and metadata methods over a pool. */
export function pgKeysMeta(pool: Pool): KeyMetaMethods {
  const updates = apiKeyColumns
    .slice(1)
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(", ");
  return {
    async putApiKey(k) {
      // Upsert by id: revoking a key is putting it again with revokedAt set.
      await pool.query(
        `INSERT INTO api_keys (${apiKeyColumns.join(", ")}) VALUES (${pgPlaceholders(apiKeyColumns.length)}) ON CONFLICT (id) DO UPDATE SET ${updates}`,
        apiKeyValues(k),
      );
    },
    async findApiKeyByHash(hash) {
      const row = (await pool.query<Columns>("SELECT * FROM api_keys WHERE hash = $1", [hash])).rows[0];
      return row && toApiKey(row);
    },
    async listApiKeys() {
      return (await pool.query<Columns>("SELECT * FROM api_keys ORDER BY created_at, id")).rows.map(toApiKey);
    },
    async getMeta(key) {
      return (await pool.query<{ value: string }>("SELECT value FROM meta WHERE key = $1", [key])).rows[0]
        ?.value;
    },
    async setMeta(key, value) {
      await pool.query(
        "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
        [key, value],
      );
    },
  };
}
