// The SQLite Store: one better-sqlite3 connection, composed from one file per query group.
import Database from "better-sqlite3";
import { DistillwatchError } from "../../errors.js";
import type { Store } from "../types.js";
import { sqliteExchanges } from "./exchanges.js";
import { sqliteKeysMeta } from "./keys-meta.js";
import { sqliteReview } from "./review.js";
import { migrateSqlite } from "./schema.js";
import { statementCache } from "./statements.js";
import { sqliteVerdicts } from "./verdicts.js";

/** Opens (creating and migrating as needed) a SQLite store at `file`; `':memory:'` is allowed. */
export function openSqliteStore(file: string): Store {
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (cause) {
    throw new DistillwatchError("input_unreadable", `cannot open the SQLite store at ${file}`, { cause });
  }
  migrateSqlite(db);
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
