import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContentModel } from "../signals/content/index.js";
import { runSimulation } from "../simulate/index.js";
import {
  eachPrepared,
  packedTransfer,
  packExchanges,
  preparedCount,
  preparedItems,
  unpackExchanges,
} from "./packed-exchanges.js";
import { BatchPreparer, type PreparedExchange } from "./prepare.js";

/** Packs, crosses a structured clone (as postMessage does, transferring the buffers), unpacks. */
function roundTrip(items: PreparedExchange[]): PreparedExchange[] {
  const packed = packExchanges(items);
  return unpackExchanges(structuredClone(packed, { transfer: packedTransfer(packed) }));
}

describe("packed exchanges", () => {
  let items: PreparedExchange[] = [];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "dw-packed-"));
    await runSimulation({ scenario: "small", seed: 3, scale: 0.05, outDir: dir });
    const lines = readFileSync(join(dir, "exchanges.jsonl"), "utf8").split("\n");
    // Two samples per account, so the batch holds exchanges with and without request text.
    const preparer = new BatchPreparer(loadContentModel(), undefined, 2);
    items = preparer.prepare("sim", { firstLine: 1, lines, bytesRead: 0 }).items;
  }, 120_000);

  it("unpacks simulated exchanges equal to the prepared ones, absent fields included", () => {
    expect(items.length).toBeGreaterThan(1000);
    expect(items.some((it) => it.sampled) && items.some((it) => !it.sampled)).toBe(true);
    expect(roundTrip(items)).toStrictEqual(items);
  });

  it("keeps every optional number, -0, empty text and score records of other shapes", () => {
    const base = items[0]!;
    const odd: PreparedExchange[] = [
      {
        ...base,
        facts: {
          ...base.facts,
          asn: 0,
          accountCreated: -1,
          temperature: -0,
          topP: 0.95,
          maxTokens: 4096,
          seed: 2 ** 53 - 1,
          status: 429,
          latencyMs: 1.5,
          opener: "",
          output: "",
          system: "",
          prompt: "",
          stream: true,
          reasoningRequested: true,
          structuredOutput: true,
          logprobs: true,
        },
        content: { scores: { b: 1, a: 0.25, "2": 0.5 }, capability: "" },
        templateKeys: [0xffffffff, 1, 2 ** 31],
        sampled: true,
      },
      { ...base, content: { scores: {}, capability: "math" }, templateKeys: [] },
    ];
    expect(roundTrip(odd)).toStrictEqual(odd);
  });

  it("gives a batch's exchanges one at a time, packed or not, equal to the prepared ones", () => {
    const batch = { rejected: [], lines: items.length, bytesRead: 0 };
    const packed = { ...batch, items: packExchanges(items) };
    expect(preparedCount(packed)).toBe(items.length);
    expect([...eachPrepared(packed)]).toStrictEqual(items);
    expect([...eachPrepared({ ...batch, items })]).toStrictEqual(items);
    expect(preparedItems({ ...batch, items })).toBe(items);
  });
});
