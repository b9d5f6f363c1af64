import { describe, expect, it } from "vitest";
import { BucketTable, bucketKey, takeToken } from "./token-bucket.js";

describe("takeToken", () => {
  const rate = { perMinute: 60, burst: 3 };

  it("lets a burst through, then refuses with the wait for the next token", () => {
    let b = takeToken(undefined, rate, 0);
    expect(b.allowed).toBe(true);
    b = takeToken(b.bucket, rate, 0);
    b = takeToken(b.bucket, rate, 0);
    expect(b.allowed).toBe(true);
    const refused = takeToken(b.bucket, rate, 0);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBe(1000);
  });

  it("refills at the configured rate but never beyond the burst", () => {
    let b = takeToken(undefined, rate, 0);
    b = takeToken(b.bucket, rate, 0);
    b = takeToken(b.bucket, rate, 0);
    expect(takeToken(b.bucket, rate, 500).allowed).toBe(false);
    expect(takeToken(b.bucket, rate, 1000).allowed).toBe(true);
    const later = takeToken(b.bucket, rate, 3_600_000);
    expect(later.bucket.tokens).toBe(2);
  });
});

describe("BucketTable", () => {
  it("shares one bucket among a campaign's accounts", () => {
    const table = new BucketTable();
    const rate = { perMinute: 1, burst: 2 };
    const k1 = bucketKey("throttle", "campaign", "acct_1", "c1");
    const k2 = bucketKey("throttle", "campaign", "acct_2", "c1");
    expect(k1).toBe(k2);
    expect(table.take(k1, rate, 0).allowed).toBe(true);
    expect(table.take(k2, rate, 0).allowed).toBe(true);
    expect(table.take(k1, rate, 0).allowed).toBe(false);
  });

  it("falls back to the account when it has no campaign", () => {
    expect(bucketKey("r", "campaign", "acct_1", null)).toBe(bucketKey("r", "account", "acct_1", "c9"));
  });

  it("evicts the least recently used bucket beyond its bound", () => {
    const table = new BucketTable(2);
    const rate = { perMinute: 1, burst: 1 };
    table.take("a", rate, 0);
    table.take("b", rate, 0);
    table.take("a", rate, 0);
    table.take("c", rate, 0);
    expect(table.size).toBe(2);
    // "b" was evicted, so it starts with a full bucket again.
    expect(table.take("b", rate, 0).allowed).toBe(true);
  });
});
