// Portkey logs export (JSONL; portkey.ai docs "Logs Export", product/observability/logs-export):
// created_at, request.body, response.body, is_success, ai_org, ai_model, req_units, res_units,
// total_units, cost (cents), request_url, response_status_code, response_time (ms),
// cache_status, stream_mode, metadata. `_user` is the metadata key Portkey documents for the
// requesting user (portkey.ai docs, product/observability/metadata).
import type { Importer } from "./importer.js";
import { mapBodies } from "./provider-body.js";
import {
  bool,
  compact,
  endpointFromPath,
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

/** `request.body` appears nested (`{request: {body}}`) or as a flat dotted column. */
function body(r: Json, side: "request" | "response"): unknown {
  return parseMaybeJson(obj(r[side])?.body ?? r[`${side}.body`]);
}

export const portkeyImporter: Importer = {
  name: "portkey",
  description: "Portkey logs export JSONL",
  detect(record) {
    return (
      isObject(record) &&
      record.created_at !== undefined &&
      ("ai_model" in record ||
        "req_units" in record ||
        "response_status_code" in record ||
        "ai_org" in record)
    );
  },
  toExchanges(record) {
    if (!isObject(record)) throw new Error("portkey record is not a JSON object");
    const r: Json = record;
    const meta = obj(parseMaybeJson(r.metadata)) ?? {};
    // `_user` names the customer Portkey attributes the request to; an API key id is the fallback.
    const account = firstStr(meta._user, r.api_key_id);
    const response = body(r, "response");
    const ts = toTimestamp(r.created_at);
    const id = firstStr(r.id, r.log_id, obj(response)?.id);
    if (id === undefined) missing("portkey", "id", "id, log_id, response.body.id");
    if (ts === undefined) missing("portkey", "ts", "created_at");
    if (account === undefined) missing("portkey", "account", "metadata._user, api_key_id");
    const mapped = mapBodies(obj(body(r, "request")), response);
    const usage = obj(mapped.usage) ?? {};
    const params = obj(mapped.params) ?? {};
    return [
      compact({
        ...mapped,
        id,
        ts,
        account,
        key: str(r.api_key_id),
        endpoint: endpointFromPath(r.request_url) ?? mapped.endpoint,
        model: firstStr(r.ai_model, mapped.model),
        params: { ...params, stream: bool(r.stream_mode) ?? params.stream },
        status: num(r.response_status_code),
        latency_ms: num(r.response_time),
        usage: {
          ...usage,
          input_tokens: num(r.req_units) ?? num(usage.input_tokens),
          output_tokens: num(r.res_units) ?? num(usage.output_tokens),
        },
        meta: {
          provider: str(r.ai_org),
          cost_cents: num(r.cost),
          cache_status: str(r.cache_status),
          trace_id: str(r.trace_id),
          metadata: Object.keys(meta).length > 0 ? meta : undefined,
        },
      }),
    ];
  },
};
