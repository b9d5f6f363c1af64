// The one place where errors become HTTP responses (STYLE.md rule 8): a DistillwatchError
// keeps its code and status; anything else is an internal error whose message stays private.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isDistillwatchError } from "../errors.js";

/** Hono `onError` handler: `{ error: { code, message } }` with the error's mapped status. */
export function respondWithError(err: Error, c: Context): Response {
  if (isDistillwatchError(err)) {
    return c.json({ error: { code: err.code, message: err.message } }, err.status as ContentfulStatusCode);
  }
  console.error("distillwatch server: unhandled error", err);
  return c.json({ error: { code: "internal", message: "internal error" } }, 500);
}
