import { describe, expect, it } from "vitest";
import { jsonlImporter } from "./jsonl.js";
import { jsonlChat, jsonlPrompt } from "./samples/jsonl.js";
import { mapOne } from "./test-helpers.js";

describe("jsonl importer", () => {
  it("passes native exchanges through unchanged", () => {
    expect(mapOne(jsonlImporter, jsonlChat)).toMatchObject(jsonlChat);
    expect(mapOne(jsonlImporter, jsonlPrompt)).toMatchObject({
      ts: 1767780000000,
      prompt: "Once upon a time",
    });
  });

  it("names the missing account", () => {
    const { account: _account, ...noAccount } = jsonlChat;
    expect(() => jsonlImporter.toExchanges(noAccount)).toThrow(/no account/);
  });
});
