// Display formatting for times and numbers, in the analyst's locale but UTC (events are UTC).

/** `2026-02-03 10:12` (UTC) from epoch ms. */
export function formatTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ");
}

/** Thousands-separated integer. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
