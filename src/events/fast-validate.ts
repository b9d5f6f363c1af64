// A fast check of the exchange contract for the common, valid case: it reads the record in
// place (no copy, no allocation) and accepts only what the zod schema accepts. Anything it
// does not accept goes to the zod schema, which is the definition and names the bad field.
// Measured: zod's safeParse of a typical exchange costs several times JSON.parse of its line.
import { parseTimestamp } from "./timestamp.js";

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const optStr = (v: unknown) => v === undefined || typeof v === "string";
const optNum = (v: unknown) => v === undefined || (typeof v === "number" && Number.isFinite(v));
const optNullNum = (v: unknown) =>
  v === undefined || v === null || (typeof v === "number" && Number.isFinite(v));
const ts = (v: unknown) =>
  (typeof v === "string" && v.length > 0) || (typeof v === "number" && Number.isFinite(v));

const STRING_FIELDS = [
  "org",
  "end_user",
  "key",
  "ip",
  "country",
  "user_agent",
  "payment",
  "email_domain",
  "verification",
  "via",
  "endpoint",
  "model",
  "system",
  "prompt",
  "output",
  "finish",
] as const;

function messagesOk(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (const m of v) {
    if (!isObj(m) || typeof m.role !== "string") return false;
    const c = m.content;
    if (c !== undefined && c !== null && typeof c !== "string") {
      if (!Array.isArray(c)) return false;
      for (const part of c) {
        if (typeof part === "string") continue;
        if (!isObj(part) || !optStr(part.type)) return false;
      }
    }
    if (m.tool_calls !== undefined && !Array.isArray(m.tool_calls)) return false;
    if (!optStr(m.name)) return false;
  }
  return true;
}

function paramsOk(p: unknown): boolean {
  if (p === undefined) return true;
  if (!isObj(p)) return false;
  for (const k of ["temperature", "top_p", "max_tokens", "n", "top_logprobs", "seed"] as const)
    if (!optNullNum(p[k])) return false;
  if (p.stream !== undefined && p.stream !== null && typeof p.stream !== "boolean") return false;
  const t = p.tools;
  if (t !== undefined && t !== null && typeof t !== "number" && !Array.isArray(t)) return false;
  if (typeof t === "number" && !Number.isFinite(t)) return false;
  const l = p.logprobs;
  if (
    l !== undefined &&
    l !== null &&
    typeof l !== "boolean" &&
    !(typeof l === "number" && Number.isFinite(l))
  )
    return false;
  return true;
}

function usageOk(u: unknown): boolean {
  if (u === undefined) return true;
  if (!isObj(u)) return false;
  return (
    optNullNum(u.input_tokens) &&
    optNullNum(u.output_tokens) &&
    optNullNum(u.reasoning_tokens) &&
    optNullNum(u.cached_tokens)
  );
}

/** True when `r` certainly satisfies the exchange schema (false means: ask zod). */
export function isExchangeFast(r: unknown): boolean {
  if (!isObj(r)) return false;
  if (
    typeof r.id !== "string" ||
    r.id.length === 0 ||
    typeof r.account !== "string" ||
    r.account.length === 0
  )
    return false;
  if (!ts(r.ts) || parseTimestamp(r.ts as string | number) === null) return false;
  for (const k of STRING_FIELDS) if (!optStr(r[k])) return false;
  const asn = r.asn;
  if (
    asn !== undefined &&
    !(typeof asn === "number" && Number.isInteger(asn) && asn >= 0 && asn <= 0xffffffff)
  )
    return false;
  if (
    r.account_created !== undefined &&
    (!ts(r.account_created) || parseTimestamp(r.account_created as string | number) === null)
  )
    return false;
  if (r.messages === undefined ? r.prompt === undefined : !messagesOk(r.messages)) return false;
  if (!paramsOk(r.params) || !usageOk(r.usage)) return false;
  const tc = r.tool_calls;
  if (tc !== undefined && !(typeof tc === "number" && Number.isInteger(tc) && tc >= 0)) return false;
  const st = r.status;
  if (st !== undefined && !(typeof st === "number" && Number.isInteger(st))) return false;
  const lat = r.latency_ms;
  if (lat !== undefined && !(typeof lat === "number" && Number.isFinite(lat) && lat >= 0)) return false;
  return optNum(r.asn);
}
