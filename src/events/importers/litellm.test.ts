import { describe, expect, it } from "vitest";
import { litellmImporter } from "./litellm.js";
import { litellmPayloadFailure, litellmPayloadTools, litellmSpendLog } from "./samples/litellm.js";
import { mapOne } from "./test-helpers.js";

describe("litellm importer", () => {
  it("maps a StandardLoggingPayload to the virtual key's owner", () => {
    const e = mapOne(litellmImporter, litellmPayloadTools);
    expect(e).toMatchObject({
      id: "chatcmpl-LL1",
      ts: 1767312000125,
      account: "user_north",
      org: "org_north",
      key: litellmPayloadTools.metadata.user_api_key_hash,
      end_user: "customer-17",
      ip: "203.0.113.7",
      user_agent: "OpenAI/Python 1.52.0",
      status: 200,
      latency_ms: 1500,
      tool_calls: 1,
      usage: { input_tokens: 80, output_tokens: 40 },
    });
    expect(e.params).toMatchObject({ temperature: 0 });
  });

  it("falls back to the team and reads the error code of a failed streaming call", () => {
    const e = mapOne(litellmImporter, litellmPayloadFailure);
    expect(e).toMatchObject({
      account: "team_mirror",
      status: 429,
      params: { stream: true, reasoning: "high", max_tokens: 8000 },
    });
  });

  it("reads a spend-log row with an ISO start time and JSON-string metadata", () => {
    const e = mapOne(litellmImporter, litellmSpendLog);
    expect(e).toMatchObject({
      id: "chatcmpl-SP9",
      ts: "2026-01-02T10:00:00.000Z",
      account: "user_south",
      key: "898c28e1d2a6f0c1",
      org: "org_south",
      model: "claude-sonnet",
      latency_ms: 2500,
      output: "- Term: 2 years\n- ...",
    });
  });

  it("names the missing account", () => {
    const { user: _u, team_id: _t, api_key: _k, metadata: _m, ...noAccount } = litellmSpendLog;
    expect(() => litellmImporter.toExchanges(noAccount)).toThrow(/litellm record has no account/);
  });
});
