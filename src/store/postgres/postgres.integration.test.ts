import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { isCI } from "../../config/index.js";
import { runStoreContract } from "../contract.js";
import { bareExchange, t0, verdict } from "../contract-fixtures.js";
import { openPostgresStore } from "./index.js";
import { schemaVersion } from "./schema.js";

const url = "postgres://postgres@127.0.0.1:5432/postgres";
const runId = `dw_test_${process.pid}_${Date.now().toString(36)}`;
const schemas: string[] = [];

/** Why PostgreSQL cannot be used, or undefined when it answers. */
async function unreachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (err) {
    return `PostgreSQL at ${url} is unreachable (${(err as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A store in a fresh schema, dropped after the run. */
async function freshStore(name = `${runId}_${schemas.length}`) {
  schemas.push(name);
  return openPostgresStore(url, { schema: name });
}

// In CI PostgreSQL is required, so an unreachable server must fail the run, not skip it.
const reason = await unreachable();
const skip = reason && !isCI() ? reason : undefined;

// File-level, so it runs after every suite here, including the contract's.
afterAll(async () => {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const s of new Set(schemas)) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await client.end();
});

runStoreContract("postgres", () => freshStore(), { skip });

describe.skipIf(skip !== undefined)("postgres store schema", () => {
  it("keeps its data when the same schema is opened again", async () => {
    const name = `${runId}_reopen`;
    const first = await freshStore(name);
    await first.insertExchanges([bareExchange("e1", "a", t0)]);
    await first.putAccounts([verdict("a", 0.9, "attack")]);
    await first.close();
    const second = await freshStore(name);
    expect(await second.insertExchanges([bareExchange("e1", "a", t0)])).toEqual([false]);
    expect(await second.getAccount("a")).toStrictEqual(verdict("a", 0.9, "attack"));
    expect(await second.getMeta("schema_version")).toBe(String(schemaVersion));
    await second.close();
  });

  it("migrates once when several stores open the same new schema together", async () => {
    const name = `${runId}_race`;
    const stores = await Promise.all([freshStore(name), freshStore(name), freshStore(name)]);
    expect(await Promise.all(stores.map((s) => s.countExchanges()))).toEqual([0, 0, 0]);
    await Promise.all(stores.map((s) => s.close()));
  });

  it("refuses a schema written by a newer schema version", async () => {
    const name = `${runId}_newer`;
    const store = await freshStore(name);
    await store.setMeta("schema_version", String(schemaVersion + 1));
    await store.close();
    await expect(freshStore(name)).rejects.toThrow(/newer than this distillwatch/);
  });

  it("rejects a schema name that is not a plain identifier", async () => {
    await expect(openPostgresStore(url, { schema: "x; DROP TABLE y" })).rejects.toThrow(
      /invalid PostgreSQL schema name/,
    );
  });
});
