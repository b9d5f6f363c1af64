// Langfuse observations export, in the public API's camelCase (GET /api/public/observations,
// /v2/observations: langfuse/langfuse `fern/apis/server/definition/commons.yml`,
// `observations-v2.yml`) or the ClickHouse table's snake_case (langfuse/langfuse
// `packages/shared/clickhouse/migrations/unclustered/0002_observations.up.sql`). Only
// GENERATION observations are model calls; spans and events map to nothing.
import type { ExchangeCandidate, Importer } from "./importer.js";
import { mapOpenAIResponse, openAIParams, toMessages } from "./openai-body.js";
import {
  compact,
  firstStr,
  isObject,
  missing,
  num,
  obj,
  parseMaybeJson,
  str,
  toTimestamp,
  type Json,
} from "./shared.js";

/** Input as logged by the integrations: a message list, `{messages, ...}`, or a prompt. */
function mapInput(input: unknown): ExchangeCandidate {
  const v = parseMaybeJson(input);
  if (Array.isArray(v)) return { messages: toMessages(v) };
  const o = obj(v);
  if (o !== undefined && Array.isArray(o.messages))
    return { messages: toMessages(o.messages), system: str(o.system) };
  if (typeof v === "string") return { prompt: v };
  if (o !== undefined && typeof o.prompt === "string") return { prompt: o.prompt };
  return v === undefined || v === null ? {} : { prompt: JSON.stringify(v) };
}

/** Output: a completion string, an assistant message, or a whole provider response. */
function mapOutput(output: unknown): ExchangeCandidate {
  const v = parseMaybeJson(output);
  if (typeof v === "string") return { output: v };
  const o = obj(v);
  if (o === undefined) return {};
  if ("choices" in o || "output" in o) return mapOpenAIResponse(o);
  const text = typeof o.content === "string" ? o.content : undefined;
  const tools = Array.isArray(o.tool_calls) ? o.tool_calls.length : undefined;
  return { output: text, tool_calls: tools };
}

/** usage_details keys vary by integration (`input_cached_tokens`, `cache_read_input_tokens`, ...). */
function mapUsage(details: Json | undefined, legacy: Json | undefined): Json {
  const d = details ?? {};
  const keyed = (re: RegExp): number | undefined => {
    for (const [k, x] of Object.entries(d)) if (re.test(k) && num(x) !== undefined) return num(x);
    return undefined;
  };
  return {
    input_tokens: num(d.input) ?? num(legacy?.input),
    output_tokens: num(d.output) ?? num(legacy?.output),
    reasoning_tokens: keyed(/reasoning/),
    cached_tokens: keyed(/cache.*read|cached/),
  };
}

/** Latency: the API's `latency` (seconds) or end minus start. */
function latencyMs(r: Json, start: string | number): number | undefined {
  const seconds = num(r.latency);
  if (seconds !== undefined) return seconds * 1000;
  const end = toTimestamp(r.endTime ?? r.end_time);
  return end === undefined ? undefined : new Date(end).getTime() - new Date(start).getTime();
}

function toExchange(r: Json): ExchangeCandidate {
  const meta = obj(parseMaybeJson(r.metadata)) ?? {};
  const traceUser = firstStr(r.userId, r.user_id, obj(r.trace)?.userId, obj(r.trace)?.user_id);
  // LiteLLM's Langfuse logger writes the virtual key's owner into metadata; that beats the trace
  // userId, which LiteLLM fills with the caller's end user. Otherwise the trace userId is all.
  const keyOwner = firstStr(
    meta.user_api_key_user_id,
    meta.user_api_key_team_id,
    meta.user_api_key_alias,
    meta.user_api_key_hash,
  );
  const account = keyOwner ?? traceUser;
  const ts = toTimestamp(r.startTime ?? r.start_time);
  const id = str(r.id);
  if (id === undefined) missing("langfuse", "id", "id");
  if (ts === undefined) missing("langfuse", "ts", "startTime, start_time");
  if (account === undefined)
    missing("langfuse", "account", "userId, user_id, trace.userId, metadata.user_api_key_user_id");
  const latency = latencyMs(r, ts);
  const params = obj(parseMaybeJson(r.modelParameters ?? r.model_parameters)) ?? {};
  return compact({
    ...mapInput(r.input),
    ...mapOutput(r.output),
    id,
    ts,
    account,
    end_user: keyOwner !== undefined ? traceUser : undefined,
    key: str(meta.user_api_key_hash),
    model: firstStr(r.providedModelName, r.provided_model_name, r.model),
    params: openAIParams({ ...params, max_tokens: params.max_tokens ?? params.maxTokens }),
    usage: mapUsage(obj(r.usageDetails ?? r.usage_details), obj(r.usage)),
    latency_ms: latency !== undefined && latency >= 0 ? latency : undefined,
    meta: {
      trace_id: firstStr(r.traceId, r.trace_id),
      session_id: firstStr(r.sessionId, r.session_id),
      name: str(r.name),
      level: str(r.level),
      status_message: firstStr(r.statusMessage, r.status_message),
      environment: str(r.environment),
      total_cost: num(r.totalCost ?? r.total_cost ?? r.calculatedTotalCost),
    },
  });
}

export const langfuseImporter: Importer = {
  name: "langfuse",
  description: "Langfuse observations export (public API camelCase or ClickHouse snake_case)",
  detect(record) {
    return (
      isObject(record) &&
      typeof record.type === "string" &&
      (typeof record.traceId === "string" || typeof record.trace_id === "string") &&
      (record.startTime !== undefined || record.start_time !== undefined)
    );
  },
  toExchanges(record) {
    if (!isObject(record)) throw new Error("langfuse record is not a JSON object");
    return record.type === "GENERATION" ? [toExchange(record)] : [];
  },
};
