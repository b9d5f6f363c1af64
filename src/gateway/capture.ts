// Reads what the model answered from the captured response bytes, after the response has been
// sent: the text (OpenAI `choices[].delta.content`, Responses `response.output_text.delta`,
// Anthropic `text_delta`/`thinking_delta`), tool calls, finish reason and token usage.
import type { ApiKind } from "../policy/index.js";
import { contentText } from "./request-view.js";
import { parseSseText } from "./sse.js";

type Json = Record<string, unknown>;

/** Token usage in the contract's names. */
export interface CapturedUsage {
  input_tokens?: number;
  output_tokens?: number;
  reasoning_tokens?: number;
  cached_tokens?: number;
}

/** What the captured response said. */
export interface CapturedOutput {
  output: string;
  toolCalls: number;
  finish?: string;
  usage: CapturedUsage;
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

function parseJson(text: string): Json | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return isObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Maps any of the three APIs' usage objects onto the contract's usage fields. */
export function readUsage(u: unknown, into: CapturedUsage = {}): CapturedUsage {
  if (!isObject(u)) return into;
  const input = num(u.input_tokens) ?? num(u.prompt_tokens);
  const output = num(u.output_tokens) ?? num(u.completion_tokens);
  const details = isObject(u.completion_tokens_details)
    ? u.completion_tokens_details
    : isObject(u.output_tokens_details)
      ? u.output_tokens_details
      : undefined;
  const inDetails = isObject(u.prompt_tokens_details)
    ? u.prompt_tokens_details
    : isObject(u.input_tokens_details)
      ? u.input_tokens_details
      : undefined;
  const reasoning = num(details?.reasoning_tokens);
  const cached = num(inDetails?.cached_tokens) ?? num(u.cache_read_input_tokens);
  if (input !== undefined) into.input_tokens = input;
  if (output !== undefined) into.output_tokens = output;
  if (reasoning !== undefined) into.reasoning_tokens = reasoning;
  if (cached !== undefined) into.cached_tokens = cached;
  return into;
}

function readWhole(api: ApiKind, body: Json): CapturedOutput {
  const out: CapturedOutput = { output: "", toolCalls: 0, usage: readUsage(body.usage) };
  if (api === "messages") {
    const blocks = Array.isArray(body.content) ? body.content.filter(isObject) : [];
    out.output = blocks
      .map((b) => (typeof b.text === "string" ? b.text : typeof b.thinking === "string" ? b.thinking : ""))
      .join("");
    out.toolCalls = blocks.filter((b) => b.type === "tool_use").length;
    if (typeof body.stop_reason === "string") out.finish = body.stop_reason;
  } else if (api === "responses") {
    const items = Array.isArray(body.output) ? body.output.filter(isObject) : [];
    out.output = items
      .filter((i) => i.type === "message")
      .map((i) => contentText(i.content))
      .join("");
    out.toolCalls = items.filter((i) => i.type === "function_call").length;
    if (typeof body.status === "string") out.finish = body.status;
  } else {
    const choice = Array.isArray(body.choices) && isObject(body.choices[0]) ? body.choices[0] : undefined;
    const message = isObject(choice?.message) ? choice.message : undefined;
    out.output = contentText(message?.content);
    out.toolCalls = Array.isArray(message?.tool_calls) ? message.tool_calls.length : 0;
    if (typeof choice?.finish_reason === "string") out.finish = choice.finish_reason;
  }
  return out;
}

function readStreamEvent(api: ApiKind, e: Json, out: CapturedOutput, parts: string[]): void {
  if (api === "messages") {
    if (e.type === "message_start" && isObject(e.message)) readUsage(e.message.usage, out.usage);
    else if (
      e.type === "content_block_start" &&
      isObject(e.content_block) &&
      e.content_block.type === "tool_use"
    )
      out.toolCalls += 1;
    else if (e.type === "content_block_delta" && isObject(e.delta)) {
      if (typeof e.delta.text === "string") parts.push(e.delta.text);
      else if (typeof e.delta.thinking === "string") parts.push(e.delta.thinking);
    } else if (e.type === "message_delta") {
      readUsage(e.usage, out.usage);
      if (isObject(e.delta) && typeof e.delta.stop_reason === "string") out.finish = e.delta.stop_reason;
    }
    return;
  }
  if (api === "responses") {
    if (e.type === "response.output_text.delta" && typeof e.delta === "string") parts.push(e.delta);
    else if (e.type === "response.output_item.added" && isObject(e.item) && e.item.type === "function_call")
      out.toolCalls += 1;
    else if (
      (e.type === "response.completed" || e.type === "response.incomplete" || e.type === "response.failed") &&
      isObject(e.response)
    ) {
      readUsage(e.response.usage, out.usage);
      if (typeof e.response.status === "string") out.finish = e.response.status;
    }
    return;
  }
  readUsage(e.usage, out.usage);
  if (!Array.isArray(e.choices)) return;
  for (const c of e.choices) {
    if (!isObject(c)) continue;
    if (isObject(c.delta)) {
      if (typeof c.delta.content === "string") parts.push(c.delta.content);
      if (Array.isArray(c.delta.tool_calls)) {
        // A tool call's first delta carries its id; later deltas only carry argument pieces.
        out.toolCalls += c.delta.tool_calls.filter((t) => isObject(t) && typeof t.id === "string").length;
      }
    }
    if (typeof c.finish_reason === "string") out.finish = c.finish_reason;
  }
}

/** Reads a captured response body, streamed (SSE) or whole (JSON). */
export function readCapture(api: ApiKind, streamed: boolean, body: string): CapturedOutput {
  if (!streamed) {
    const json = parseJson(body);
    return json ? readWhole(api, json) : { output: "", toolCalls: 0, usage: {} };
  }
  const out: CapturedOutput = { output: "", toolCalls: 0, usage: {} };
  const parts: string[] = [];
  for (const e of parseSseText(body)) {
    if (e.data === "[DONE]") continue;
    const json = parseJson(e.data);
    if (json) readStreamEvent(api, json, out, parts);
  }
  out.output = parts.join("");
  return out;
}
