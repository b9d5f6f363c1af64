// Maps Anthropic Messages API request/response bodies onto contract fields. Shared by the
// anthropic importer and the gateways that proxy Anthropic (LiteLLM, Helicone, Portkey).
// Field names: anthropics/anthropic-sdk-typescript `src/resources/messages/messages.ts`
// (MessageCreateParams, Message, Usage).
import type { ExchangeCandidate } from "./importer.js";
import { toMessages } from "./openai-body.js";
import { bool, isObject, num, obj, str, type Json } from "./shared.js";

/** `system` is a string or a list of text blocks. */
function systemText(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (!Array.isArray(v)) return undefined;
  const t = v.map((b) => (isObject(b) && typeof b.text === "string" ? b.text : "")).filter(Boolean);
  return t.length > 0 ? t.join("\n") : undefined;
}

/** Extended thinking as the contract's `reasoning`: the budget when enabled, absent when off. */
function thinking(v: unknown): unknown {
  const t = obj(v);
  if (t === undefined || t.type === "disabled") return undefined;
  return num(t.budget_tokens) ?? t.type;
}

/** Contract fields from an Anthropic Messages request body. */
export function mapAnthropicRequest(b: Json): ExchangeCandidate {
  return {
    endpoint: "messages",
    model: str(b.model),
    system: systemText(b.system),
    messages: Array.isArray(b.messages) ? toMessages(b.messages) : undefined,
    // metadata.user_id is Anthropic's "external identifier for the user" — an end user.
    end_user: str(obj(b.metadata)?.user_id),
    params: {
      temperature: num(b.temperature),
      top_p: num(b.top_p),
      max_tokens: num(b.max_tokens),
      stream: bool(b.stream),
      tools: Array.isArray(b.tools) ? b.tools : undefined,
      tool_choice: b.tool_choice ?? undefined,
      reasoning: thinking(b.thinking),
      stop: b.stop_sequences ?? undefined,
    },
  };
}

/** Contract fields from an Anthropic Message (response) body. */
export function mapAnthropicResponse(body: unknown): ExchangeCandidate {
  const b = obj(body);
  if (b === undefined) return typeof body === "string" ? { output: body } : {};
  const blocks = Array.isArray(b.content) ? b.content.filter(isObject) : [];
  const u = obj(b.usage);
  return {
    model: str(b.model),
    output:
      blocks.length > 0
        ? blocks.map((x) => (x.type === "text" && typeof x.text === "string" ? x.text : "")).join("")
        : undefined,
    tool_calls:
      blocks.length > 0
        ? blocks.filter((x) => x.type === "tool_use" || x.type === "server_tool_use").length
        : undefined,
    finish: str(b.stop_reason),
    usage: u && {
      input_tokens: num(u.input_tokens),
      output_tokens: num(u.output_tokens),
      cached_tokens: num(u.cache_read_input_tokens),
      cache_creation_input_tokens: num(u.cache_creation_input_tokens),
    },
  };
}
