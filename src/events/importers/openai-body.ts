// Maps OpenAI request/response bodies (chat completions, Responses API, legacy completions,
// streamed chat chunks) onto contract fields. Shared by every importer whose tool stores the
// provider bodies verbatim (OpenAI logs, LiteLLM, Helicone, Portkey, Langfuse).
// Field names: openai/openai-node `src/resources/chat/completions/completions.ts`,
// `src/resources/responses/responses.ts`, `src/resources/completions.ts`.
import type { ExchangeCandidate } from "./importer.js";
import { bool, firstStr, isObject, num, obj, str, type Json } from "./shared.js";

/** Request messages as contract messages: objects with a string role, content kept as sent. */
export function toMessages(list: unknown[]): Json[] {
  const out: Json[] = [];
  for (const m of list) {
    if (!isObject(m) || typeof m.role !== "string") continue;
    const msg: Json = { ...m };
    const c = m.content;
    // The contract allows string, array of parts, or null; anything else is kept as text.
    if (!(c === undefined || c === null || typeof c === "string" || Array.isArray(c)))
      msg.content = JSON.stringify(c);
    if (m.tool_calls !== undefined && !Array.isArray(m.tool_calls)) delete msg.tool_calls;
    if (m.name !== undefined && typeof m.name !== "string") delete msg.name;
    out.push(msg);
  }
  return out;
}

/** Responses API `input` items as chat-style messages (function calls become tool traffic). */
function responsesInput(input: unknown[]): Json[] {
  const out: Json[] = [];
  for (const item of input) {
    if (!isObject(item)) continue;
    if (typeof item.role === "string") out.push(...toMessages([item]));
    else if (item.type === "function_call")
      out.push({ role: "assistant", content: null, tool_calls: [item] });
    else if (item.type === "function_call_output") {
      out.push({
        role: "tool",
        content: typeof item.output === "string" ? item.output : JSON.stringify(item.output),
      });
    }
    // Reasoning and other item types carry no prompt text of the caller's.
  }
  return out;
}

/** A response_format that asks for plain text is no structured-output request. */
function structuredFormat(v: unknown): unknown {
  if (v === undefined || v === null) return undefined;
  return isObject(v) && v.type === "text" ? undefined : v;
}

/** Sampling/tool parameters of an OpenAI request (chat, responses or completions). */
export function openAIParams(b: Json): Json {
  const reasoning = b.reasoning_effort ?? obj(b.reasoning)?.effort ?? b.reasoning;
  return {
    temperature: num(b.temperature),
    top_p: num(b.top_p),
    max_tokens: num(b.max_tokens) ?? num(b.max_completion_tokens) ?? num(b.max_output_tokens),
    n: num(b.n),
    stream: bool(b.stream),
    tools: Array.isArray(b.tools) ? b.tools : undefined,
    tool_choice: b.tool_choice ?? undefined,
    reasoning: reasoning ?? undefined,
    response_format: structuredFormat(b.response_format ?? obj(b.text)?.format),
    stop: b.stop ?? undefined,
    logprobs: typeof b.logprobs === "boolean" ? b.logprobs : num(b.logprobs),
    top_logprobs: num(b.top_logprobs),
    seed: num(b.seed),
  };
}

/** Contract fields from an OpenAI request body. */
export function mapOpenAIRequest(b: Json): ExchangeCandidate {
  const out: ExchangeCandidate = { model: str(b.model), params: openAIParams(b) };
  // `user` is OpenAI's end-user id; `safety_identifier` is its newer replacement.
  out.end_user = firstStr(b.user, b.safety_identifier);
  if (Array.isArray(b.messages)) {
    out.endpoint = "chat";
    out.messages = toMessages(b.messages);
  } else if (b.input !== undefined) {
    out.endpoint = "responses";
    out.system = str(b.instructions);
    if (typeof b.input === "string") out.messages = [{ role: "user", content: b.input }];
    else if (Array.isArray(b.input)) out.messages = responsesInput(b.input);
  } else if (b.prompt !== undefined) {
    out.endpoint = "completions";
    const p = b.prompt;
    out.prompt =
      typeof p === "string"
        ? p
        : Array.isArray(p)
          ? p.filter((x) => typeof x === "string").join("\n")
          : undefined;
  }
  return out;
}

