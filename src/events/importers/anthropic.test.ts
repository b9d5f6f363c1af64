import { describe, expect, it } from "vitest";
import { anthropicImporter } from "./anthropic.js";
import { anthropicBatch, anthropicThinking, anthropicToolUse } from "./samples/anthropic.js";
import { mapOne } from "./test-helpers.js";

describe("anthropic importer", () => {
  it("maps system blocks, tool traffic and cache reads", () => {
    const e = mapOne(anthropicImporter, anthropicToolUse);
    expect(e).toMatchObject({
      id: "log_01",
      account: "apikey_01",
      end_user: "enduser-5",
      endpoint: "messages",
      system: "You are a coding agent.",
      output: "Running the tests again.",
      tool_calls: 1,
      finish: "tool_use",
      usage: { input_tokens: 320, output_tokens: 40, cached_tokens: 200 },
    });
    expect(e.messages).toHaveLength(3);
  });

  it("reports extended thinking as a reasoning budget and leaves thinking out of the output", () => {
    const e = mapOne(anthropicImporter, anthropicThinking);
    expect(e).toMatchObject({
      ts: 1767344400000,
      params: { reasoning: 10000, stream: true },
      output: "There are 25 primes below 100.",
    });
  });

  it("reads a Message Batches result line", () => {
    const e = mapOne(anthropicImporter, anthropicBatch);
    expect(e).toMatchObject({
      id: "item-42",
      account: "wrkspc_harvest",
      output: "Bonjour.",
      model: "claude-haiku-4-5",
    });
  });

  it("names the missing time", () => {
    const { created_at: _t, ...noTime } = anthropicToolUse;
    expect(() => anthropicImporter.toExchanges(noTime)).toThrow(/anthropic record has no ts/);
  });
});
