// The fast path must never accept a record the zod schema rejects (the schema is the contract).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exchangeSchema } from "./contract.js";
import { isExchangeFast } from "./fast-validate.js";

const human = readFileSync(
  new URL(
    "../../../shared/corpora/openassistant/model/model_eval/manual/data/en_100_text.jsonl",
    import.meta.url,
  ),
  "utf8",
)
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as string);

function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const base = (i: number): Record<string, unknown> => ({
  id: `r${i}`,
  ts: i % 2 ? "2026-02-03T10:00:00Z" : 1770112800000 + i,
  account: `a${i % 7}`,
  ip: "203.0.113.7",
  asn: 64500,
  user_agent: "openai-python/1.54.0",
  payment: "pm_1",
  account_created: "2026-01-01T00:00:00Z",
  verification: "email",
  model: "m",
  system: "You are helpful.",
  messages: [
    { role: "user", content: human[i % human.length]! },
    { role: "assistant", content: [{ type: "text", text: "ok" }], tool_calls: [] },
    { role: "tool", content: [{ type: "tool_result", content: "x" }] },
  ],
  params: { temperature: 0.7, max_tokens: 1024, n: 1, stream: true, tools: 2, logprobs: false },
  output: "answer",
  tool_calls: 0,
  status: 200,
  latency_ms: 1234,
  usage: { input_tokens: 10, output_tokens: 20, reasoning_tokens: null },
});

const odd: unknown[] = [
  null,
  undefined,
  "",
  "x",
  -1,
  1.5,
  0,
  4_294_967_295,
  2 ** 32,
  Number.NaN,
  true,
  [],
  {},
  [1],
  { type: 3 },
  "2026-13-99",
  "not a time",
];
const paths = [
  "id",
  "ts",
  "account",
  "asn",
  "ip",
  "account_created",
  "messages",
  "messages.0",
  "messages.0.role",
  "messages.0.content",
  "messages.1.content.0",
  "messages.1.tool_calls",
  "prompt",
  "params",
  "params.temperature",
  "params.stream",
  "params.tools",
  "params.logprobs",
  "usage",
  "usage.input_tokens",
  "tool_calls",
  "status",
  "latency_ms",
  "system",
  "output",
];

function setPath(o: Record<string, unknown>, path: string, v: unknown): void {
  const keys = path.split(".");
  let cur: Record<string, unknown> | unknown[] = o;
  for (const k of keys.slice(0, -1)) {
    const next = (cur as Record<string, unknown>)[k];
    if (typeof next !== "object" || next === null) return;
    cur = next as Record<string, unknown>;
  }
  (cur as Record<string, unknown>)[keys[keys.length - 1]!] = v;
}

describe("isExchangeFast", () => {
  it("accepts typical valid exchanges", () => {
    for (let i = 0; i < 50; i++) expect(isExchangeFast(base(i))).toBe(true);
  });

  it("never accepts a record the zod schema rejects, over thousands of random corruptions", () => {
    const rnd = seeded(17);
    let rejected = 0;
    for (let i = 0; i < 5000; i++) {
      const r = base(i);
      const cuts = 1 + Math.floor(rnd() * 3);
      for (let c = 0; c < cuts; c++)
        setPath(
          r,
          paths[Math.floor(rnd() * paths.length)]!,
          structuredClone(odd[Math.floor(rnd() * odd.length)]),
        );
      const zodOk = exchangeSchema.safeParse(r).success;
      if (!zodOk) rejected += 1;
      if (isExchangeFast(r)) expect(zodOk, JSON.stringify(r).slice(0, 300)).toBe(true);
    }
    expect(rejected).toBeGreaterThan(1000);
  });
});
