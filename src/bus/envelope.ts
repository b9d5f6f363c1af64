// Encoding of exchange envelopes and decision updates on the wire (JSON). Decoding validates
// the fields the worker relies on with zod, so one malformed message is terminated alone
// instead of crashing a worker (STYLE.md rule 5).
import { z } from "zod";
import type { DecisionUpdate, ExchangeEnvelope } from "./types.js";

const envelopeSchema = z.looseObject({
  v: z.literal(1),
  seq: z.number().int().nonnegative(),
  facts: z.looseObject({ id: z.string().min(1), ts: z.number().finite(), account: z.string().min(1) }),
  content: z.object({ scores: z.record(z.string(), z.number()), capability: z.string() }),
  template: z.number().int().nonnegative(),
  use: z.object({
    accounts: z.number().int().nonnegative(),
    uses: z.number().int().nonnegative(),
    harvest: z.number(),
    newForAccount: z.boolean(),
  }),
  sampled: z.boolean(),
});

const decisionSchema = z.object({
  account: z.string(),
  verdict: z.enum(["attack", "review", "benign"]),
  score: z.number(),
  campaign: z.string().nullable(),
  at: z.number(),
});

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Serializes an envelope. */
export function encodeEnvelope(e: ExchangeEnvelope): Uint8Array {
  return encoder.encode(JSON.stringify(e));
}

/** Parses and validates an envelope; undefined when malformed. */
export function decodeEnvelope(data: Uint8Array): ExchangeEnvelope | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(decoder.decode(data));
  } catch {
    return undefined; // not JSON: the caller terminates the message
  }
  const r = envelopeSchema.safeParse(raw);
  // The schema checks what the worker indexes by; the remaining facts fields come from our own publisher.
  return r.success ? (r.data as unknown as ExchangeEnvelope) : undefined;
}

/** Serializes a decision update. */
export function encodeDecision(u: DecisionUpdate): Uint8Array {
  return encoder.encode(JSON.stringify(u));
}

/** Parses a decision update; undefined when malformed. */
export function decodeDecision(data: Uint8Array): DecisionUpdate | undefined {
  try {
    const r = decisionSchema.safeParse(JSON.parse(decoder.decode(data)));
    return r.success ? r.data : undefined;
  } catch {
    return undefined; // not JSON
  }
}
