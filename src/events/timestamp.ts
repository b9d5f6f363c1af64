/** Epoch ms from an RFC 3339 string or epoch-ms number; null when it is neither. */
export function parseTimestamp(v: string | number): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(v)) return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : ms;
}
