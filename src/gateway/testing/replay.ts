// Turns simulated exchanges (exchange-events.md §1) back into the API requests that produced
// them, so simulator traffic can be driven through the gateway over real HTTP.
import type { Exchange } from "../../events/contract.js";

/** One request to send: path, headers and JSON body. */
export interface ReplayRequest {
  path: "/v1/chat/completions" | "/v1/responses" | "/v1/messages";
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** The request an exchange describes; identity travels in the gateway's trusted headers. */
export function toRequest(e: Exchange): ReplayRequest {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-distillwatch-account": e.account,
  };
  if (e.key) headers.authorization = `Bearer sk-sim-${e.key}`;
  if (e.ip) headers["x-forwarded-for"] = e.ip;
  if (e.asn !== undefined) headers["x-distillwatch-asn"] = String(e.asn);
  if (e.payment) headers["x-distillwatch-payment"] = e.payment;
  if (e.user_agent) headers["user-agent"] = e.user_agent;
  const p = e.params ?? {};
  const messages = e.messages ?? [{ role: "user", content: e.prompt ?? "" }];
  const common: Record<string, unknown> = { model: e.model ?? "model" };
  if (typeof p.temperature === "number") common.temperature = p.temperature;
  if (typeof p.top_p === "number") common.top_p = p.top_p;
  if (e.end_user) common.user = e.end_user;
  if (e.endpoint === "messages") {
    const body: Record<string, unknown> = { ...common, max_tokens: p.max_tokens ?? 1024, messages };
    if (e.system) body.system = e.system;
    if (typeof p.reasoning === "object" && p.reasoning !== null) body.thinking = p.reasoning;
    return { path: "/v1/messages", headers, body };
  }
  if (e.endpoint === "responses") {
    const body: Record<string, unknown> = { ...common, input: messages };
    if (e.system) body.instructions = e.system;
    if (typeof p.max_tokens === "number") body.max_output_tokens = p.max_tokens;
    if (p.reasoning !== undefined && p.reasoning !== null)
      body.reasoning = typeof p.reasoning === "string" ? { effort: p.reasoning } : p.reasoning;
    return { path: "/v1/responses", headers, body };
  }
  const body: Record<string, unknown> = {
    ...common,
    messages: e.system ? [{ role: "system", content: e.system }, ...messages] : messages,
  };
  if (typeof p.max_tokens === "number") body.max_tokens = p.max_tokens;
  if (typeof p.reasoning === "string") body.reasoning_effort = p.reasoning;
  if (Array.isArray(p.tools)) body.tools = p.tools;
  return { path: "/v1/chat/completions", headers, body };
}
