import { describe, expect, it } from "vitest";
import { CidrSet, parseCidr } from "./cidr.js";

describe("parseCidr", () => {
  it("reads single addresses as full-length prefixes", () => {
    expect(parseCidr("10.1.2.3")).toEqual({ address: "10.1.2.3", prefix: 32, family: "ipv4" });
    expect(parseCidr("2001:db8::1")).toEqual({ address: "2001:db8::1", prefix: 128, family: "ipv6" });
  });

  it("rejects malformed values and out-of-range prefixes", () => {
    for (const bad of [
      "",
      "10.0.0.0/33",
      "2001:db8::/129",
      "10.0.0/8",
      "host.example",
      "10.0.0.0/8/1",
      "10.0.0.0/x",
    ]) {
      expect(parseCidr(bad), bad).toBeNull();
    }
  });
});

describe("CidrSet", () => {
  const set = new CidrSet();
  set.add("10.0.0.0/8");
  set.add("192.168.1.7");
  set.add("2001:db8::/32");

  it("matches IPv4 addresses inside a range and exact addresses", () => {
    expect(set.has("10.200.3.4")).toBe(true);
    expect(set.has("192.168.1.7")).toBe(true);
    expect(set.has("192.168.1.8")).toBe(false);
    expect(set.has("11.0.0.1")).toBe(false);
  });

  it("matches IPv6 ranges and IPv4-mapped IPv6 socket addresses", () => {
    expect(set.has("2001:db8:ffff::1")).toBe(true);
    expect(set.has("2001:db9::1")).toBe(false);
    expect(set.has("::ffff:10.9.9.9")).toBe(true);
  });

  it("never matches a value that is not an IP", () => {
    expect(set.has("not-an-ip")).toBe(false);
    expect(new CidrSet().add("nope")).toBe(false);
  });
});
