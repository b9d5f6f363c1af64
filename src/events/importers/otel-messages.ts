// GenAI message attributes as contract messages. Current convention: `gen_ai.input.messages` /
// `gen_ai.output.messages` / `gen_ai.system_instructions`, each a list of `{role, parts}` with
// parts `text{content}`, `tool_call{id, name, arguments}`, `tool_call_response{id, result}`
// (open-telemetry/semantic-conventions `docs/registry/attributes/gen-ai.md`,
// `docs/gen-ai/gen-ai-input-messages.json`). Deprecated: `gen_ai.prompt` / `gen_ai.completion`
// strings, and OpenLLMetry's indexed `gen_ai.prompt.{i}.role|content`
// (AgentOps-AI/agentops-ts `src/semconv/messages.ts`).
import { toMessages } from "./openai-body.js";
import { structured } from "./otlp-values.js";
import { isObject, type Json } from "./shared.js";

function asText(v: unknown): string {
  return typeof v === "string" ? v : v === undefined || v === null ? "" : JSON.stringify(v);
}

/** One semconv message (`{role, parts}`) as a contract message. */
function fromParts(m: Json): Json {
  const parts = Array.isArray(m.parts) ? m.parts.filter(isObject) : [];
  const content: Json[] = [];
  const toolCalls: Json[] = [];
  for (const p of parts) {
    if (p.type === "text") content.push({ type: "text", text: asText(p.content) });
    else if (p.type === "tool_call") {
      toolCalls.push({
        id: p.id,
        type: "function",
        function: { name: p.name, arguments: asText(p.arguments) },
      });
    } else if (p.type === "tool_call_response")
      content.push({ type: "text", text: asText(p.result ?? p.response) });
    else content.push({ type: asText(p.type) || "unknown" }); // blobs, uris, files: counted as media
  }
  const msg: Json = { role: String(m.role), content };
  if (toolCalls.length > 0) msg.tool_calls = toolCalls;
  return msg;
}

/** A messages attribute (structured or JSON string) as contract messages; undefined if absent. */
export function messagesAttr(v: unknown): Json[] | undefined {
  const list = structured(v);
  if (!Array.isArray(list)) return undefined;
  const out: Json[] = [];
  for (const m of list) {
    if (!isObject(m) || typeof m.role !== "string") continue;
    if (Array.isArray(m.parts)) out.push(fromParts(m));
    else out.push(...toMessages([m]));
  }
  return out;
}

/** `gen_ai.system_instructions`: a list of text parts (or a plain string). */
export function systemAttr(v: unknown): string | undefined {
  const s = structured(v);
  if (typeof s === "string") return s;
  if (!Array.isArray(s)) return undefined;
  const t = s.map((p) => (isObject(p) ? asText(p.content ?? p.text) : asText(p))).filter(Boolean);
  return t.length > 0 ? t.join("\n") : undefined;
}

/** Indexed `gen_ai.prompt.{i}.role/content` attributes, in index order. */
export function indexedPrompt(
  attrs: Json,
  prefix: "gen_ai.prompt" | "gen_ai.completion",
): Json[] | undefined {
  const byIndex = new Map<number, Json>();
  const re = new RegExp(`^${prefix.replace(".", "\\.")}\\.(\\d+)\\.(role|content)$`);
  for (const [k, v] of Object.entries(attrs)) {
    const m = re.exec(k);
    if (!m) continue;
    const i = Number(m[1]);
    const entry = byIndex.get(i) ?? {};
    entry[m[2] === "role" ? "role" : "content"] = v;
    byIndex.set(i, entry);
  }
  if (byIndex.size === 0) return undefined;
  return toMessages(
    [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => ({ role: "user", ...e })),
  );
}

/** Text and tool-call count of output messages. */
export function outputOf(messages: Json[]): { output: string; toolCalls: number } {
  let output = "";
  let toolCalls = 0;
  for (const m of messages) {
    toolCalls += Array.isArray(m.tool_calls) ? m.tool_calls.length : 0;
    const c = m.content;
    if (typeof c === "string") output += c;
    else if (Array.isArray(c))
      for (const p of c) if (isObject(p) && typeof p.text === "string") output += p.text;
  }
  return { output, toolCalls };
}
