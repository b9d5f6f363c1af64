import { describe, expect, it } from "vitest";
import type { ExchangeFacts } from "../events/normalize.js";
import { AccountProfile } from "../profiles/index.js";
import { synchrony } from "./synchrony.js";

const t0 = Date.UTC(2026, 0, 12);
const MIN = 60_000;

function request(account: string, ts: number): ExchangeFacts {
  return {
    id: `${account}-${ts}`,
    ts,
    account,
    model: "m",
    system: "",
    prompt: "",
    userTurns: 1,
    messages: 1,
    toolMessages: 0,
    mediaParts: 0,
    n: 1,
    stream: false,
    tools: 0,
    reasoningRequested: false,
    structuredOutput: false,
    logprobs: false,
    outputChars: 100,
    responseToolCalls: 0,
    inputTokens: 10,
    outputTokens: 100,
    reasoningTokens: 0,
  };
}

/** An account with a three-request session at each of `starts`. */
function account(name: string, starts: number[]): AccountProfile {
  const p = new AccountProfile(name);
  for (const s of starts)
    for (let r = 0; r < 3; r++)
      p.update(request(name, s + r * 5_000), { scores: {}, capability: "coding", template: "" }, 1, false);
  return p;
}

describe("synchrony", () => {
  it("finds accounts whose sessions start within seconds of each other, session after session", () => {
    const waves = Array.from({ length: 12 }, (_, w) => t0 + w * 97 * MIN);
    const fleet = [0, 1, 2, 3].map((k) =>
      account(
        `bot_${k}`,
        waves.map((t) => t + k * 2_000),
      ),
    );
    const s = synchrony(fleet, [1, 2, 3, 4]);
    expect(s.share).toBe(1);
    expect(s.concentration).toBeGreaterThan(3);
    expect([...s.together].every((n) => n >= 3)).toBe(true);
  });

  it("does not see it in accounts that keep their own hours, nor count one customer's accounts as separate", () => {
    const own = [0, 1, 2, 3].map((k) =>
      account(
        `user_${k}`,
        Array.from({ length: 12 }, (_, d) => t0 + d * 1_440 * MIN + (k * 173 + d * 31) * MIN),
      ),
    );
    const apart = synchrony(own, [1, 2, 3, 4]);
    expect(apart.share).toBe(0);
    expect(apart.concentration).toBe(1);
    // the same synchronized fleet, but all of one organisation: nothing between customers
    const waves = Array.from({ length: 12 }, (_, w) => t0 + w * 97 * MIN);
    const team = [0, 1, 2].map((k) =>
      account(
        `job_${k}`,
        waves.map((t) => t + k * 2_000),
      ),
    );
    const oneCustomer = synchrony(team, [7, 7, 7]);
    expect(oneCustomer.share).toBe(0);
    expect(oneCustomer.concentration).toBe(1);
  });

  it("keeps a bounded sample, so a long-lived account holds at most 16 start buckets", () => {
    const busy = account(
      "busy",
      Array.from({ length: 200 }, (_, i) => t0 + i * 30 * MIN),
    );
    expect([...busy.sessionStarts].filter((h) => h !== 0xffffffff)).toHaveLength(16);
  });
});
