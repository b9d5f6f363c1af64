import { describe, expect, it } from "vitest";
import type { ExchangeFacts } from "../events/normalize.js";
import { AccountProfile } from "../profiles/index.js";
import { restoreProfile, snapshotProfile } from "./profile-snapshot.js";

function facts(i: number): ExchangeFacts {
  return {
    id: `e${i}`,
    ts: 1_700_000_000_000 + i * 7_000,
    account: "acct-1",
    endUser: `u${i % 5}`,
    ip: `10.0.${i % 3}.1`,
    asn: 64500 + (i % 2),
    payment: "pm-1",
    userAgent: "sdk/1",
    model: "m",
    system: "",
    prompt: "",
    userTurns: 1,
    messages: 2,
    toolMessages: 0,
    mediaParts: 0,
    n: 1,
    stream: false,
    tools: i % 2,
    reasoningRequested: i % 3 === 0,
    structuredOutput: false,
    logprobs: false,
    outputChars: 10,
    responseToolCalls: 0,
    inputTokens: 10,
    outputTokens: 20,
    reasoningTokens: 3,
    temperature: (i % 4) / 4,
    accountCreated: 1_600_000_000_000,
    emailDomain: "x.test",
  };
}

function fed(n: number): AccountProfile {
  const p = new AccountProfile("acct-1");
  for (let i = 0; i < n; i++)
    p.update(
      facts(i),
      { scores: { distill: (i % 10) / 10, cot: 0.5 }, capability: "math", template: (i % 7).toString(16) },
      3,
      i < 7,
    );
  return p;
}

describe("profile snapshot", () => {
  it("restores a profile that continues exactly like the original", () => {
    const a = fed(40);
    const b = restoreProfile(JSON.parse(JSON.stringify(snapshotProfile(a))));
    for (let i = 40; i < 60; i++) {
      const s = { scores: { distill: 0.9 }, capability: "coding", template: "3" };
      a.update(facts(i), s, 4, false);
      b.update(facts(i), s, 4, false);
    }
    expect(JSON.stringify(snapshotProfile(b))).toBe(JSON.stringify(snapshotProfile(a)));
    expect(b.templates.top()).toEqual(a.templates.top());
    expect(b.endUsers?.heavy()).toEqual(a.endUsers?.heavy());
    expect(b).toBeInstanceOf(AccountProfile);
  });
});
