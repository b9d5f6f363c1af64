// Exchanges, evidence samples and the traffic histogram for PostgreSQL. insertExchanges sends
// one `unnest` statement per 5k rows with ON CONFLICT (id) DO NOTHING RETURNING id; ids repeated
// inside a batch are dropped client-side first so "first occurrence wins", as in SQLite.
import type { Pool } from "pg";
import { assertBucket } from "../queries.js";
import { exchangeValues, sampleValues, toExchange, toSample, type Columns } from "../rows.js";
import type { ExchangeRow, Store } from "../types.js";
import { exchangeTypes, sampleTypes, withoutNul } from "./columns.js";
import { bulkChunk, chunks, inTransaction, insertUnnest } from "./pool.js";

type ExchangeMethods = Pick<
  Store,
  "insertExchanges" | "listExchanges" | "countExchanges" | "trafficSeries" | "addSamples" | "listSamples"
>;

/** Exchange, sample and traffic methods over a pool. */
export function pgExchanges(pool: Pool): ExchangeMethods {
  return {
    async insertExchanges(rows) {
      const firstAt = new Map<string, number>();
      const unique: ExchangeRow[] = [];
      rows.forEach((r, i) => {
        if (firstAt.has(r.id)) return;
        firstAt.set(r.id, i);
        unique.push(r);
      });
      const inserted = new Set<string>();
      const insertChunk = async (db: Parameters<typeof insertUnnest>[0], part: ExchangeRow[]) => {
        const returned = await insertUnnest<{ id: string }>(
          db,
          "exchanges",
          exchangeTypes,
          part.map((r) => withoutNul(exchangeValues(r))),
          "ON CONFLICT (id) DO NOTHING RETURNING id",
        );
        for (const r of returned) inserted.add(r.id);
      };
      const parts = chunks(unique, bulkChunk);
      if (parts.length === 1) await insertChunk(pool, parts[0] as ExchangeRow[]);
      else if (parts.length > 1)
        await inTransaction(pool, async (client) => {
          for (const part of parts) await insertChunk(client, part);
        });
      return rows.map((r, i) => firstAt.get(r.id) === i && inserted.has(r.id));
    },
    async listExchanges(q) {
      const { rows } =
        q.before === undefined
          ? await pool.query<Columns>(
              "SELECT * FROM exchanges WHERE account = $1 ORDER BY ts DESC, id DESC LIMIT $2",
              [q.account, q.limit],
            )
          : await pool.query<Columns>(
              "SELECT * FROM exchanges WHERE account = $1 AND ts < $2 ORDER BY ts DESC, id DESC LIMIT $3",
              [q.account, q.before, q.limit],
            );
      return rows.map(toExchange);
    },
    async countExchanges() {
      return (await pool.query<{ n: number }>("SELECT COUNT(*) AS n FROM exchanges")).rows[0]?.n ?? 0;
    },
    async trafficSeries(bucketMs) {
      assertBucket(bucketMs);
      const { rows } = await pool.query<{ t: number; total: number; flagged: number }>(
        `SELECT ts - ts % $1::bigint AS t, COUNT(*) AS total,
                COUNT(*) FILTER (WHERE account IN (SELECT account FROM accounts WHERE verdict = 'attack')) AS flagged
         FROM exchanges GROUP BY 1 ORDER BY 1`,
        [bucketMs],
      );
      return rows;
    },
    async addSamples(samples) {
      const parts = chunks(samples, bulkChunk);
      if (parts.length === 0) return;
      await inTransaction(pool, async (client) => {
        for (const part of parts)
          await insertUnnest(
            client,
            "samples",
            sampleTypes,
            part.map((s) => withoutNul(sampleValues(s))),
            "ON CONFLICT DO NOTHING",
          );
      });
    },
    async listSamples(account, limit) {
      const { rows } = await pool.query<Columns>(
        "SELECT * FROM samples WHERE account = $1 ORDER BY ts DESC, exchange_id DESC LIMIT $2",
        [account, limit],
      );
      return rows.map(toSample);
    },
  };
}
