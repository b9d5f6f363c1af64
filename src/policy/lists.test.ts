import { describe, expect, it } from "vitest";
import { ListIndex } from "./lists.js";

describe("ListIndex", () => {
  const now = 1_700_000_000_000;
  const index = new ListIndex(
    [
      { list: "block", type: "ip", value: "203.0.113.0/24" },
      { list: "block", type: "asn", value: "AS64500" },
      { list: "block", type: "payment", value: "pm_shared" },
      { list: "block", type: "template", value: "a1b2" },
      { list: "allow", type: "account", value: "acct_partner" },
      { list: "block", type: "key", value: "key_temp", expiresAt: now + 1000 },
    ],
    now,
  );

  it("finds an IP inside a blocked range and names the range", () => {
    expect(index.match("block", { ip: "203.0.113.77" }, undefined, now)).toEqual({
      list: "block",
      type: "ip",
      value: "203.0.113.0/24",
    });
  });

  it("tells which types of entry are loaded", () => {
    expect(index.hasType("template")).toBe(true);
    expect(index.hasType("ip")).toBe(true);
    expect(index.hasType("account")).toBe(true);
    expect(new ListIndex([{ list: "allow", type: "account", value: "a" }], now).hasType("template")).toBe(
      false,
    );
    expect(new ListIndex([], now).hasType("ip")).toBe(false);
  });

  it("matches ASNs written with or without the AS prefix", () => {
    expect(index.match("block", { asn: 64500 }, undefined, now)?.type).toBe("asn");
  });

  it("keeps allow and block lists apart", () => {
    expect(index.match("block", { account: "acct_partner" }, undefined, now)).toBeUndefined();
    expect(index.match("allow", { account: "acct_partner" }, undefined, now)?.value).toBe("acct_partner");
  });

  it("only looks at the requested list types", () => {
    expect(index.match("block", { payment: "pm_shared", ip: "203.0.113.1" }, ["payment"], now)?.type).toBe(
      "payment",
    );
    expect(index.match("block", { template: "a1b2" }, ["ip", "asn"], now)).toBeUndefined();
  });

  it("stops matching an entry once it has expired", () => {
    expect(index.match("block", { key: "key_temp" }, undefined, now + 999)?.value).toBe("key_temp");
    expect(index.match("block", { key: "key_temp" }, undefined, now + 1000)).toBeUndefined();
    expect(index.match("block", { payment: "pm_shared" }, undefined, now + 1000)?.value).toBe("pm_shared");
  });

  it("ignores entries that were already expired when built", () => {
    const stale = new ListIndex([{ list: "block", type: "account", value: "a", expiresAt: now - 1 }], now);
    expect(stale.match("block", { account: "a" }, undefined, now)).toBeUndefined();
  });
});
