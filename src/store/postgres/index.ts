// The PostgreSQL Store: one pg Pool bound to a schema, composed from one file per query group.
import { DistillwatchError, isDistillwatchError } from "../../errors.js";
import type { Store } from "../types.js";
import { pgExchanges } from "./exchanges.js";
import { pgKeysMeta } from "./keys-meta.js";
import { createPool } from "./pool.js";
import { pgReview } from "./review.js";
import { migratePostgres } from "./schema.js";
import { pgVerdicts } from "./verdicts.js";

/** Connects to PostgreSQL at `url`, creating and migrating `schema` (default `distillwatch`). */
export async function openPostgresStore(url: string, opts: { schema?: string } = {}): Promise<Store> {
  const schema = opts.schema ?? "distillwatch";
  const pool = createPool(url, schema);
  try {
    await migratePostgres(pool, schema);
  } catch (cause) {
    await pool.end();
    if (isDistillwatchError(cause)) throw cause;
    throw new DistillwatchError(
      "upstream",
      `cannot open the PostgreSQL store at ${redact(url)} (schema ${schema})`,
      { cause },
    );
  }
  let closed = false;
  return {
    ...pgExchanges(pool),
    ...pgVerdicts(pool),
    ...pgReview(pool),
    ...pgKeysMeta(pool),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** The URL without its password, for error messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}
