import { describe, expect, it } from "vitest";
import { otelImporter } from "./otel.js";
import { otelChatLine, otelDeprecatedLine } from "./samples/otel.js";
import { mapOne, mapValid } from "./test-helpers.js";

describe("otel importer", () => {
  it("maps the GenAI span and skips HTTP and agent spans", () => {
    const all = mapValid(otelImporter, otelChatLine);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      id: "chatcmpl-O1",
      ts: 1767700800000,
      account: "acct-support",
      ip: "192.0.2.10",
      endpoint: "chat",
      model: "gpt-4o",
      system: "You are a support agent.",
      finish: "tool_calls",
      tool_calls: 1,
      latency_ms: 1500,
      params: { temperature: 0.3, max_tokens: 300 },
      usage: { input_tokens: 55, output_tokens: 20 },
    });
    expect(all[0]?.messages?.map((m) => m.role)).toEqual(["user", "assistant", "tool"]);
    expect(all[0]?.messages?.[1]?.tool_calls).toHaveLength(1);
  });

  it("reads deprecated prompt/completion attributes and enduser.id", () => {
    const e = mapOne(otelImporter, otelDeprecatedLine);
    expect(e).toMatchObject({
      account: "acct-legacy",
      endpoint: "completions",
      prompt: "Complete: The capital of France is",
      output: " Paris.",
    });
    expect(e.usage).toMatchObject({ input_tokens: 7, output_tokens: 2 });
  });

  it("returns nothing for a line without GenAI spans", () => {
    const line = {
      resourceSpans: [{ scopeSpans: [{ spans: [{ spanId: "1", startTimeUnixNano: "1", attributes: [] }] }] }],
    };
    expect(otelImporter.toExchanges(line)).toEqual([]);
  });

  it("names the missing account", () => {
    const line = structuredClone(otelDeprecatedLine);
    const rs = line.resourceSpans[0];
    if (rs) rs.resource.attributes = [];
    expect(() => otelImporter.toExchanges(line)).toThrow(/otel record has no account/);
  });
});
