import { describe, expect, it } from "vitest";
import { openaiImporter } from "./openai.js";
import {
  openaiBatchLine,
  openaiChatTools,
  openaiResponsesReasoning,
  openaiStreamed,
} from "./samples/openai.js";
import { mapOne } from "./test-helpers.js";

describe("openai importer", () => {
  it("maps a chat completion with a tool call, keeping the body's user as end user", () => {
    const e = mapOne(openaiImporter, openaiChatTools);
    expect(e).toMatchObject({
      id: "req_7f3a9c",
      ts: 1767225600000,
      account: "acct_north",
      key: "key_n01",
      org: "org_north",
      end_user: "enduser-88",
      endpoint: "chat",
      model: "gpt-4o",
      tool_calls: 1,
      finish: "tool_calls",
      usage: { input_tokens: 61, output_tokens: 17, cached_tokens: 0 },
    });
    expect(e.params).toMatchObject({ temperature: 0.2, max_tokens: 512, tool_choice: "auto" });
    expect(e.messages?.[0]).toMatchObject({ role: "system" });
  });

  it("reassembles a streamed response from its chunks", () => {
    const e = mapOne(openaiImporter, openaiStreamed);
    expect(e).toMatchObject({
      output: "Moon pulls the sea home",
      finish: "stop",
      params: { stream: true },
      usage: { input_tokens: 14, output_tokens: 6 },
    });
    expect(e.ts).toBe("2026-01-01T00:05:00Z");
  });

  it("maps a Responses API call to a reasoning model", () => {
    const e = mapOne(openaiImporter, openaiResponsesReasoning);
    expect(e).toMatchObject({
      endpoint: "responses",
      system: "Answer with a proof.",
      account: "key_s02",
      params: { reasoning: "high", max_tokens: 4000 },
      usage: { output_tokens: 900, reasoning_tokens: 840 },
      finish: "completed",
    });
    expect(e.output).toContain("lowest terms");
  });

  it("reads a Batch API line, taking time from the response body", () => {
    const e = mapOne(openaiImporter, openaiBatchLine);
    expect(e).toMatchObject({
      id: "batch_req_abc",
      account: "proj_mirror",
      ts: 1767230000000,
      status: 200,
      output: "391",
    });
  });

  it("names the missing account", () => {
    const { user: _user, ...noAccount } = openaiStreamed;
    expect(() => openaiImporter.toExchanges(noAccount)).toThrow(/openai record has no account/);
  });
});
