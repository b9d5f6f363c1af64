// SQLite schema and migrations. The version lives in `meta.schema_version`; each migration runs
// once, inside a transaction, and uses IF NOT EXISTS so a half-applied older layout is repaired
// rather than rejected. Numbers are INTEGER (epoch ms, counts) or REAL (scores) so rows stay
// compact; free-form nested values (signals, reasons, indicators) are small JSON texts.
import type Database from "better-sqlite3";
import { DistillwatchError } from "../../errors.js";

const migrations: string[] = [
  // 1: initial layout.
  `
  CREATE TABLE IF NOT EXISTS exchanges (
    id TEXT PRIMARY KEY NOT NULL, ts INTEGER NOT NULL, account TEXT NOT NULL, end_user TEXT, key TEXT,
    ip TEXT, asn INTEGER, payment TEXT, user_agent TEXT, model TEXT, endpoint TEXT, template TEXT,
    input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL, signals TEXT NOT NULL, capability TEXT
  );
  CREATE INDEX IF NOT EXISTS exchanges_account_ts ON exchanges (account, ts);

  CREATE TABLE IF NOT EXISTS samples (
    account TEXT NOT NULL, exchange_id TEXT NOT NULL, ts INTEGER NOT NULL, system TEXT, prompt TEXT NOT NULL,
    output TEXT, template TEXT, PRIMARY KEY (account, exchange_id)
  );
  CREATE INDEX IF NOT EXISTS samples_account_ts ON samples (account, ts);

  CREATE TABLE IF NOT EXISTS accounts (
    account TEXT PRIMARY KEY NOT NULL, score REAL NOT NULL, verdict TEXT NOT NULL, campaign TEXT,
    first_flagged_at INTEGER, reasons TEXT NOT NULL, requests INTEGER NOT NULL,
    first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS accounts_score ON accounts (score DESC, account);
  CREATE INDEX IF NOT EXISTS accounts_verdict ON accounts (verdict, score DESC, account);
  CREATE INDEX IF NOT EXISTS accounts_campaign ON accounts (campaign, score DESC, account);
  CREATE INDEX IF NOT EXISTS accounts_requests ON accounts (requests DESC, account);
  CREATE INDEX IF NOT EXISTS accounts_last_seen ON accounts (last_seen DESC, account);

  CREATE TABLE IF NOT EXISTS campaigns (
    campaign TEXT PRIMARY KEY NOT NULL, score REAL NOT NULL, requests INTEGER NOT NULL,
    first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, account_count INTEGER NOT NULL,
    accounts TEXT NOT NULL, targets TEXT NOT NULL, indicators TEXT NOT NULL, reasons TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS campaigns_score ON campaigns (score DESC, campaign);

  CREATE TABLE IF NOT EXISTS decisions (
    id TEXT PRIMARY KEY NOT NULL, subject_type TEXT NOT NULL, subject TEXT NOT NULL, action TEXT NOT NULL,
    reason TEXT NOT NULL, note TEXT, actor TEXT NOT NULL, at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS decisions_subject_at ON decisions (subject, at DESC);
  CREATE INDEX IF NOT EXISTS decisions_at ON decisions (at DESC, id DESC);

  CREATE TABLE IF NOT EXISTS list_entries (
    id TEXT PRIMARY KEY NOT NULL, list TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL, note TEXT,
    created_by TEXT, created_at INTEGER NOT NULL, expires_at INTEGER
  );

  CREATE TABLE IF NOT EXISTS cases (
    id TEXT PRIMARY KEY NOT NULL, subject_type TEXT NOT NULL, subject TEXT NOT NULL, score REAL NOT NULL,
    status TEXT NOT NULL, opened_at INTEGER NOT NULL, decided_at INTEGER, decision_id TEXT, summary TEXT NOT NULL
  );
  -- At most one open case per subject: openCase relies on it, and it guards concurrent writers.
  CREATE UNIQUE INDEX IF NOT EXISTS cases_open_subject ON cases (subject_type, subject) WHERE status = 'open';
  CREATE INDEX IF NOT EXISTS cases_status_score ON cases (status, score DESC);

  CREATE TABLE IF NOT EXISTS audit (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, at INTEGER NOT NULL, actor TEXT NOT NULL,
    action TEXT NOT NULL, subject TEXT, rule TEXT, detail TEXT
  );
  CREATE INDEX IF NOT EXISTS audit_at ON audit (at DESC, seq DESC);

  CREATE TABLE IF NOT EXISTS api_keys (
    id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL, revoked_at INTEGER
  );
  `,
  // 2: verdict filter + non-score sort walked an index of up to 60k rows and sorted them
  // (30-70 ms on a loaded host); composite indices let the page come straight off the index.
  `
  CREATE INDEX IF NOT EXISTS accounts_verdict_requests ON accounts (verdict, requests DESC, account);
  CREATE INDEX IF NOT EXISTS accounts_verdict_last_seen ON accounts (verdict, last_seen DESC, account);
  CREATE INDEX IF NOT EXISTS accounts_verdict_account ON accounts (verdict, account);
  `,
];

/** The schema version this code writes. */
export const schemaVersion = migrations.length;

/** Brings the schema up to `schemaVersion`, in one immediate transaction. */
export function migrateSqlite(db: Database.Database): void {
  db.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)");
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as
    | { value: string }
    | undefined;
  const current = row ? Number(row.value) : 0;
  if (current > schemaVersion) {
    throw new DistillwatchError(
      "config_invalid",
      `store schema version ${current} is newer than this distillwatch (${schemaVersion}); upgrade distillwatch`,
    );
  }
  const setVersion = db.prepare(
    "INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  );
  db.transaction(() => {
    for (let v = current + 1; v <= schemaVersion; v++) {
      db.exec(migrations[v - 1] ?? "");
      setVersion.run(String(v));
    }
  }).immediate();
}
