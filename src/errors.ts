/** Error codes distillwatch raises on purpose; each maps to an HTTP status in one place. */
export type ErrorCode =
  | "usage"
  | "input_unreadable"
  | "input_invalid"
  | "config_invalid"
  | "not_found"
  | "unauthorized"
  | "forbidden"
  | "conflict"
  | "upstream"
  | "internal";

const statusByCode: Record<ErrorCode, number> = {
  usage: 400,
  input_unreadable: 400,
  input_invalid: 422,
  config_invalid: 400,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  conflict: 409,
  upstream: 502,
  internal: 500,
};

/** The one base error: a code, the HTTP status it maps to, and the chained cause. */
export class DistillwatchError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DistillwatchError";
    this.code = code;
    this.status = statusByCode[code];
  }
}

/** True when `e` is a DistillwatchError (of `code`, when given). */
export function isDistillwatchError(e: unknown, code?: ErrorCode): e is DistillwatchError {
  return e instanceof DistillwatchError && (code === undefined || e.code === code);
}
