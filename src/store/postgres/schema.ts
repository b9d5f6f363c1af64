// PostgreSQL schema and migrations, mirroring sqlite/schema.ts. Key text columns use the "C"
// collation so ORDER BY matches SQLite's byte order (and sorts faster). Migrations run under a
// transaction-scoped advisory lock, so processes starting together do not race on DDL.
import type { Pool } from "pg";
import { DistillwatchError } from "../../errors.js";
import { assertSchemaName, inTransaction } from "./pool.js";

const migrations: string[] = [
  // 1: initial layout.
  `
  CREATE TABLE IF NOT EXISTS exchanges (
    id text COLLATE "C" PRIMARY KEY, ts bigint NOT NULL, account text COLLATE "C" NOT NULL, end_user text, key text,
    ip text, asn bigint, payment text, user_agent text, model text, endpoint text, template text,
    input_tokens integer NOT NULL, output_tokens integer NOT NULL, signals jsonb NOT NULL, capability text
  );
  CREATE INDEX IF NOT EXISTS exchanges_account_ts ON exchanges (account, ts);

  CREATE TABLE IF NOT EXISTS samples (
    account text COLLATE "C" NOT NULL, exchange_id text COLLATE "C" NOT NULL, ts bigint NOT NULL, system text,
    prompt text NOT NULL, output text, template text, PRIMARY KEY (account, exchange_id)
  );
  CREATE INDEX IF NOT EXISTS samples_account_ts ON samples (account, ts);

  CREATE TABLE IF NOT EXISTS accounts (
    account text COLLATE "C" PRIMARY KEY, score double precision NOT NULL, verdict text NOT NULL,
    campaign text COLLATE "C", first_flagged_at bigint, reasons jsonb NOT NULL, requests bigint NOT NULL,
    first_seen bigint NOT NULL, last_seen bigint NOT NULL
  );
  CREATE INDEX IF NOT EXISTS accounts_score ON accounts (score DESC, account);
  CREATE INDEX IF NOT EXISTS accounts_verdict ON accounts (verdict, score DESC, account);
  CREATE INDEX IF NOT EXISTS accounts_campaign ON accounts (campaign, score DESC, account);
  CREATE INDEX IF NOT EXISTS accounts_requests ON accounts (requests DESC, account);
  CREATE INDEX IF NOT EXISTS accounts_last_seen ON accounts (last_seen DESC, account);

  CREATE TABLE IF NOT EXISTS campaigns (
    campaign text COLLATE "C" PRIMARY KEY, score double precision NOT NULL, requests bigint NOT NULL,
    first_seen bigint NOT NULL, last_seen bigint NOT NULL, account_count integer NOT NULL,
    accounts jsonb NOT NULL, targets jsonb NOT NULL, indicators jsonb NOT NULL, reasons jsonb NOT NULL
  );
  CREATE INDEX IF NOT EXISTS campaigns_score ON campaigns (score DESC, campaign);

  CREATE TABLE IF NOT EXISTS decisions (
    id text COLLATE "C" PRIMARY KEY, subject_type text NOT NULL, subject text COLLATE "C" NOT NULL, action text NOT NULL,
    reason text NOT NULL, note text, actor text NOT NULL, at bigint NOT NULL
  );
  CREATE INDEX IF NOT EXISTS decisions_subject_at ON decisions (subject, at DESC);
  CREATE INDEX IF NOT EXISTS decisions_at ON decisions (at DESC, id DESC);

  CREATE TABLE IF NOT EXISTS list_entries (
    id text COLLATE "C" PRIMARY KEY, list text NOT NULL, type text NOT NULL, value text NOT NULL, note text,
    created_by text, created_at bigint NOT NULL, expires_at bigint
  );

  CREATE TABLE IF NOT EXISTS cases (
    id text COLLATE "C" PRIMARY KEY, subject_type text NOT NULL, subject text COLLATE "C" NOT NULL,
    score double precision NOT NULL, status text NOT NULL, opened_at bigint NOT NULL, decided_at bigint,
    decision_id text, summary text NOT NULL
  );
  -- At most one open case per subject: openCase's ON CONFLICT relies on it.
  CREATE UNIQUE INDEX IF NOT EXISTS cases_open_subject ON cases (subject_type, subject) WHERE status = 'open';
  CREATE INDEX IF NOT EXISTS cases_status_score ON cases (status, score DESC);

  CREATE TABLE IF NOT EXISTS audit (
    seq bigserial PRIMARY KEY, id text COLLATE "C" NOT NULL UNIQUE, at bigint NOT NULL, actor text NOT NULL,
    action text NOT NULL, subject text, rule text, detail jsonb
  );
  CREATE INDEX IF NOT EXISTS audit_at ON audit (at DESC, seq DESC);

  CREATE TABLE IF NOT EXISTS api_keys (
    id text COLLATE "C" PRIMARY KEY, name text NOT NULL, role text NOT NULL, hash text NOT NULL UNIQUE,
    created_at bigint NOT NULL, revoked_at bigint
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

/** Creates `schema` if needed and brings its tables up to `schemaVersion`. */
export async function migratePostgres(pool: Pool, schema: string): Promise<void> {
  assertSchemaName(schema);
  await inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`distillwatch:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS meta (key text COLLATE "C" PRIMARY KEY, value text NOT NULL)',
    );
    const row = (await client.query<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'"))
      .rows[0];
    const current = row ? Number(row.value) : 0;
    if (current > schemaVersion) {
      throw new DistillwatchError(
        "config_invalid",
        `store schema version ${current} is newer than this distillwatch (${schemaVersion}); upgrade distillwatch`,
      );
    }
    for (let v = current + 1; v <= schemaVersion; v++) {
      await client.query(migrations[v - 1] ?? "");
      await client.query(
        "INSERT INTO meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
        [String(v)],
      );
    }
  });
}
