// The pg Pool for one schema, plus the small helpers every query group shares: the dialect for
// queries.ts, transactions on one pooled client, and array-parameter (`unnest`) bulk inserts.
import pg from "pg";
import type { Pool, PoolClient, QueryResultRow } from "pg";
import type { Clause, Dialect } from "../queries.js";
import type { Columns } from "../rows.js";
import type { Page } from "../types.js";

/** Schema names are interpolated into SQL and connection options, so only plain identifiers pass. */
export function assertSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`invalid PostgreSQL schema name: ${JSON.stringify(schema)}`);
}

// int8 → number (counts and epoch ms stay far below 2^53) and json/jsonb → raw text, so rows
// arrive shaped exactly like SQLite's and rows.ts maps both.
const INT8 = 20;
const JSON_OID = 114;
const JSONB_OID = 3802;
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === JSON_OID || oid === JSONB_OID) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
} as unknown as pg.CustomTypesConfig;

/** A pool whose connections resolve unqualified table names in `schema`. */
export function createPool(url: string, schema: string): Pool {
  assertSchemaName(schema);
  return new pg.Pool({
    connectionString: url,
    options: `-c search_path=${schema}`,
    types,
    max: 8,
    connectionTimeoutMillis: 10_000,
  });
}

/** PostgreSQL's spelling of parameters and substring tests (see queries.ts). */
export const pgDialect: Dialect = {
  param: (n) => `$${n}`,
  contains: (column, p) => `strpos(${column}, ${p}) > 0`,
};

/** Runs `fn` in one transaction on one pooled client; rolls back and rethrows on failure. */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined); // the original error is the one to report
    throw err;
  } finally {
    client.release();
  }
}

/** Rows per bulk statement: arrays have no parameter limit, this only bounds message size. */
export const bulkChunk = 5_000;

/**
 * Inserts rows given as value arrays with one array parameter per column (`unnest`), which
 * avoids the 65,535-parameter limit of multi-row VALUES and is faster to parse and plan.
 */
export async function insertUnnest<R extends QueryResultRow>(
  db: Pool | PoolClient,
  table: string,
  columns: readonly { name: string; type: string }[],
  rows: unknown[][],
  tail: string,
): Promise<R[]> {
  const arrays = columns.map((_, i) => rows.map((r) => r[i]));
  const sql = `INSERT INTO ${table} (${columns.map((c) => c.name).join(", ")})
    SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ")}) ${tail}`;
  return (await db.query<R>(sql, arrays)).rows;
}

/** Splits `items` into consecutive chunks of at most `size`. */
export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One page of `table` for a clause, and the total number of matching rows. */
export async function pageOf<T>(
  pool: Pool,
  table: string,
  c: Clause,
  limit: number,
  offset: number,
  map: (r: Columns) => T,
): Promise<Page<T>> {
  const n = c.params.length;
  const [rows, count] = await Promise.all([
    pool.query<Columns>(
      `SELECT * FROM ${table} ${c.where} ORDER BY ${c.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...c.params, limit, offset],
    ),
    pool.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} ${c.where}`, c.params),
  ]);
  return { items: rows.rows.map(map), total: count.rows[0]?.n ?? 0 };
}
