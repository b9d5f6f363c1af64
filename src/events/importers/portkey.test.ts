import { describe, expect, it } from "vitest";
import { portkeyImporter } from "./portkey.js";
import { portkeyAnthropicFlat, portkeyStreamed } from "./samples/portkey.js";
import { mapOne } from "./test-helpers.js";

describe("portkey importer", () => {
  it("maps nested bodies, units and the metadata _user", () => {
    const e = mapOne(portkeyImporter, portkeyStreamed);
    expect(e).toMatchObject({
      id: "pk-log-1",
      account: "cust-bakery",
      endpoint: "chat",
      model: "gpt-4o-mini",
      status: 200,
      latency_ms: 950,
      params: { stream: true, seed: 7 },
      usage: { input_tokens: 15, output_tokens: 9 },
      output: "Crumb & Co.",
    });
  });

  it("reads flat dotted body columns holding JSON strings", () => {
    const e = mapOne(portkeyImporter, portkeyAnthropicFlat);
    expect(e).toMatchObject({
      id: "msg_P2",
      account: "cust-math",
      endpoint: "messages",
      params: { reasoning: 4000, stream: false },
    });
    expect(e.output).toContain("Binet");
  });

  it("names the missing account", () => {
    const { metadata: _m, ...noAccount } = portkeyStreamed;
    expect(() => portkeyImporter.toExchanges(noAccount)).toThrow(/portkey record has no account/);
  });
});
