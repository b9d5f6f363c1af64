import { describe, expect, it } from "vitest";
import { isDistillwatchError } from "../../errors.js";
import { detectImporter, getImporter, importers } from "./index.js";
import { samplesByFormat } from "./samples/index.js";

describe("importer registry", () => {
  it("has one importer per documented format", () => {
    expect(importers.map((i) => i.name).sort()).toEqual(Object.keys(samplesByFormat).sort());
  });

  for (const [format, samples] of Object.entries(samplesByFormat)) {
    it(`detects every ${format} sample as ${format} and as no other format`, () => {
      for (const s of samples) {
        expect(detectImporter(s)?.name).toBe(format);
        expect(importers.filter((i) => i.detect(s)).map((i) => i.name)).toEqual([format]);
      }
    });
  }

  it("detects nothing in a record no tool writes", () => {
    expect(detectImporter({ hello: "world" })).toBeUndefined();
    expect(detectImporter("not an object")).toBeUndefined();
  });

  it("rejects an unknown format name with a usage error listing the valid ones", () => {
    let caught: unknown;
    try {
      getImporter("splunk");
    } catch (e) {
      caught = e;
    }
    expect(isDistillwatchError(caught, "usage")).toBe(true);
    expect((caught as Error).message).toMatch(
      /splunk.*jsonl, otel, langfuse, litellm, helicone, portkey, anthropic, openai/,
    );
  });
});
