// LiteLLM proxy logs in either of its two documented shapes:
// - StandardLoggingPayload (callbacks; BerriAI/litellm `litellm/types/utils.py`,
//   `docs/my-website/docs/proxy/logging_spec.md`): startTime is epoch seconds, key identity
//   under `metadata.user_api_key_*`.
// - LiteLLM_SpendLogs row / `/spend/logs` (BerriAI/litellm `schema.prisma`,
//   `litellm/proxy/_types.py` SpendLogsPayload/SpendLogsMetadata): `api_key` is the key hash,
//   `user` the key owner, startTime an ISO string, request body in metadata.proxy_server_request.
import type { ExchangeCandidate, Importer } from "./importer.js";
import { mapBodies } from "./provider-body.js";
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

/** The request body: model parameters plus messages (a list, a prompt string or a body dict). */
function requestBody(r: Json, meta: Json): Json | undefined {
  const proxied = obj(parseMaybeJson(meta.proxy_server_request));
  const messages = parseMaybeJson(r.messages);
  const base: Json = { ...(proxied ?? {}), ...(obj(r.model_parameters) ?? {}) };
  if (Array.isArray(messages) && messages.length > 0) return { ...base, messages };
  if (typeof messages === "string" && messages.length > 0) return { ...base, prompt: messages };
  const dict = obj(messages);
  if (dict !== undefined && Object.keys(dict).length > 0) return { ...base, ...dict };
  return proxied ?? undefined;
}

/** HTTP status: the error code LiteLLM recorded, 200 for a logged success. */
function statusOf(r: Json, meta: Json): number | undefined {
  const err = obj(r.error_information) ?? obj(meta.error_information);
  const code = num(err?.error_code);
  if (code !== undefined) return code;
  return r.status === "success" ? 200 : undefined;
}

function latencyMs(r: Json, start: string | number | undefined): number | undefined {
  const direct = num(r.request_duration_ms);
  if (direct !== undefined) return direct;
  const end = toTimestamp(r.endTime);
  if (start === undefined || end === undefined) return undefined;
  const ms = new Date(end).getTime() - new Date(start).getTime();
  return ms >= 0 ? ms : undefined;
}

function toExchange(r: Json): ExchangeCandidate {
  const meta = obj(parseMaybeJson(r.metadata)) ?? {};
  // Account = the owner of the virtual key: its user, else its team, else the key itself.
  const account = firstStr(
    r.user,
    meta.user_api_key_user_id,
    r.team_id,
    meta.user_api_key_team_id,
    meta.user_api_key_alias,
    meta.user_api_key_hash,
    r.api_key,
    meta.user_api_key,
  );
  const ts = toTimestamp(r.startTime);
  const id = firstStr(r.request_id, r.id);
  if (id === undefined) missing("litellm", "id", "request_id, id");
  if (ts === undefined) missing("litellm", "ts", "startTime");
  if (account === undefined) {
    missing(
      "litellm",
      "account",
      "user, metadata.user_api_key_user_id, team_id, metadata.user_api_key_alias, api_key hash",
    );
  }
  const response = parseMaybeJson(r.response);
  const body = mapBodies(
    requestBody(r, meta),
    isObject(response) && Object.keys(response).length === 0 ? undefined : response,
  );
  const usage = obj(body.usage) ?? {};
  return compact({
    ...body,
    id,
    ts,
    account,
    org: firstStr(r.organization_id, meta.user_api_key_org_id, account === r.team_id ? undefined : r.team_id),
    key: firstStr(meta.user_api_key_hash, r.api_key, meta.user_api_key),
    end_user: firstStr(r.end_user, meta.user_api_key_end_user_id, body.end_user),
    ip: firstStr(r.requester_ip_address, meta.requester_ip_address),
    user_agent: firstStr(r.user_agent, meta.user_agent),
    model: firstStr(r.model_group, r.model, body.model),
    status: statusOf(r, meta),
    latency_ms: latencyMs(r, ts),
    usage: {
      ...usage,
      input_tokens: num(r.prompt_tokens) ?? num(usage.input_tokens),
      output_tokens: num(r.completion_tokens) ?? num(usage.output_tokens),
    },
    meta: {
      call_type: str(r.call_type),
      provider: str(r.custom_llm_provider),
      trace_id: str(r.trace_id),
      session_id: str(r.session_id),
      cost_usd: num(r.response_cost) ?? num(r.spend),
      team_id: firstStr(r.team_id, meta.user_api_key_team_id),
      key_alias: str(meta.user_api_key_alias),
    },
  });
}

export const litellmImporter: Importer = {
  name: "litellm",
  description: "LiteLLM StandardLoggingPayload or LiteLLM_SpendLogs rows (/spend/logs)",
  detect(record) {
    return isObject(record) && typeof record.call_type === "string" && record.startTime !== undefined;
  },
  toExchanges(record) {
    if (!isObject(record)) throw new Error("litellm record is not a JSON object");
    return [toExchange(record)];
  },
};
