import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runStoreContract } from "../contract.js";
import { bareExchange, t0, verdict } from "../contract-fixtures.js";
import { openSqliteStore } from "./index.js";
import { schemaVersion } from "./schema.js";

runStoreContract("sqlite", async () => openSqliteStore(":memory:"));

describe("sqlite store file", () => {
  const dir = mkdtempSync(join(tmpdir(), "distillwatch-sqlite-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps its data when the file is opened again", async () => {
    const file = join(dir, "reopen.db");
    const first = openSqliteStore(file);
    await first.insertExchanges([bareExchange("e1", "a", t0)]);
    await first.putAccounts([verdict("a", 0.9, "attack")]);
    await first.setMeta("k", "v");
    await first.close();
    const second = openSqliteStore(file);
    expect(await second.insertExchanges([bareExchange("e1", "a", t0)])).toEqual([false]);
    expect(await second.countExchanges()).toBe(1);
    expect(await second.getAccount("a")).toStrictEqual(verdict("a", 0.9, "attack"));
    expect(await second.getMeta("k")).toBe("v");
    expect(await second.getMeta("schema_version")).toBe(String(schemaVersion));
    await second.close();
  });

  it("refuses a file written by a newer schema version", async () => {
    const file = join(dir, "newer.db");
    const store = openSqliteStore(file);
    await store.setMeta("schema_version", String(schemaVersion + 1));
    await store.close();
    expect(() => openSqliteStore(file)).toThrow(/newer than this distillwatch/);
  });

  it("runs in WAL mode", async () => {
    const file = join(dir, "wal.db");
    await openSqliteStore(file).close();
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(file);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });
});
