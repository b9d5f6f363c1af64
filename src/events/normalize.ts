// Turns a validated Exchange into the compact, typed facts the detector works on: text pulled
// out of every message shape the contract allows, counts, parameters and usage as numbers.
import { parseTimestamp, type Exchange, type ExchangeMessage } from "./contract.js";

/** What the detector needs from one exchange; everything else stays in the raw record. */
export interface ExchangeFacts {
  id: string;
  ts: number;
  account: string;
  org?: string;
  endUser?: string;
  key?: string;
  ip?: string;
  asn?: number;
  country?: string;
  userAgent?: string;
  payment?: string;
  emailDomain?: string;
  accountCreated?: number;
  verification?: string;
  via?: string;
  endpoint?: string;
  model?: string;
  /** System prompt, from `system` or a leading system/developer message. */
  system: string;
  /** Text of the last user turn (what this request asks). */
  prompt: string;
  /** Text of the first user turn when the conversation has several (the task that opened it). */
  opener?: string;
  /** Number of user turns in the conversation sent. */
  userTurns: number;
  /** Number of messages sent. */
  messages: number;
  /** Tool messages, tool_calls and tool_use/tool_result parts in the request. */
  toolMessages: number;
  /** Non-text parts (images, files). */
  mediaParts: number;
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  n: number;
  stream: boolean;
  tools: number;
  reasoningRequested: boolean;
  structuredOutput: boolean;
  logprobs: boolean;
  seed?: number;
  outputChars: number;
  /** The first 1,000 characters of the response, kept for evidence samples. */
  output?: string;
  responseToolCalls: number;
  finish?: string;
  status?: number;
  latencyMs?: number;
  inputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
}

function partText(part: unknown): { text: string; tool: boolean; media: boolean } {
  if (typeof part === "string") return { text: part, tool: false, media: false };
  if (typeof part !== "object" || part === null) return { text: "", tool: false, media: false };
  const p = part as Record<string, unknown>;
  const type = typeof p.type === "string" ? p.type : "text";
  if (type === "text" || type === "input_text" || type === "output_text") {
    return { text: typeof p.text === "string" ? p.text : "", tool: false, media: false };
  }
  if (type === "tool_use")
    return { text: p.input === undefined ? "" : JSON.stringify(p.input), tool: true, media: false };
  if (type === "tool_result") {
    const c = p.content;
    const text =
      typeof c === "string" ? c : Array.isArray(c) ? c.map((x) => partText(x).text).join("\n") : "";
    return { text, tool: true, media: false };
  }
  if (type === "thinking")
    return { text: typeof p.thinking === "string" ? p.thinking : "", tool: false, media: false };
  return { text: "", tool: false, media: true };
}

/** Text, tool and media counts of one message. */
export function readMessage(m: ExchangeMessage): { text: string; tools: number; media: number } {
  let tools = (m.tool_calls?.length ?? 0) + (m.role === "tool" || m.role === "function" ? 1 : 0);
  let media = 0;
  if (typeof m.content === "string") return { text: m.content, tools, media };
  if (!Array.isArray(m.content)) return { text: "", tools, media };
  const texts: string[] = [];
  for (const part of m.content) {
    const r = partText(part);
    if (r.text) texts.push(r.text);
    if (r.tool) tools += 1;
    if (r.media) media += 1;
  }
  return { text: texts.join("\n"), tools, media };
}

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** Reduces a validated exchange to the facts the detector uses. */
export function toFacts(e: Exchange): ExchangeFacts {
  let system = e.system ?? "";
  let prompt = e.prompt ?? "";
  let opener: string | undefined;
  let userTurns = e.prompt !== undefined ? 1 : 0;
  let toolMessages = 0;
  let mediaParts = 0;
  const msgs = e.messages ?? [];
  for (const m of msgs) {
    const r = readMessage(m);
    toolMessages += r.tools;
    mediaParts += r.media;
    if (m.role === "system" || m.role === "developer") system = system ? `${system}\n${r.text}` : r.text;
    else if (m.role === "user") {
      userTurns += 1;
      if (userTurns === 1) opener = r.text;
      prompt = r.text;
    }
  }
  const p = e.params ?? {};
  const u = e.usage ?? {};
  const tools = typeof p.tools === "number" ? p.tools : Array.isArray(p.tools) ? p.tools.length : 0;
  return {
    id: e.id,
    ts: parseTimestamp(e.ts) ?? 0,
    account: e.account,
    org: e.org,
    endUser: e.end_user,
    key: e.key,
    ip: e.ip,
    asn: e.asn,
    country: e.country,
    userAgent: e.user_agent,
    payment: e.payment,
    emailDomain: e.email_domain,
    accountCreated:
      e.account_created === undefined ? undefined : (parseTimestamp(e.account_created) ?? undefined),
    verification: e.verification,
    via: e.via,
    endpoint: e.endpoint,
    model: e.model,
    system,
    prompt,
    opener: userTurns > 1 ? opener : undefined,
    userTurns,
    messages: msgs.length,
    toolMessages,
    mediaParts,
    temperature: num(p.temperature),
    topP: num(p.top_p),
    maxTokens: num(p.max_tokens),
    n: num(p.n) ?? 1,
    stream: p.stream === true,
    tools,
    reasoningRequested: p.reasoning !== undefined && p.reasoning !== null,
    structuredOutput: p.response_format !== undefined && p.response_format !== null,
    logprobs:
      p.logprobs === true ||
      (typeof p.logprobs === "number" && p.logprobs > 0) ||
      (num(p.top_logprobs) ?? 0) > 0,
    seed: num(p.seed),
    outputChars: e.output?.length ?? 0,
    output: e.output === undefined ? undefined : e.output.slice(0, 1000),
    responseToolCalls: e.tool_calls ?? 0,
    finish: e.finish,
    status: e.status,
    latencyMs: e.latency_ms,
    inputTokens: num(u.input_tokens) ?? 0,
    outputTokens: num(u.output_tokens) ?? 0,
    reasoningTokens: num(u.reasoning_tokens) ?? 0,
  };
}
