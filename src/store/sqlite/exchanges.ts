// Exchanges, evidence samples and the traffic histogram for SQLite. insertExchanges is on the
// pipeline's hot path (batches of ~4k rows from analyze's writer thread, at up to 60k rows/s):
// one prepared insert per row inside one transaction per batch, positional parameters, no
// intermediate objects.
// `ON CONFLICT (id) DO NOTHING` rather than `INSERT OR IGNORE`: OR IGNORE would also swallow
// NOT NULL violations, silently reporting a malformed row as a duplicate.
// Measured alternatives (multi-row VALUES … RETURNING id, WITHOUT ROWID) were not faster.
import type Database from "better-sqlite3";
import {
  exchangeColumns,
  exchangeValues,
  sampleColumns,
  sampleValues,
  toExchange,
  toSample,
  type Columns,
} from "../rows.js";
import type { ExchangeRow, EvidenceSample, Store } from "../types.js";
import { assertBucket } from "../queries.js";
import { placeholders, type statementCache } from "./statements.js";

type Prep = ReturnType<typeof statementCache>;
type ExchangeMethods = Pick<
  Store,
  "insertExchanges" | "listExchanges" | "countExchanges" | "trafficSeries" | "addSamples" | "listSamples"
>;

/** Exchange, sample and traffic methods over one SQLite connection. */
export function sqliteExchanges(db: Database.Database, prep: Prep): ExchangeMethods {
  const insert = prep(
    `INSERT INTO exchanges (${exchangeColumns.join(", ")}) VALUES (${placeholders(exchangeColumns.length)}) ON CONFLICT (id) DO NOTHING`,
  );
  const insertBatch = db.transaction((rows: ExchangeRow[]): boolean[] => {
    const inserted = new Array<boolean>(rows.length);
    for (let i = 0; i < rows.length; i++)
      inserted[i] = insert.run(exchangeValues(rows[i] as ExchangeRow)).changes === 1;
    return inserted;
  });
  const insertSample = prep(
    `INSERT INTO samples (${sampleColumns.join(", ")}) VALUES (${placeholders(sampleColumns.length)}) ON CONFLICT DO NOTHING`,
  );
  const insertSamples = db.transaction((samples: EvidenceSample[]) => {
    for (const s of samples) insertSample.run(sampleValues(s));
  });

  return {
    async insertExchanges(rows) {
      return rows.length === 0 ? [] : insertBatch(rows);
    },
    async listExchanges(q) {
      const rows =
        q.before === undefined
          ? prep("SELECT * FROM exchanges WHERE account = ? ORDER BY ts DESC, id DESC LIMIT ?").all(
              q.account,
              q.limit,
            )
          : prep(
              "SELECT * FROM exchanges WHERE account = ? AND ts < ? ORDER BY ts DESC, id DESC LIMIT ?",
            ).all(q.account, q.before, q.limit);
      return (rows as Columns[]).map(toExchange);
    },
    async countExchanges() {
      return (prep("SELECT COUNT(*) AS n FROM exchanges").get() as { n: number }).n;
    },
    async trafficSeries(bucketMs) {
      assertBucket(bucketMs);
      // `%` works on integers even though better-sqlite3 binds numbers as REAL (`/` would not).
      // IN (subquery) builds one temporary index of attack accounts, cheaper than a join per row.
      const rows = prep(
        `SELECT ts - ts % ? AS t, COUNT(*) AS total,
                SUM(account IN (SELECT account FROM accounts WHERE verdict = 'attack')) AS flagged
         FROM exchanges GROUP BY t ORDER BY t`,
      ).all(bucketMs);
      return rows as { t: number; total: number; flagged: number }[];
    },
    async addSamples(samples) {
      if (samples.length) insertSamples(samples);
    },
    async listSamples(account, limit) {
      const rows = prep(
        "SELECT * FROM samples WHERE account = ? ORDER BY ts DESC, exchange_id DESC LIMIT ?",
      ).all(account, limit);
      return (rows as Columns[]).map(toSample);
    },
  };
}
