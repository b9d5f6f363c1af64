// Decodes OTLP/JSON attribute values (opentelemetry-proto `common/v1/common.proto` AnyValue in
// its JSON mapping: int64 as string, bytes as base64) into plain JSON values.
import { isObject, obj, parseMaybeJson, type Json } from "./shared.js";

/** One AnyValue as a plain value. */
export function anyValue(v: unknown): unknown {
  const a = obj(v);
  if (a === undefined) return undefined;
  if ("stringValue" in a) return a.stringValue;
  if ("boolValue" in a) return a.boolValue;
  if ("intValue" in a) return Number(a.intValue);
  if ("doubleValue" in a) return Number(a.doubleValue);
  if ("bytesValue" in a) return a.bytesValue;
  if ("arrayValue" in a) {
    const values = obj(a.arrayValue)?.values;
    return Array.isArray(values) ? values.map(anyValue) : [];
  }
  if ("kvlistValue" in a) return attributes(obj(a.kvlistValue)?.values);
  return undefined;
}

/** An OTLP `[{key, value}]` list as an object keyed by attribute name. */
export function attributes(list: unknown): Json {
  const out: Json = {};
  if (!Array.isArray(list)) return out;
  for (const kv of list) {
    if (isObject(kv) && typeof kv.key === "string") out[kv.key] = anyValue(kv.value);
  }
  return out;
}

/** A structured attribute that spans MAY carry as a JSON string (semconv gen-ai registry). */
export function structured(v: unknown): unknown {
  return parseMaybeJson(v);
}

/** Epoch ms from a `*TimeUnixNano` string without losing precision to float parsing. */
export function nanosToMs(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) && v > 0 ? Math.round(v / 1e6) : undefined;
  if (typeof v !== "string" || !/^\d+$/.test(v)) return undefined;
  const ms = Number(BigInt(v) / 1_000_000n);
  return ms > 0 ? ms : undefined;
}
