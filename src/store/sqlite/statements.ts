// Prepared-statement cache: queries with optional filters have a few SQL shapes each, and
// preparing costs more than running, so every distinct SQL text is prepared once per connection.
import type Database from "better-sqlite3";
import type { Dialect } from "../queries.js";
import type { Columns } from "../rows.js";
import type { Page } from "../types.js";

/** Returns a function that prepares each distinct SQL text once and reuses it. */
export function statementCache(db: Database.Database): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let st = cache.get(sql);
    if (!st) {
      st = db.prepare(sql);
      cache.set(sql, st);
    }
    return st;
  };
}

/** SQLite's spelling of parameters and substring tests (see queries.ts). */
export const sqliteDialect: Dialect = {
  param: () => "?",
  contains: (column: string, p: string) => `instr(${column}, ${p}) > 0`,
};

/** `?, ?, ?` for `n` parameters. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => "?").join(", ");
}

/** One page of `table` under a filter clause, with the total count of matching rows. */
export function pagedQuery<T>(
  prep: (sql: string) => Database.Statement,
  table: string,
  c: { where: string; orderBy: string; params: unknown[] },
  page: { limit: number; offset: number },
  map: (row: Columns) => T,
): Page<T> {
  const rows = prep(`SELECT * FROM ${table} ${c.where} ORDER BY ${c.orderBy} LIMIT ? OFFSET ?`).all(
    ...c.params,
    page.limit,
    page.offset,
  );
  const total = (prep(`SELECT COUNT(*) AS n FROM ${table} ${c.where}`).get(...c.params) as { n: number }).n;
  return { items: (rows as Columns[]).map(map), total };
}
