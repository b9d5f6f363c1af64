// The byte-level pieces of a contract line: every constant stretch of JSON is encoded once here,
// so rendering an exchange is copying bytes and writing a few numbers (no string building, no
// UTF-8 encoding per line). Field order and spelling follow ../shared/spec/exchange-events.md.
import type { LineBuf } from "./line-buf.js";
import type { Msg } from "./recipes-shared.js";
import type { Snip } from "./text.js";

const bytes = (s: string): Uint8Array => Buffer.from(s);

/** Encoded once per distinct value: the vocabularies (ids, addresses, tool names) are small. */
export function cachedBytes(map: Map<string, Uint8Array>, s: string): Uint8Array {
  let b = map.get(s);
  if (!b) {
    b = bytes(s);
    if (map.size < 1_000_000) map.set(s, b);
  }
  return b;
}

/** Model names as they follow `"model":"`, closing quote and comma included. */
export const MODEL_LARGE = bytes(`aurora-3",`);
export const MODEL_MINI = bytes(`aurora-3-mini",`);
export const MODEL_LARGE_OLD = bytes(`aurora-2.5",`);
export const MODEL_MINI_OLD = bytes(`aurora-2.5-mini",`);

const finish = (f: string): Uint8Array => bytes(`,"finish":"${f}","status":200,"latency_ms":`);
/** `,"finish":…,"status":200,"latency_ms":` by endpoint family and reason. */
export const FINISH = {
  toolUse: finish("tool_use"),
  toolCalls: finish("tool_calls"),
  endTurn: finish("end_turn"),
  stop: finish("stop"),
  maxTokens: finish("max_tokens"),
  length: finish("length"),
} as const;

export const OUTPUT = bytes('"output":"');
export const TOOL_CALLS = bytes(',"tool_calls":');
export const USAGE_IN = bytes(',"usage":{"input_tokens":');
export const USAGE_OUT = bytes(',"output_tokens":');
export const USAGE_REASON = bytes(',"reasoning_tokens":');
export const USAGE_CACHED = bytes(',"cached_tokens":');
export const END_USER = bytes(',"end_user":"');
export const PARAMS_OPEN = bytes(',"params":{');
export const PARAMS_CLOSE = bytes("},");
export const SEED = bytes('"seed":');
export const STATUS = bytes('"status":');
export const LATENCY = bytes(',"latency_ms":');
export const NO_USAGE = bytes(',"usage":{"input_tokens":0,"output_tokens":0}}');

/** Reasoning budgets (Messages API) and efforts (OpenAI APIs) as params pieces. */
export const BUDGETS = [1024, 2048, 4096, 8192, 16000].map((b) =>
  bytes(`"reasoning":{"type":"enabled","budget_tokens":${b}}`),
);
export const EFFORTS = ["low", "medium", "medium", "high"].map((e) => bytes(`"reasoning":{"effort":"${e}"}`));

/** The habitual sampling params as a JSON member list (no trailing comma); "" when none are set. */
export function paramsText(
  temperature: number | null,
  topP: number | null,
  maxTokens: number | null,
  stream: boolean,
): string {
  const p: string[] = [];
  if (temperature !== null) p.push(`"temperature":${temperature}`);
  if (topP !== null) p.push(`"top_p":${topP}`);
  if (maxTokens !== null) p.push(`"max_tokens":${maxTokens}`);
  if (stream) p.push(`"stream":true`);
  return p.join(",");
}

const toolLists = new WeakMap<readonly string[], Uint8Array>();

/** `"tools":[…]` for a tool list (lists are shared corpus/recipe arrays, so encoded once each). */
export function toolsBytes(tools: readonly string[]): Uint8Array {
  let b = toolLists.get(tools);
  if (!b) {
    b = bytes(`"tools":[${tools.map((t) => `{"type":"function","function":{"name":"${t}"}}`).join(",")}]`);
    toolLists.set(tools, b);
  }
  return b;
}

let isoHour = -1;
let isoHead: Uint8Array = new Uint8Array(0);

/** `","ts":"` and the RFC 3339 UTC time; output is time-sorted, so the hour's bytes are cached. */
export function writeTs(out: LineBuf, ts: number): void {
  const h = Math.floor(ts / 3_600_000);
  if (h !== isoHour) {
    isoHour = h;
    isoHead = bytes(`","ts":"${new Date(h * 3_600_000).toISOString().slice(0, 14)}`);
  }
  const rest = ts - h * 3_600_000;
  const min = Math.floor(rest / 60_000);
  const ms = rest - min * 60_000;
  const sec = Math.floor(ms / 1000);
  out.raw(isoHead);
  out.fixed(min, 2);
  out.byte(58);
  out.fixed(sec, 2);
  out.byte(46);
  out.fixed(ms - sec * 1000, 3);
  out.byte(90);
}

