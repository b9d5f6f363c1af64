// Small readers shared by the importers: logs from other tools are untyped JSON, so every field
// is read defensively and only well-typed values reach the exchange candidate.
import type { ExchangeCandidate } from "./importer.js";

/** A plain JSON object. */
export type Json = Record<string, unknown>;

/** True for a non-null, non-array object. */
export function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The value as an object, or undefined. */
export function obj(v: unknown): Json | undefined {
  return isObject(v) ? v : undefined;
}

/** A non-empty string, or undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === "string" && v.length > 0 ? v : undefined;
}

/** A finite number (numeric strings included, since some exports stringify them), or undefined. */
export function num(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** A boolean, accepting the "TRUE"/"false" strings some exports write. */
export function bool(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (typeof v === "string" && /^(true|false)$/i.test(v)) return v.toLowerCase() === "true";
  return undefined;
}

/** The first argument that is a non-empty string. */
export function firstStr(...vs: unknown[]): string | undefined {
  for (const v of vs) {
    const s = str(v);
    if (s !== undefined) return s;
  }
  return undefined;
}

/** Parses a JSON string; other values pass through, unparseable strings stay strings. */
export function parseMaybeJson(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const t = v.trim();
  if (!(t.startsWith("{") || t.startsWith("["))) return v;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return v;
  }
}

const naiveDateTime = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

/**
 * A contract timestamp from a tool's time value: epoch seconds, ms, µs or ns (numbers or numeric
 * strings; the unit is inferred from magnitude) or a date-time string. ClickHouse-backed exports
 * (Helicone, Langfuse) write UTC `YYYY-MM-DD HH:MM:SS.fff` without an offset, which JavaScript
 * would read as local time, so offset-less strings are pinned to UTC.
 */
export function toTimestamp(v: unknown): string | number | undefined {
  const n =
    typeof v === "string" && /^\d+(\.\d+)?$/.test(v.trim())
      ? Number(v)
      : typeof v === "number"
        ? v
        : undefined;
  if (n !== undefined) {
    if (!Number.isFinite(n) || n <= 0) return undefined;
    if (n < 1e11) return Math.round(n * 1000); // seconds (LiteLLM startTime, OpenAI `created`)
    if (n < 1e14) return Math.round(n); // milliseconds
    if (n < 1e17) return Math.round(n / 1e3); // microseconds
    return Math.round(n / 1e6); // nanoseconds (OTLP)
  }
  if (typeof v !== "string") return undefined;
  const m = naiveDateTime.exec(v.trim());
  if (m) return `${m[1]}T${m[2]}Z`;
  return Number.isNaN(Date.parse(v)) || !/^\d{4}-\d{2}-\d{2}/.test(v) ? undefined : v;
}

/** Throws the Error the importer contract asks for: the format and the field it could not find. */
export function missing(format: string, field: string, looked: string): never {
  throw new Error(`${format} record has no ${field} (looked for ${looked})`);
}

/** Drops undefined values, and `params`/`usage`/`meta` objects left empty. */
export function compact(candidate: ExchangeCandidate): ExchangeCandidate {
  const out: ExchangeCandidate = {};
  for (const [k, v] of Object.entries(candidate)) {
    if (v === undefined) continue;
    if (isObject(v) && (k === "params" || k === "usage" || k === "meta")) {
      const inner = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));
      if (Object.keys(inner).length > 0) out[k] = inner;
      continue;
    }
    out[k] = v;
  }
  return out;
}

/** Endpoint name from an API path such as `/v1/chat/completions`. */
export function endpointFromPath(path: unknown): string | undefined {
  const p = str(path);
  if (p === undefined) return undefined;
  if (/\/chat\/completions/.test(p)) return "chat";
  if (/\/responses/.test(p)) return "responses";
  if (/\/messages/.test(p)) return "messages";
  if (/\/completions/.test(p)) return "completions";
  if (/\/embeddings/.test(p)) return "embeddings";
  return undefined;
}
