// Which LLM API a request path belongs to; every other path is passed through untouched.
import type { ApiKind } from "../policy/index.js";

const byPath: Record<string, ApiKind> = {
  "/v1/chat/completions": "chat",
  "/v1/responses": "responses",
  "/v1/messages": "messages",
};

/** The API shape of a request URL (path plus optional query), or undefined for pass-through paths. */
export function apiKindOf(url: string): ApiKind | undefined {
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  return byPath[path.endsWith("/") ? path.slice(0, -1) : path];
}

/** The contract's `endpoint` value for an API kind (exchange-events.md §1). */
export const endpointOf: Record<ApiKind, string> = {
  chat: "chat",
  responses: "responses",
  messages: "messages",
};
