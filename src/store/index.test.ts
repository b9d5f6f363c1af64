import { describe, expect, it } from "vitest";
import { isDistillwatchError } from "../errors.js";
import { openStore } from "./index.js";

describe("openStore", () => {
  it("opens a SQLite store for a file path", async () => {
    const store = await openStore(":memory:");
    expect(
      await store.insertExchanges([
        { id: "e1", ts: 1, account: "a", inputTokens: 1, outputTokens: 1, signals: {} },
      ]),
    ).toEqual([true]);
    await store.close();
  });

  it("treats postgres:// and postgresql:// URLs as PostgreSQL and reports an unreachable server as upstream", async () => {
    for (const url of ["postgres://nobody@127.0.0.1:1/none", "postgresql://nobody@127.0.0.1:1/none"]) {
      const err: unknown = await openStore(url).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isDistillwatchError(err, "upstream")).toBe(true);
      expect((err as Error).message).toContain("PostgreSQL");
    }
  });
});
