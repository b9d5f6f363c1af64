// Anthropic Messages API logs: `{request, response}` bodies plus the logger's metadata, or a
// Message Batches line (`{custom_id, params}` request merged with its `{custom_id, result:
// {type, message | error}}` result). Sources: anthropics/anthropic-sdk-typescript
// `src/resources/messages/messages.ts`, `src/resources/messages/batches.ts`
// (MessageBatchIndividualResponse, MessageBatchSucceededResult).
import type { Importer } from "./importer.js";
import { dialectOf, mapBodies } from "./provider-body.js";
import { compact, firstStr, isObject, missing, num, obj, str, toTimestamp, type Json } from "./shared.js";

/** Request body and response body from a `{request, response}` log or a batch line. */
function bodies(r: Json): {
  request: Json | undefined;
  response: Json | undefined;
  result: Json | undefined;
} {
  if (typeof r.custom_id === "string" && (isObject(r.params) || isObject(r.result))) {
    const result = obj(r.result);
    return { request: obj(r.params), response: obj(result?.message), result };
  }
  return { request: obj(r.request), response: obj(r.response), result: undefined };
}

export const anthropicImporter: Importer = {
  name: "anthropic",
  description: "Anthropic Messages API logs ({request, response}) and Message Batches results",
  detect(record) {
    if (!isObject(record)) return false;
    const { request, response, result } = bodies(record);
    if (result !== undefined) return true;
    if (request === undefined || !Array.isArray(request.messages)) return false;
    return dialectOf(request, response) === "anthropic";
  },
  toExchanges(record) {
    if (!isObject(record)) throw new Error("anthropic record is not a JSON object");
    const { request, response, result } = bodies(record);
    const body = mapBodies(request, response, "anthropic");
    // Anthropic's own identifiers for the key owner: API key id, then workspace, then org;
    // request.metadata.user_id is the caller's end user and stays `end_user`.
    const account = firstStr(record.account, record.api_key_id, record.workspace_id, record.organization_id);
    const ts = toTimestamp(record.ts ?? record.timestamp ?? record.created_at);
    const id = firstStr(record.id, record.request_id, record.custom_id, response?.id);
    if (id === undefined) missing("anthropic", "id", "id, request_id, custom_id, response.id");
    if (ts === undefined) missing("anthropic", "ts", "ts, timestamp, created_at");
    if (account === undefined)
      missing("anthropic", "account", "account, api_key_id, workspace_id, organization_id");
    return [
      compact({
        ...body,
        id,
        ts,
        account,
        org: str(record.organization_id),
        key: str(record.api_key_id),
        ip: firstStr(record.ip, record.client_ip),
        user_agent: str(record.user_agent),
        status: num(record.status_code) ?? num(record.status),
        latency_ms: num(record.latency_ms) ?? num(record.duration_ms),
        meta: {
          response_id: str(response?.id),
          batch_result: str(result?.type),
          workspace_id: str(record.workspace_id),
        },
      }),
    ];
  },
};
