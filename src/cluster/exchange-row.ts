// The store row of an envelope: what the shared store keeps per exchange (and dedupes by id).
import type { ExchangeEnvelope } from "../bus/index.js";
import type { EvidenceSample, ExchangeRow } from "../store/index.js";

/** The exchange row of an envelope. */
export function toExchangeRow(e: ExchangeEnvelope): ExchangeRow {
  const f = e.facts;
  return {
    id: f.id,
    ts: f.ts,
    account: f.account,
    endUser: f.endUser,
    key: f.key,
    ip: f.ip,
    asn: f.asn,
    payment: f.payment,
    userAgent: f.userAgent,
    model: f.model,
    endpoint: f.endpoint,
    template: e.template ? e.template.toString(16) : undefined,
    inputTokens: f.inputTokens,
    outputTokens: f.outputTokens,
    signals: e.content.scores,
    capability: e.content.capability,
  };
}

/** The evidence sample of an envelope that still carries request text. */
export function toSample(e: ExchangeEnvelope): EvidenceSample {
  const f = e.facts;
  const prompt = f.opener ? `${f.opener}\n\n[…]\n\n${f.prompt}` : f.prompt;
  return {
    account: f.account,
    exchangeId: f.id,
    ts: f.ts,
    system: f.system || undefined,
    prompt,
    output: f.output,
    template: e.template ? e.template.toString(16) : undefined,
  };
}
