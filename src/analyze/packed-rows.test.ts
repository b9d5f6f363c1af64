import { describe, expect, it } from "vitest";
import { bareExchange, exchange, seeded, t0 } from "../store/contract-fixtures.js";
import type { ExchangeRow } from "../store/index.js";
import { packedRowsTransfer, packRows, unpackRows } from "./packed-rows.js";

/** Packs, crosses a structured clone (as postMessage does, transferring the buffers), unpacks. */
function roundTrip(rows: ExchangeRow[]): ExchangeRow[] {
  const packed = packRows(rows);
  return unpackRows(structuredClone(packed, { transfer: packedRowsTransfer(packed) }));
}

describe("packed rows", () => {
  it("unpacks rows equal to the packed ones, in order, with repeated and absent values", () => {
    const rand = seeded(7);
    const rows: ExchangeRow[] = [];
    for (let i = 0; i < 3000; i++) {
      const account = `acct-${Math.floor(rand() * 40)}`;
      rows.push(
        i % 5 === 0 ? bareExchange(`ex-${i}`, account, t0 + i) : exchange(`ex-${i}`, account, t0 + i, rand),
      );
    }
    rows.push({ ...exchange("ex-odd", "acct-0", t0), asn: 0, signals: { z: -0, "1": 1e-300 }, template: "" });
    const back = roundTrip(rows);
    expect(back).toEqual(rows);
    // Absent fields come back as undefined (the store writes both as NULL), everything else exact.
    for (const [i, row] of back.entries())
      for (const [k, v] of Object.entries(rows[i]!)) expect(row[k as keyof ExchangeRow], k).toStrictEqual(v);
  });

  it("packs an empty batch", () => {
    expect(roundTrip([])).toEqual([]);
  });
});
