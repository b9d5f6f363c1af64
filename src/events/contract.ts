// The exchange contract of shared/spec/exchange-events.md as zod schemas. Unknown fields are
// kept (passthrough) so nothing a log carried is lost; wrong types are rejected with the path.
import { z } from "zod";
import { isExchangeFast } from "./fast-validate.js";
import { parseTimestamp } from "./timestamp.js";

export { parseTimestamp } from "./timestamp.js";

const timestamp = z.union([z.string().min(1), z.number().finite()]);

const contentPart = z.looseObject({ type: z.string().optional() });
export const messageSchema = z.looseObject({
  role: z.string(),
  content: z.union([z.string(), z.array(z.union([contentPart, z.string()])), z.null()]).optional(),
  tool_calls: z.array(z.unknown()).optional(),
  name: z.string().optional(),
});

export const paramsSchema = z.looseObject({
  temperature: z.number().nullable().optional(),
  top_p: z.number().nullable().optional(),
  max_tokens: z.number().nullable().optional(),
  n: z.number().nullable().optional(),
  stream: z.boolean().nullable().optional(),
  tools: z
    .union([z.number(), z.array(z.unknown())])
    .nullable()
    .optional(),
  tool_choice: z.unknown().optional(),
  reasoning: z.unknown().optional(),
  response_format: z.unknown().optional(),
  stop: z.unknown().optional(),
  logprobs: z.union([z.boolean(), z.number()]).nullable().optional(),
  top_logprobs: z.number().nullable().optional(),
  seed: z.number().nullable().optional(),
});

export const usageSchema = z.looseObject({
  input_tokens: z.number().nullable().optional(),
  output_tokens: z.number().nullable().optional(),
  reasoning_tokens: z.number().nullable().optional(),
  cached_tokens: z.number().nullable().optional(),
});

export const verificationLevels = ["none", "email", "phone", "card", "id", "enterprise"] as const;

export const exchangeSchema = z
  .looseObject({
    id: z.string().min(1),
    ts: timestamp,
    account: z.string().min(1),
    org: z.string().optional(),
    end_user: z.string().optional(),
    key: z.string().optional(),
    ip: z.string().optional(),
    asn: z.number().int().nonnegative().max(4_294_967_295, "an ASN is a 32-bit number").optional(),
    country: z.string().optional(),
    user_agent: z.string().optional(),
    payment: z.string().optional(),
    email_domain: z.string().optional(),
    account_created: timestamp.optional(),
    verification: z.string().optional(),
    via: z.string().optional(),
    endpoint: z.string().optional(),
    model: z.string().optional(),
    system: z.string().optional(),
    messages: z.array(messageSchema).optional(),
    prompt: z.string().optional(),
    params: paramsSchema.optional(),
    output: z.string().optional(),
    tool_calls: z.number().int().nonnegative().optional(),
    finish: z.string().optional(),
    status: z.number().int().optional(),
    latency_ms: z.number().nonnegative().optional(),
    usage: usageSchema.optional(),
  })
  .superRefine((e, ctx) => {
    if (e.messages === undefined && e.prompt === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["messages"],
        message: "one of `messages` or `prompt` is required",
      });
    }
    if (parseTimestamp(e.ts) === null)
      ctx.addIssue({ code: "custom", path: ["ts"], message: "not an RFC 3339 time or epoch ms" });
    if (e.account_created !== undefined && parseTimestamp(e.account_created) === null) {
      ctx.addIssue({
        code: "custom",
        path: ["account_created"],
        message: "not an RFC 3339 time or epoch ms",
      });
    }
  });

/** One API request to the provider's model and, when known, its response (contract §1). */
export type Exchange = z.infer<typeof exchangeSchema>;
export type ExchangeMessage = z.infer<typeof messageSchema>;

/** Human-readable reason a record is not an exchange, naming the field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join(".") : "(record)"}: ${i.message}`)
    .join("; ");
}

/** Validates one decoded record; returns the exchange or the reason it was rejected. */
export function validateExchange(
  record: unknown,
): { ok: true; exchange: Exchange } | { ok: false; reason: string } {
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    return { ok: false, reason: "(record): expected a JSON object" };
  }
  if (isExchangeFast(record)) return { ok: true, exchange: record as Exchange };
  const r = exchangeSchema.safeParse(record);
  return r.success ? { ok: true, exchange: r.data } : { ok: false, reason: describeIssues(r.error) };
}
