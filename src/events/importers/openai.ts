// OpenAI request logs: a record holding the request body and response body (`{request, response}`
// plus the logger's metadata), or an OpenAI Batch API line (`{custom_id, url, body}` input merged
// with its output `{id, custom_id, response: {status_code, request_id, body}, error}`).
// Sources: openai/openai-node `src/resources/chat/completions/completions.ts`,
// `src/resources/responses/responses.ts`, `src/resources/batches.ts`; OpenAI OpenAPI spec
// `BatchRequestOutput` (via docs.rs openai-client-base `BatchRequestOutput.md`).
import type { Importer } from "./importer.js";
import { dialectOf, mapBodies } from "./provider-body.js";
import {
  compact,
  endpointFromPath,
  firstStr,
  isObject,
  missing,
  num,
  obj,
  str,
  toTimestamp,
  type Json,
} from "./shared.js";

function isRequestBody(b: Json | undefined): b is Json {
  return (
    b !== undefined && (Array.isArray(b.messages) || b.input !== undefined || typeof b.prompt === "string")
  );
}

/** The request body and response body, from a `{request, response}` log or a batch line. */
function bodies(r: Json): { request: Json | undefined; response: unknown; status: number | undefined } {
  if (typeof r.custom_id === "string") {
    const out = obj(r.response);
    return { request: obj(r.body), response: out?.body, status: num(out?.status_code) };
  }
  return { request: obj(r.request), response: r.response, status: undefined };
}

export const openaiImporter: Importer = {
  name: "openai",
  description: "OpenAI request/response logs ({request, response}) and Batch API JSONL",
  detect(record) {
    if (!isObject(record)) return false;
    const { request, response } = bodies(record);
    const batchOutput = typeof record.custom_id === "string" && isObject(obj(record.response)?.body);
    if (!isRequestBody(request) && !batchOutput) return false;
    return dialectOf(request, response) === "openai";
  },
  toExchanges(record) {
    if (!isObject(record)) throw new Error("openai record is not a JSON object");
    const { request, response, status } = bodies(record);
    const res = obj(response);
    const body = mapBodies(request, response, "openai");
    // The request body's `user` is an end user of the caller's app, not the account; the account
    // is the logger's own id for the key owner (top-level account/user), else the key, project, org.
    const account = firstStr(
      record.account,
      record.user,
      record.api_key_id,
      record.project_id,
      record.organization_id,
    );
    const ts = toTimestamp(
      record.ts ?? record.timestamp ?? record.created_at ?? record.created ?? res?.created ?? res?.created_at,
    );
    const id = firstStr(
      record.id,
      record.request_id,
      record.custom_id,
      obj(record.response)?.request_id,
      res?.id,
    );
    if (id === undefined) missing("openai", "id", "id, request_id, custom_id, response.id");
    if (ts === undefined) missing("openai", "ts", "ts, timestamp, created_at, created, response.created");
    if (account === undefined)
      missing("openai", "account", "account, user, api_key_id, project_id, organization_id");
    return [
      compact({
        ...body,
        id,
        ts,
        account,
        org: firstStr(record.organization_id, record.organization),
        key: str(record.api_key_id),
        ip: firstStr(record.ip, record.client_ip),
        user_agent: str(record.user_agent),
        endpoint: endpointFromPath(record.url) ?? body.endpoint,
        status: status ?? num(record.status_code) ?? num(record.status),
        latency_ms: num(record.latency_ms) ?? num(record.duration_ms),
        meta: {
          response_id: str(res?.id),
          batch_error: obj(record.error),
          project_id: str(record.project_id),
        },
      }),
    ];
  },
};
