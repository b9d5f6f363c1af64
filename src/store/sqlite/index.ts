// The SQLite Store: one better-sqlite3 connection, composed from one file per query group.
import type { Store } from "../types.js";
import { openConnection } from "./connection.js";
import { sqliteExchanges } from "./exchanges.js";
import { sqliteKeysMeta } from "./keys-meta.js";
import { sqliteReview } from "./review.js";
import { migrateSqlite } from "./schema.js";
import { statementCache } from "./statements.js";
import { sqliteVerdicts } from "./verdicts.js";

/** Opens (creating and migrating as needed) a SQLite store at `file`; `':memory:'` is allowed. */
export function openSqliteStore(file: string): Store {
  const db = openConnection(file);
  try {
    migrateSqlite(db);
  } catch (err) {
    db.close();
    throw err;
  }
  const prep = statementCache(db);
  return {
    ...sqliteExchanges(db, prep),
    ...sqliteVerdicts(db, prep),
    ...sqliteReview(db, prep),
    ...sqliteKeysMeta(prep),
    async close() {
      if (!db.open) return;
      db.pragma("optimize"); // SQLite's advice: refresh planner statistics that drifted, on close
      db.close();
    },
  };
}
