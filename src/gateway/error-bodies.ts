// Refusals shaped like each API's own errors, so that SDKs surface them the way they surface the
// provider's: OpenAI `{"error":{message,type,code}}`, Anthropic `{"type":"error","error":{type,message}}`.
import type { ApiKind } from "../policy/index.js";

/** A ready-to-send refusal. */
export interface Refusal {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function shaped(
  api: ApiKind | undefined,
  status: number,
  openai: { type: string; code: string },
  anthropicType: string,
  message: string,
  headers: Record<string, string>,
): Refusal {
  const body =
    api === "messages"
      ? JSON.stringify({ type: "error", error: { type: anthropicType, message } })
      : JSON.stringify({ error: { message, type: openai.type, param: null, code: openai.code } });
  return { status, headers: { "content-type": "application/json", ...headers }, body };
}

/** 403 for a `block` decision, carrying a reference id an operator can look up in the audit log. */
export function blockedResponse(api: ApiKind | undefined, ref: string, message?: string): Refusal {
  const text = `${message ?? "This request was blocked by the provider's usage policy."} (reference: ${ref})`;
  return shaped(
    api,
    403,
    { type: "invalid_request_error", code: "policy_violation" },
    "permission_error",
    text,
    { "x-distillwatch-ref": ref },
  );
}

/** 429 for a `throttle` decision, with `retry-after` in whole seconds (at least 1). */
export function throttledResponse(api: ApiKind | undefined, retryAfterMs: number, ref: string): Refusal {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const text = `Rate limit reached for requests. Please try again in ${seconds}s. (reference: ${ref})`;
  return shaped(api, 429, { type: "requests", code: "rate_limit_exceeded" }, "rate_limit_error", text, {
    "retry-after": String(seconds),
    "x-distillwatch-ref": ref,
  });
}

/** 502 when the upstream cannot be reached (upstream HTTP errors themselves pass through). */
export function upstreamUnreachable(api: ApiKind | undefined, ref: string): Refusal {
  return shaped(
    api,
    502,
    { type: "server_error", code: "upstream_unreachable" },
    "api_error",
    `The upstream API could not be reached. (reference: ${ref})`,
    { "x-distillwatch-ref": ref },
  );
}
