// Test helper: maps a record and checks every candidate against the contract schema.
import { validateExchange, type Exchange } from "../contract.js";
import type { Importer } from "./importer.js";

/** The record's exchanges, each validated by the contract; throws with the reason if one fails. */
export function mapValid(importer: Importer, record: unknown): Exchange[] {
  return importer.toExchanges(record).map((c) => {
    const v = validateExchange(c);
    if (!v.ok) throw new Error(`${importer.name} produced an invalid exchange: ${v.reason}`);
    return v.exchange;
  });
}

/** The only exchange a record maps to. */
export function mapOne(importer: Importer, record: unknown): Exchange {
  const all = mapValid(importer, record);
  if (all.length !== 1 || all[0] === undefined) throw new Error(`expected one exchange, got ${all.length}`);
  return all[0];
}
