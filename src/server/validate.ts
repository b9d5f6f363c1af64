// Edge validation for requests: zod safeParse on query and body, so only typed values reach
// the store (STYLE.md rule 5). Failures become `input_invalid` naming the offending field.
import type { Context } from "hono";
import { z } from "zod";
import { DistillwatchError } from "../errors.js";

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
}

/** Parses the query string with `schema` (values arrive as strings; use z.coerce). */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const r = schema.safeParse(c.req.query());
  if (!r.success) throw new DistillwatchError("input_invalid", `invalid query: ${describeIssues(r.error)}`);
  return r.data;
}

/** Parses the JSON body with `schema`. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch (cause) {
    throw new DistillwatchError("input_invalid", "request body is not valid JSON", { cause });
  }
  const r = schema.safeParse(raw);
  if (!r.success) throw new DistillwatchError("input_invalid", `invalid body: ${describeIssues(r.error)}`);
  return r.data;
}

/** Paging parameters shared by every list route: limit 1..500 (default 50), offset ≥ 0. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
