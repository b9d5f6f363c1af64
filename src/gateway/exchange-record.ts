// Builds the contract's exchange record (exchange-events.md §1) from a proxied request and its
// captured response, so the live detector sees exactly what `analyze` would see from a log.
import type { Exchange } from "../events/contract.js";
import type { ApiKind } from "../policy/index.js";
import { readCapture } from "./capture.js";
import { endpointOf } from "./api-kind.js";
import type { Identity } from "./identity.js";
import type { RequestView } from "./request-view.js";
import { contentText } from "./request-view.js";

type Json = Record<string, unknown>;

/** Everything known about one finished exchange. */
export interface FinishedExchange {
  id: string;
  ts: number;
  identity: Identity;
  userAgent?: string;
  api: ApiKind;
  /** The request body as the client sent it; parsed off the request path (in the worker). */
  raw: Buffer;
  /** The body as the fast path parsed it, when its policy needed it (spares a second parse in-process). */
  view?: RequestView;
  status: number;
  latencyMs: number;
  /** The response as upstream sent it, read into output and usage only when recorded. */
  response?: { streamed: boolean; chunks: Buffer[] };
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Responses API `input` items as contract messages; non-message items become tool turns. */
function responsesMessages(input: unknown): Json[] {
  if (typeof input === "string") return [{ role: "user", content: input }];
  if (!Array.isArray(input)) return [];
  const out: Json[] = [];
  for (const item of input) {
    if (!isObject(item)) continue;
    if (typeof item.role === "string") out.push({ role: item.role, content: contentText(item.content) });
    else if (item.type === "function_call_output")
      out.push({ role: "tool", content: typeof item.output === "string" ? item.output : "" });
    else if (item.type === "function_call") out.push({ role: "assistant", content: "", tool_calls: [item] });
  }
  return out;
}

/** Chat / Messages turns, keeping only the fields the contract reads so odd client fields cannot fail validation. */
function chatMessages(messages: unknown): Json[] {
  if (!Array.isArray(messages)) return [];
  const out: Json[] = [];
  for (const m of messages) {
    if (!isObject(m) || typeof m.role !== "string") continue;
    const msg: Json = { role: m.role };
    if (typeof m.content === "string" || m.content === null) msg.content = m.content;
    else if (Array.isArray(m.content))
      msg.content = m.content.filter((p) => typeof p === "string" || isObject(p));
    if (Array.isArray(m.tool_calls)) msg.tool_calls = m.tool_calls;
    out.push(msg);
  }
  return out;
}

function params(b: Json): Json {
  const p: Json = {};
  for (const k of ["temperature", "top_p", "n", "top_logprobs", "seed"]) if (isNum(b[k])) p[k] = b[k];
  const maxTokens = [b.max_tokens, b.max_completion_tokens, b.max_output_tokens].find(isNum);
  if (maxTokens !== undefined) p.max_tokens = maxTokens;
  if (typeof b.stream === "boolean") p.stream = b.stream;
  if (Array.isArray(b.tools)) p.tools = b.tools.length;
  if (b.tool_choice !== undefined) p.tool_choice = b.tool_choice;
  const reasoning = b.reasoning_effort ?? b.reasoning ?? b.thinking;
  if (reasoning !== undefined && reasoning !== null) p.reasoning = reasoning;
  const format = b.response_format ?? (isObject(b.text) ? b.text.format : undefined);
  if (format !== undefined) p.response_format = format;
  if (b.stop !== undefined) p.stop = b.stop;
  if (typeof b.logprobs === "boolean" || isNum(b.logprobs)) p.logprobs = b.logprobs;
  return p;
}

/**
 * The contract exchange for a finished request whose body parsed as `view`. Every field above is type-checked as it is copied
 * (the client's body is the edge), so the zod pass is skipped: it cost ~20 µs per exchange, a
 * third of the gateway's whole per-exchange recording work.
 */
export function toExchange(x: FinishedExchange, view: RequestView): Exchange {
  const b = view.body;
  const record: Json = {
    id: x.id,
    ts: x.ts,
    account: x.identity.account,
    endpoint: endpointOf[x.api],
    params: params(b),
    status: x.status,
    latency_ms: x.latencyMs,
  };
  const id = x.identity;
  if (id.key !== undefined) record.key = id.key;
  if (id.ip !== undefined) record.ip = id.ip;
  if (id.asn !== undefined) record.asn = id.asn;
  if (id.payment !== undefined) record.payment = id.payment;
  if (x.userAgent !== undefined) record.user_agent = x.userAgent;
  if (view.model !== undefined) record.model = view.model;
  if (typeof b.user === "string") record.end_user = b.user;
  if (x.api === "responses") {
    record.messages = responsesMessages(b.input);
    if (typeof b.instructions === "string") record.system = b.instructions;
  } else {
    record.messages = chatMessages(b.messages);
    if (x.api === "messages" && b.system !== undefined) record.system = contentText(b.system);
  }
  if (x.response) {
    const chunks = x.response.chunks;
    const text = chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8");
    const captured = readCapture(x.api, x.response.streamed, text);
    record.output = captured.output;
    record.tool_calls = captured.toolCalls;
    record.usage = captured.usage;
    if (captured.finish !== undefined) record.finish = captured.finish;
  }
  return record as Exchange;
}
