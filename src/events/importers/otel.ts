// OpenTelemetry GenAI spans in OTLP/JSON: each line an ExportTraceServiceRequest
// (`resourceSpans[].scopeSpans[].spans[]`; opentelemetry-proto `trace/v1/trace.proto`), one
// exchange per span that carries `gen_ai.*` attributes. Attribute names:
// open-telemetry/semantic-conventions `docs/registry/attributes/gen-ai.md` (gen_ai.*),
// `docs/registry/attributes/user.md` (user.id), `client.md` (client.address),
// `user-agent.md` (user_agent.original); deprecated `enduser.id`, `gen_ai.prompt`,
// `gen_ai.completion`, `gen_ai.usage.prompt_tokens` / `completion_tokens`.
import type { ExchangeCandidate, Importer } from "./importer.js";
import { indexedPrompt, messagesAttr, outputOf, systemAttr } from "./otel-messages.js";
import { attributes, nanosToMs, structured } from "./otlp-values.js";
import { compact, firstStr, isObject, missing, num, obj, str, type Json } from "./shared.js";

// Agent and tool spans wrap model calls that have spans of their own; mapping them too would
// count each request twice.
const notModelCalls = new Set(["execute_tool", "invoke_agent", "create_agent"]);

const endpoints: Record<string, string> = {
  chat: "chat",
  text_completion: "completions",
  embeddings: "embeddings",
};

function hasGenAi(attrs: Json): boolean {
  return Object.keys(attrs).some((k) => k.startsWith("gen_ai."));
}

/** Input messages from the current attribute, the deprecated string, or indexed attributes. */
function inputOf(a: Json): { messages?: Json[]; prompt?: string } {
  const current = messagesAttr(a["gen_ai.input.messages"]) ?? indexedPrompt(a, "gen_ai.prompt");
  if (current !== undefined) return { messages: current };
  const legacy = a["gen_ai.prompt"];
  const parsed = messagesAttr(legacy);
  if (parsed !== undefined) return { messages: parsed };
  return typeof legacy === "string" ? { prompt: legacy } : {};
}

function outputAttrs(a: Json): ExchangeCandidate {
  const raw = a["gen_ai.output.messages"] ?? a["gen_ai.completion"];
  const msgs = messagesAttr(raw) ?? indexedPrompt(a, "gen_ai.completion");
  if (msgs === undefined) return typeof raw === "string" ? { output: raw } : {};
  const { output, toolCalls } = outputOf(msgs);
  const first = (structured(raw) as unknown[] | undefined)?.[0];
  return { output, tool_calls: toolCalls, finish: isObject(first) ? str(first.finish_reason) : undefined };
}

function spanToExchange(span: Json, resource: Json): ExchangeCandidate {
  const a: Json = { ...resource, ...attributes(span.attributes) };
  // user.id is the semconv attribute for the authenticated caller; enduser.id its deprecated name.
  const account = firstStr(a["user.id"], a["enduser.id"]);
  const ts = nanosToMs(span.startTimeUnixNano);
  const id = firstStr(a["gen_ai.response.id"], span.spanId);
  if (id === undefined) missing("otel", "id", "gen_ai.response.id, spanId");
  if (ts === undefined) missing("otel", "ts", "startTimeUnixNano");
  if (account === undefined) missing("otel", "account", "user.id, enduser.id attributes");
  const end = nanosToMs(span.endTimeUnixNano);
  const finishes = a["gen_ai.response.finish_reasons"];
  const out = outputAttrs(a);
  const tools = structured(a["gen_ai.tool.definitions"]);
  const op = str(a["gen_ai.operation.name"]);
  return compact({
    ...inputOf(a),
    ...out,
    id,
    ts,
    account,
    ip: str(a["client.address"]),
    user_agent: str(a["user_agent.original"]),
    endpoint: op === undefined ? undefined : (endpoints[op] ?? op),
    model: firstStr(a["gen_ai.request.model"], a["gen_ai.response.model"]),
    system: systemAttr(a["gen_ai.system_instructions"]),
    finish: (Array.isArray(finishes) ? str(finishes[0]) : undefined) ?? out.finish,
    status: num(a["http.response.status_code"]),
    latency_ms: end !== undefined && end >= ts ? end - ts : undefined,
    params: {
      temperature: num(a["gen_ai.request.temperature"]),
      top_p: num(a["gen_ai.request.top_p"]),
      max_tokens: num(a["gen_ai.request.max_tokens"]),
      n: num(a["gen_ai.request.choice.count"]),
      seed: num(a["gen_ai.request.seed"]),
      stop: a["gen_ai.request.stop_sequences"],
      tools: Array.isArray(tools) ? tools : undefined,
    },
    usage: {
      input_tokens: num(a["gen_ai.usage.input_tokens"]) ?? num(a["gen_ai.usage.prompt_tokens"]),
      output_tokens: num(a["gen_ai.usage.output_tokens"]) ?? num(a["gen_ai.usage.completion_tokens"]),
      cached_tokens: num(a["gen_ai.usage.cache_read.input_tokens"]),
    },
    meta: {
      trace_id: str(span.traceId),
      span_id: str(span.spanId),
      provider: firstStr(a["gen_ai.provider.name"], a["gen_ai.system"]),
      conversation_id: str(a["gen_ai.conversation.id"]),
      error_type: str(a["error.type"]),
      span_status: num(obj(span.status)?.code),
    },
  });
}

export const otelImporter: Importer = {
  name: "otel",
  description: "OpenTelemetry GenAI spans as OTLP/JSON ExportTraceServiceRequest lines",
  detect(record) {
    return isObject(record) && Array.isArray(record.resourceSpans);
  },
  toExchanges(record) {
    if (!isObject(record) || !Array.isArray(record.resourceSpans))
      throw new Error("otel record has no resourceSpans array");
    const out: ExchangeCandidate[] = [];
    for (const rs of record.resourceSpans.filter(isObject)) {
      const resource = attributes(obj(rs.resource)?.attributes);
      for (const ss of Array.isArray(rs.scopeSpans) ? rs.scopeSpans.filter(isObject) : []) {
        for (const span of Array.isArray(ss.spans) ? ss.spans.filter(isObject) : []) {
          const a = attributes(span.attributes);
          if (!hasGenAi(a) || notModelCalls.has(String(a["gen_ai.operation.name"]))) continue;
          out.push(spanToExchange(span, resource));
        }
      }
    }
    return out;
  },
};