/** Usage block of chat completions (`prompt_tokens`) or the Responses API (`input_tokens`). */
export function openAIUsage(u: Json | undefined): Json | undefined {
  if (u === undefined) return undefined;
  return {
    input_tokens: num(u.prompt_tokens) ?? num(u.input_tokens),
    output_tokens: num(u.completion_tokens) ?? num(u.output_tokens),
    reasoning_tokens:
      num(obj(u.completion_tokens_details)?.reasoning_tokens) ??
      num(obj(u.output_tokens_details)?.reasoning_tokens),
    cached_tokens:
      num(obj(u.prompt_tokens_details)?.cached_tokens) ?? num(obj(u.input_tokens_details)?.cached_tokens),
  };
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((p) => (isObject(p) && typeof p.text === "string" ? p.text : typeof p === "string" ? p : ""))
    .join("");
}

/** Output of a streamed chat completion logged as its list of chunks. */
function fromChunks(chunks: unknown[]): ExchangeCandidate {
  let output = "";
  let finish: string | undefined;
  let usage: Json | undefined;
  let model: string | undefined;
  const toolIndexes = new Set<string>();
  for (const c of chunks) {
    if (!isObject(c)) continue;
    model ??= str(c.model);
    usage = obj(c.usage) ?? usage;
    for (const ch of Array.isArray(c.choices) ? c.choices : []) {
      if (!isObject(ch)) continue;
      const delta = obj(ch.delta);
      if (typeof delta?.content === "string") output += delta.content;
      for (const t of Array.isArray(delta?.tool_calls) ? delta.tool_calls : []) {
        if (isObject(t)) toolIndexes.add(`${String(ch.index)}:${String(t.index ?? t.id)}`);
      }
      finish = str(ch.finish_reason) ?? finish;
    }
  }
  return { model, output, tool_calls: toolIndexes.size, finish, usage: openAIUsage(usage) };
}

/** Responses API `output` items: message text and function calls. */
function fromResponsesOutput(b: Json): ExchangeCandidate {
  let output = "";
  let tools = 0;
  for (const item of Array.isArray(b.output) ? b.output : []) {
    if (!isObject(item)) continue;
    if (item.type === "message") output += textOf(item.content);
    else if (/_call$/.test(String(item.type))) tools += 1;
  }
  return {
    model: str(b.model),
    output: output || str(b.output_text),
    tool_calls: tools,
    finish: firstStr(obj(b.incomplete_details)?.reason, b.status),
    usage: openAIUsage(obj(b.usage)),
  };
}

/** Contract fields from an OpenAI response body, or from a list of streamed chunks. */
export function mapOpenAIResponse(body: unknown): ExchangeCandidate {
  if (Array.isArray(body)) return fromChunks(body);
  if (typeof body === "string") return { output: body };
  if (!isObject(body)) return {};
  if (Array.isArray(body.output)) return fromResponsesOutput(body);
  const choices = Array.isArray(body.choices) ? body.choices.filter(isObject) : [];
  const texts: string[] = [];
  let tools = 0;
  for (const ch of choices) {
    const msg = obj(ch.message);
    const t = msg ? textOf(msg.content) : typeof ch.text === "string" ? ch.text : "";
    if (t) texts.push(t);
    tools += Array.isArray(msg?.tool_calls) ? msg.tool_calls.length : 0;
  }
  return {
    model: str(body.model),
    output: choices.length > 0 ? texts.join("\n\n") : undefined,
    tool_calls: choices.length > 0 ? tools : undefined,
    finish: str(choices[0]?.finish_reason),
    usage: openAIUsage(obj(body.usage)),
  };
}
