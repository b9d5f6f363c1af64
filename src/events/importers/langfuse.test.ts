import { describe, expect, it } from "vitest";
import { langfuseImporter } from "./langfuse.js";
import {
  langfuseApiGeneration,
  langfuseClickhouseReasoning,
  langfuseFromLitellm,
  langfuseSpan,
} from "./samples/langfuse.js";
import { mapOne } from "./test-helpers.js";

describe("langfuse importer", () => {
  it("maps a public-API generation, coercing string model parameters", () => {
    const e = mapOne(langfuseImporter, langfuseApiGeneration);
    expect(e).toMatchObject({
      id: "obs-1",
      account: "user-lf-1",
      model: "gpt-4o",
      tool_calls: 1,
      latency_ms: 1200,
      params: { temperature: 0.7, max_tokens: 800, stream: false },
      usage: { input_tokens: 42, output_tokens: 12, cached_tokens: 10 },
    });
  });

  it("reads ClickHouse rows: JSON-string bodies and offset-less UTC times", () => {
    const e = mapOne(langfuseImporter, langfuseClickhouseReasoning);
    expect(e).toMatchObject({
      ts: "2026-01-04T09:30:00.250Z",
      account: "user-lf-2",
      params: { reasoning: "high", max_tokens: 6000 },
      usage: { output_tokens: 3000, reasoning_tokens: 2800 },
      latency_ms: 20000,
    });
    expect(e.messages?.[0]?.content).toContain("integer solutions");
  });

  it("prefers LiteLLM's key owner over the trace user, who becomes the end user", () => {
    const e = mapOne(langfuseImporter, langfuseFromLitellm);
    expect(e).toMatchObject({ account: "user_east", end_user: "shopper-991", output: "billing" });
  });

  it("skips observations that are not generations", () => {
    expect(langfuseImporter.toExchanges(langfuseSpan)).toEqual([]);
  });

  it("names the missing account", () => {
    const { userId: _u, ...noAccount } = langfuseApiGeneration;
    expect(() => langfuseImporter.toExchanges(noAccount)).toThrow(/langfuse record has no account/);
  });
});