const PROMPT = bytes('"prompt":"');
const NL2 = bytes("\\n\\n");
const SYSTEM_FIELD = bytes('"system":"');
const SYSTEM_FIELD_END = bytes('",');
const SYSTEM_ROLE = bytes('"messages":[{"role":"system","content":"');
const DEVELOPER_ROLE = bytes('"messages":[{"role":"developer","content":"');
const MSG_END = bytes('"}');
const MESSAGES = bytes('"messages":[');
const USER = bytes('{"role":"user","content":"');
const MESSAGES_USER = bytes('"messages":[{"role":"user","content":"');
const ASSISTANT = bytes('{"role":"assistant","content":"');
const CALL_ANTHROPIC = bytes('{"role":"assistant","content":[{"type":"tool_use","id":"');
const CALL_OPENAI = bytes('{"role":"assistant","content":null,"tool_calls":[{"id":"');
const CALL_NAME_ANTHROPIC = bytes('","name":"');
const CALL_NAME_OPENAI = bytes('","type":"function","function":{"name":"');
const CALL_END_ANTHROPIC = bytes('","input":{}}]}');
const CALL_END_OPENAI = bytes('","arguments":"{}"}}]}');
const RESULT_ANTHROPIC = bytes('{"role":"user","content":[{"type":"tool_result","tool_use_id":"');
const RESULT_OPENAI = bytes('{"role":"tool","tool_call_id":"');
const RESULT_CONTENT = bytes('","content":"');
const RESULT_END_ANTHROPIC = bytes('"}]}');
const callNames = new Map<string, Uint8Array>();

/** Serializes system prompt and messages the way the account's SDK would send them. */
export function writeBody(
  out: LineBuf,
  endpoint: string,
  placement: string,
  system: Snip | undefined,
  msgs: readonly Msg[],
): void {
  if (endpoint === "completions") {
    out.raw(PROMPT);
    if (system) {
      out.snip(system);
      out.raw(NL2);
    }
    for (const m of msgs) {
      if (m.role === "tool") continue;
      out.snip(m.c);
      out.raw(NL2);
    }
    out.byte(34);
    return;
  }
  const anthropic = endpoint === "messages";
  let merge: Snip | undefined;
  let first = true;
  if (system) {
    if (anthropic && placement === "system-field") {
      out.raw(SYSTEM_FIELD);
      out.snip(system);
      out.raw(SYSTEM_FIELD_END);
    } else if (!anthropic && (placement === "system-role" || placement === "developer-role")) {
      out.raw(placement === "system-role" ? SYSTEM_ROLE : DEVELOPER_ROLE);
      out.snip(system);
      out.raw(MSG_END);
      first = false;
    } else merge = system;
  }
  for (let i = 0; i < msgs.length; i++) {
    const m = msgs[i] as Msg;
    if (first && m.role === "user") {
      // most requests open with the user's message: one piece opens the array and the message
      out.raw(MESSAGES_USER);
      first = false;
      if (merge) {
        out.snip(merge);
        out.raw(NL2);
        merge = undefined;
      }
      out.snip(m.c);
      out.raw(MSG_END);
      continue;
    }
    if (first) out.raw(MESSAGES);
    else out.byte(44);
    first = false;
    if (m.role === "user") {
      out.raw(USER);
      if (merge) {
        out.snip(merge);
        out.raw(NL2);
        merge = undefined;
      }
      out.snip(m.c);
      out.raw(MSG_END);
    } else if (m.role === "assistant") {
      if (m.call) {
        out.raw(anthropic ? CALL_ANTHROPIC : CALL_OPENAI);
        out.callId();
        out.raw(anthropic ? CALL_NAME_ANTHROPIC : CALL_NAME_OPENAI);
        out.raw(cachedBytes(callNames, m.call));
        out.raw(anthropic ? CALL_END_ANTHROPIC : CALL_END_OPENAI);
      } else {
        out.raw(ASSISTANT);
        out.snip(m.c);
        out.raw(MSG_END);
      }
    } else {
      out.raw(anthropic ? RESULT_ANTHROPIC : RESULT_OPENAI);
      out.callId();
      out.raw(RESULT_CONTENT);
      out.snip(m.c);
      out.raw(anthropic ? RESULT_END_ANTHROPIC : MSG_END);
    }
  }
  if (first) out.raw(MESSAGES);
  out.byte(93);
}
