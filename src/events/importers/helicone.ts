// Helicone request exports (`npx @helicone/export`, POST /v1/request/query-clickhouse): one
// HeliconeRequest per line. Sources: Helicone/helicone `valhalla/jawn/src/lib/stores/request/
// request.ts` (HeliconeRequest), `examples/export/typescript/index.ts`,
// `clickhouse/migrations` (request_response_rmt: proxy_key_id, latency, status, user_id, ...).
import type { Importer } from "./importer.js";
import { mapBodies } from "./provider-body.js";
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

export const heliconeImporter: Importer = {
  name: "helicone",
  description: "Helicone request export (JSON/JSONL HeliconeRequest records)",
  detect(record) {
    return (
      isObject(record) &&
      typeof record.request_id === "string" &&
      record.request_created_at !== undefined &&
      ("request_body" in record ||
        "response_body" in record ||
        "request_path" in record ||
        "provider" in record)
    );
  },
  toExchanges(record) {
    if (!isObject(record)) throw new Error("helicone record is not a JSON object");
    const r: Json = record;
    const userId = firstStr(r.request_user_id, r.user_id);
    // A Helicone proxy key is issued per customer, so it names the account when present; the
    // Helicone-User-Id then is that customer's end user. Without a proxy key the user id is all.
    const proxyKey = str(r.proxy_key_id);
    const account = proxyKey ?? userId;
    const ts = toTimestamp(r.request_created_at);
    const id = str(r.request_id);
    if (id === undefined) missing("helicone", "id", "request_id");
    if (ts === undefined) missing("helicone", "ts", "request_created_at");
    if (account === undefined) missing("helicone", "account", "proxy_key_id, request_user_id, user_id");
    const body = mapBodies(obj(r.request_body), r.response_body);
    const usage = obj(body.usage) ?? {};
    return [
      compact({
        ...body,
        id,
        ts,
        account,
        end_user: proxyKey !== undefined ? userId : body.end_user,
        key: proxyKey,
        country: str(r.country_code),
        endpoint: endpointFromPath(r.request_path) ?? endpointFromPath(r.target_url) ?? body.endpoint,
        model: firstStr(r.request_model, body.model, r.model),
        status: num(r.response_status) ?? num(r.status),
        latency_ms: num(r.delay_ms) ?? num(r.latency),
        usage: {
          ...usage,
          input_tokens: num(r.prompt_tokens) ?? num(usage.input_tokens),
          output_tokens: num(r.completion_tokens) ?? num(usage.output_tokens),
          cached_tokens: num(r.prompt_cache_read_tokens) ?? num(usage.cached_tokens),
        },
        meta: {
          provider: str(r.provider),
          properties: obj(r.request_properties) ?? obj(r.properties),
          cost_usd: num(r.costUSD) ?? num(r.cost),
          time_to_first_token_ms: num(r.time_to_first_token),
          threat: r.threat,
        },
      }),
    ];
  },
};
