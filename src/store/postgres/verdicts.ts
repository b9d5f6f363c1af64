// Account verdicts and campaigns for PostgreSQL: bulk upserts through `unnest`, paged lists
// whose filters and sort run in SQL (queries.ts), the page and its total fetched concurrently.
import type { Pool } from "pg";
import type { AccountVerdict, Campaign } from "../../scoring/types.js";
import { accountClause, campaignClause } from "../queries.js";
import {
  accountColumns,
  accountValues,
  campaignValues,
  toAccount,
  toCampaign,
  type Columns,
} from "../rows.js";
import type { Store } from "../types.js";
import { accountTypes, campaignTypes } from "./columns.js";
import { bulkChunk, chunks, inTransaction, insertUnnest, pageOf, pgDialect } from "./pool.js";

type VerdictMethods = Pick<
  Store,
  "putAccounts" | "getAccount" | "listAccounts" | "replaceCampaigns" | "getCampaign" | "listCampaigns"
>;

/** Keeps the last of each key: ON CONFLICT DO UPDATE rejects touching one row twice per statement. */
function lastByKey<T>(items: T[], key: (t: T) => string): T[] {
  return [...new Map(items.map((t) => [key(t), t])).values()];
}

/** Account and campaign methods over a pool. */
export function pgVerdicts(pool: Pool): VerdictMethods {
  const updates = accountColumns
    .slice(1)
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(", ");
  return {
    async putAccounts(verdicts) {
      const parts = chunks(
        lastByKey(verdicts, (v: AccountVerdict) => v.account),
        bulkChunk,
      );
      if (parts.length === 0) return;
      await inTransaction(pool, async (client) => {
        for (const part of parts)
          await insertUnnest(
            client,
            "accounts",
            accountTypes,
            part.map(accountValues),
            `ON CONFLICT (account) DO UPDATE SET ${updates}`,
          );
      });
    },
    async getAccount(account) {
      const row = (await pool.query<Columns>("SELECT * FROM accounts WHERE account = $1", [account])).rows[0];
      return row && toAccount(row);
    },
    async listAccounts(q) {
      return pageOf(pool, "accounts", accountClause(q, pgDialect), q.limit, q.offset, toAccount);
    },
    async replaceCampaigns(campaigns) {
      const parts = chunks(
        lastByKey(campaigns, (c: Campaign) => c.campaign),
        bulkChunk,
      );
      await inTransaction(pool, async (client) => {
        await client.query("DELETE FROM campaigns");
        for (const part of parts)
          await insertUnnest(client, "campaigns", campaignTypes, part.map(campaignValues), "");
      });
    },
    async getCampaign(id) {
      const row = (await pool.query<Columns>("SELECT * FROM campaigns WHERE campaign = $1", [id])).rows[0];
      return row && toCampaign(row);
    },
    async listCampaigns(q) {
      return pageOf(pool, "campaigns", campaignClause(q, pgDialect), q.limit, q.offset, toCampaign);
    },
  };
}
