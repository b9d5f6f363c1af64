// What the store keeps of an exchange: its compact row and, while an account still needs
// evidence, a sample of its request text. Shared by analyze, live ingest and cluster workers.
import type { ExchangeFacts } from "../events/normalize.js";
import type { ContentAnnotation } from "../signals/annotate.js";
import type { EvidenceSample, ExchangeRow } from "../store/index.js";

/** The store row of one exchange with its content scores and template id (0 = none). */
export function exchangeRow(f: ExchangeFacts, content: ContentAnnotation, template: number): ExchangeRow {
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
    template: template ? template.toString(16) : undefined,
    inputTokens: f.inputTokens,
    outputTokens: f.outputTokens,
    signals: content.scores,
    capability: content.capability,
  };
}

/** The evidence sample of an exchange that still carries its request text. */
export function evidenceSample(f: ExchangeFacts, template: number): EvidenceSample {
  const prompt = f.opener ? `${f.opener}\n\n[…]\n\n${f.prompt}` : f.prompt;
  return {
    account: f.account,
    exchangeId: f.id,
    ts: f.ts,
    system: f.system || undefined,
    prompt,
    output: f.output,
    template: template ? template.toString(16) : undefined,
  };
}
