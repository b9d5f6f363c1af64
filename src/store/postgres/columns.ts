// PostgreSQL array types for the bulk-inserted tables, zipped with rows.ts's column order so the
// `unnest` parameters line up with the values rows.ts produces.
import { accountColumns, campaignColumns, exchangeColumns, sampleColumns } from "../rows.js";

function zip(names: readonly string[], types: string[]): { name: string; type: string }[] {
  if (names.length !== types.length) throw new Error(`column/type count mismatch: ${names.join(",")}`);
  return names.map((name, i) => ({ name, type: types[i] as string }));
}

/** exchanges columns with their PostgreSQL types. */
export const exchangeTypes = zip(exchangeColumns, [
  "text",
  "bigint",
  "text",
  "text",
  "text",
  "text",
  "bigint",
  "text",
  "text",
  "text",
  "text",
  "text",
  "integer",
  "integer",
  "jsonb",
  "text",
]);

/** samples columns with their PostgreSQL types. */
export const sampleTypes = zip(sampleColumns, ["text", "text", "bigint", "text", "text", "text", "text"]);

/** accounts columns with their PostgreSQL types. */
export const accountTypes = zip(accountColumns, [
  "text",
  "double precision",
  "text",
  "text",
  "bigint",
  "jsonb",
  "bigint",
  "bigint",
  "bigint",
]);

/** campaigns columns with their PostgreSQL types. */
export const campaignTypes = zip(campaignColumns, [
  "text",
  "double precision",
  "bigint",
  "bigint",
  "bigint",
  "integer",
  "jsonb",
  "jsonb",
  "jsonb",
  "jsonb",
]);

/**
 * PostgreSQL text cannot hold NUL, and exchanges and samples carry client-controlled text (user
 * agents, prompts); one NUL must not fail a whole 5k batch, so it becomes U+FFFD.
 */
export function withoutNul(values: unknown[]): unknown[] {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === "string" && v.includes("\0")) values[i] = v.replaceAll("\0", "\uFFFD");
  }
  return values;
}

/** `$1, $2, …` for `n` parameters. */
export function pgPlaceholders(n: number): string {
  return Array.from({ length: n }, (_, i) => `$${i + 1}`).join(", ");
}
