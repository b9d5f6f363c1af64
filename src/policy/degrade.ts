// The `degrade` action: serve the request, but with less of what a distiller harvests — fewer
// output tokens and no reasoning. Request and response rewrites are pure functions of parsed JSON.
import type { ApiKind } from "./types.js";

/** What degrading does to a request. */
export interface DegradeOptions {
  maxTokens?: number;
  withholdReasoning: boolean;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Output-token fields per API; the first is the one set when the client sent none. */
const tokenFields: Record<ApiKind, readonly string[]> = {
  chat: ["max_completion_tokens", "max_tokens"],
  responses: ["max_output_tokens"],
  messages: ["max_tokens"],
};

/** Reasoning switches per API (OpenAI `reasoning_effort`/`reasoning`, Anthropic `thinking`). */
const reasoningFields: Record<ApiKind, readonly string[]> = {
  chat: ["reasoning_effort", "reasoning"],
  responses: ["reasoning"],
  messages: ["thinking"],
};

/** Returns a copy of the request body with output tokens capped and reasoning switched off. */
export function degradeRequest(api: ApiKind, body: Json, opts: DegradeOptions): Json {
  const out: Json = { ...body };
  if (opts.maxTokens !== undefined) {
    const fields = tokenFields[api];
    let capped = false;
    for (const f of fields) {
      const v = out[f];
      if (typeof v === "number") {
        out[f] = Math.min(v, opts.maxTokens);
        capped = true;
      }
    }
    if (!capped && fields[0] !== undefined) out[fields[0]] = opts.maxTokens;
  }
  if (opts.withholdReasoning) {
    for (const f of reasoningFields[api]) delete out[f];
    // OpenAI-compatible hosts (OpenRouter, vLLM) also honour `include_reasoning`, which would
    // bring reasoning back; encrypted reasoning items would let a client replay it.
    delete out.include_reasoning;
    if (api === "responses" && Array.isArray(out.include)) {
      out.include = out.include.filter((x) => x !== "reasoning.encrypted_content");
    }
  }
  return out;
}

const reasoningBlockTypes = new Set(["thinking", "redacted_thinking"]);
const chatReasoningKeys = ["reasoning_content", "reasoning", "reasoning_details"];

function stripChatMessage(m: unknown): unknown {
  if (!isObject(m)) return m;
  const copy = { ...m };
  for (const k of chatReasoningKeys) delete copy[k];
  return copy;
}

/** Returns a copy of a non-streamed response body without reasoning content. */
export function stripReasoning(api: ApiKind, body: Json): Json {
  if (api === "messages") {
    return Array.isArray(body.content)
      ? {
          ...body,
          content: body.content.filter((b) => !(isObject(b) && reasoningBlockTypes.has(String(b.type)))),
        }
      : body;
  }
  if (api === "responses") {
    return Array.isArray(body.output)
      ? { ...body, output: body.output.filter((o) => !(isObject(o) && o.type === "reasoning")) }
      : body;
  }
  if (!Array.isArray(body.choices)) return body;
  const choices = body.choices.map((c) => {
    if (!isObject(c)) return c;
    const copy = { ...c };
    if (copy.message !== undefined) copy.message = stripChatMessage(copy.message);
    if (copy.delta !== undefined) copy.delta = stripChatMessage(copy.delta);
    return copy;
  });
  return { ...body, choices };
}

/**
 * A stateful filter over the JSON payloads of one SSE stream: returns the payload to send
 * (rewritten when it carried reasoning) or null to drop the event. Anthropic thinking blocks are
 * dropped from start to stop, remembered by index.
 */
export function createStreamReasoningFilter(api: ApiKind): (data: Json) => Json | null {
  if (api === "messages") {
    const dropped = new Set<number>();
    return (data) => {
      const index = typeof data.index === "number" ? data.index : -1;
      if (
        data.type === "content_block_start" &&
        isObject(data.content_block) &&
        reasoningBlockTypes.has(String(data.content_block.type))
      ) {
        dropped.add(index);
        return null;
      }
      if ((data.type === "content_block_delta" || data.type === "content_block_stop") && dropped.has(index))
        return null;
      if (
        data.type === "content_block_delta" &&
        isObject(data.delta) &&
        (data.delta.type === "thinking_delta" || data.delta.type === "signature_delta")
      )
        return null;
      return data;
    };
  }
  if (api === "responses") {
    return (data) => {
      const type = typeof data.type === "string" ? data.type : "";
      if (type.startsWith("response.reasoning")) return null;
      if (isObject(data.item) && data.item.type === "reasoning") return null;
      if (isObject(data.response)) return { ...data, response: stripReasoning("responses", data.response) };
      return data;
    };
  }
  return (data) => stripReasoning("chat", data);
}
