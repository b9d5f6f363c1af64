import { describe, expect, it } from "vitest";
import { heliconeImporter } from "./helicone.js";
import { heliconeAnthropic, heliconeOpenAI } from "./samples/helicone.js";
import { mapOne } from "./test-helpers.js";

describe("helicone importer", () => {
  it("uses the proxy key as account and the Helicone user id as end user", () => {
    const e = mapOne(heliconeImporter, heliconeOpenAI);
    expect(e).toMatchObject({
      id: heliconeOpenAI.request_id,
      ts: "2026-01-05T11:00:00.100Z",
      account: "pk-customer-42",
      key: "pk-customer-42",
      end_user: "app-user-3",
      country: "PT",
      endpoint: "chat",
      status: 200,
      latency_ms: 1800,
      params: { logprobs: true, top_logprobs: 5 },
      usage: { input_tokens: 14, output_tokens: 38 },
    });
  });

  it("reads an Anthropic body and a ClickHouse time, with the user id as account", () => {
    const e = mapOne(heliconeImporter, heliconeAnthropic);
    expect(e).toMatchObject({
      ts: "2026-01-05T12:00:00.000Z",
      account: "acct-mersenne",
      endpoint: "messages",
      system: "You are a careful mathematician.",
      params: { reasoning: 2048 },
      output: "Yes, it is a Mersenne prime.",
      latency_ms: 4200,
    });
  });

  it("names the missing account", () => {
    const { user_id: _u, ...noAccount } = heliconeAnthropic;
    expect(() => heliconeImporter.toExchanges(noAccount)).toThrow(/helicone record has no account/);
  });
});
