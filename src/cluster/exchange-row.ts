// The store row and evidence sample of an envelope: what the shared store keeps per exchange.
import { evidenceSample, exchangeRow } from "../analyze/rows.js";
import type { ExchangeEnvelope } from "../bus/index.js";
import type { EvidenceSample, ExchangeRow } from "../store/index.js";

/** The exchange row of an envelope. */
export function toExchangeRow(e: ExchangeEnvelope): ExchangeRow {
  return exchangeRow(e.facts, e.content, e.template ?? 0);
}

/** The evidence sample of an envelope that still carries request text. */
export function toSample(e: ExchangeEnvelope): EvidenceSample {
  return evidenceSample(e.facts, e.template ?? 0);
}
