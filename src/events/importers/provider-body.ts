// Gateways (LiteLLM, Helicone, Portkey) store whichever provider body they proxied; this picks
// the dialect from the bodies' shapes and merges request and response fields.
import { mapAnthropicRequest, mapAnthropicResponse } from "./anthropic-body.js";
import type { ExchangeCandidate } from "./importer.js";
import { mapOpenAIRequest, mapOpenAIResponse } from "./openai-body.js";
import { isObject, obj, type Json } from "./shared.js";

/** Which provider API a request/response pair speaks. */
export type Dialect = "openai" | "anthropic";

function hasAnthropicBlocks(messages: unknown): boolean {
  if (!Array.isArray(messages)) return false;
  return messages.some(
    (m) =>
      isObject(m) &&
      Array.isArray(m.content) &&
      m.content.some((p) => isObject(p) && (p.type === "tool_use" || p.type === "tool_result")),
  );
}

/** Anthropic when a field only the Messages API has is present; OpenAI otherwise. */
export function dialectOf(request: Json | undefined, response: unknown): Dialect {
  const res = obj(response);
  if (res?.type === "message" || (res !== undefined && "stop_reason" in res)) return "anthropic";
  if (res !== undefined && ("choices" in res || res.object === "response")) return "openai";
  if (request === undefined) return "openai";
  if (
    "anthropic_version" in request ||
    "thinking" in request ||
    "stop_sequences" in request ||
    "top_k" in request
  )
    return "anthropic";
  if ("system" in request && Array.isArray(request.messages)) return "anthropic";
  return hasAnthropicBlocks(request.messages) ? "anthropic" : "openai";
}

/** Request fields overlaid with response fields (usage and output come from the response). */
export function mapBodies(
  request: Json | undefined,
  response: unknown,
  dialect = dialectOf(request, response),
): ExchangeCandidate {
  const req =
    request === undefined
      ? {}
      : dialect === "anthropic"
        ? mapAnthropicRequest(request)
        : mapOpenAIRequest(request);
  const res = dialect === "anthropic" ? mapAnthropicResponse(response) : mapOpenAIResponse(response);
  return { ...req, ...definedOnly(res), model: req.model ?? res.model };
}

function definedOnly(c: ExchangeCandidate): ExchangeCandidate {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined));
}
