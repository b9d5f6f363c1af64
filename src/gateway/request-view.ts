// The parts of an API request body the fast path needs: model, stream flag, the prompt text for
// cheap signals and a template key. The full body is kept for recording, off the request path.
import type { ApiKind } from "../policy/index.js";

type Json = Record<string, unknown>;

/** A parsed API request. */
export interface RequestView {
  api: ApiKind;
  body: Json;
  model?: string;
  stream: boolean;
  /** System / instructions text. */
  system: string;
  /** Text of the last user turn. */
  prompt: string;
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Text of a content value: a string or an array of text-bearing parts. */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  let out = "";
  for (const part of content) {
    if (typeof part === "string") out += part;
    else if (isObject(part) && typeof part.text === "string") out += (out ? "\n" : "") + part.text;
  }
  return out;
}

function lastUserAndSystem(messages: unknown): { system: string; prompt: string } {
  let system = "";
  let prompt = "";
  if (!Array.isArray(messages)) return { system, prompt };
  for (const m of messages) {
    if (!isObject(m)) continue;
    if (m.role === "system" || m.role === "developer")
      system += (system ? "\n" : "") + contentText(m.content);
    else if (m.role === "user") prompt = contentText(m.content);
  }
  return { system, prompt };
}

/** Why `raw` is not an API request body (for the detector's health), or undefined when it is one. */
export function bodyProblem(raw: Buffer): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch (e) {
    return `request body is not valid JSON (${e instanceof Error ? e.message : String(e)})`;
  }
  return isObject(body) ? undefined : "request body is not a JSON object";
}

/** Parses an API request body; undefined when it is not a JSON object (it is then passed on as is). */
export function readRequest(api: ApiKind, raw: Buffer): RequestView | undefined {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
  if (!isObject(body)) return undefined;
  const model = typeof body.model === "string" ? body.model : undefined;
  const stream = body.stream === true;
  let system = "";
  let prompt = "";
  if (api === "responses") {
    system = typeof body.instructions === "string" ? body.instructions : "";
    if (typeof body.input === "string") prompt = body.input;
    else {
      const r = lastUserAndSystem(body.input);
      system = system ? (r.system ? `${system}\n${r.system}` : system) : r.system;
      prompt = r.prompt;
    }
  } else {
    const r = lastUserAndSystem(body.messages);
    system = api === "messages" ? contentText(body.system) : r.system;
    prompt = r.prompt;
  }
  const view: RequestView = { api, body, stream, system, prompt };
  if (model !== undefined) view.model = model;
  return view;
}

// Phrases that ask the model to spell out its reasoning: distillers harvest chains of thought
// (the "cot" signal of the detector); a regex is enough for the fast path's first guess.
const cotPattern =
  /step[- ]by[- ]step|show (?:your|all) (?:work|reasoning|steps)|chain[- ]of[- ]thought|think (?:carefully|through|aloud)|explain your reasoning|reason(?:ing)? (?:before|first)|<think>/i;

/** Cheap per-request signals (0..1): `cot` (asks for reasoning) and `reasoning` (reasoning switched on). */
export function cheapSignals(view: RequestView): Record<string, number> {
  const b = view.body;
  const reasoning = b.reasoning_effort !== undefined || b.reasoning !== undefined || b.thinking !== undefined;
  const text = view.prompt.length > 4000 ? view.prompt.slice(0, 4000) : view.prompt;
  return {
    cot: cotPattern.test(text) || cotPattern.test(view.system.slice(0, 2000)) ? 0.9 : 0,
    reasoning: reasoning ? 1 : 0,
  };
}

/** FNV-1a of the system text: requests sharing a system prompt usually share a mined template. */
export function templateKeyOf(view: RequestView): string | undefined {
  const s = view.system;
  if (!s) return undefined;
  let h = 0x811c9dc5;
  const n = Math.min(s.length, 2000);
  for (let i = 0; i < n; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16)}:${s.length}`;
}
