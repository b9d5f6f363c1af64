// Argument parsing on node:util parseArgs (built in, strict): unknown flags are usage errors.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { DistillwatchError } from "../errors.js";

/** Parses a subcommand's argv; throws a usage error naming the bad flag. */
export function parseCommand<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, debug: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (cause) {
    throw new DistillwatchError("usage", (cause as Error).message.split("\n")[0] ?? "bad arguments", {
      cause,
    });
  }
}

/** A required string flag. */
export function required(v: unknown, flag: string): string {
  if (typeof v !== "string" || v.length === 0) throw new DistillwatchError("usage", `missing --${flag}`);
  return v;
}

/** A numeric flag. */
export function numberFlag(v: unknown, flag: string, fallback?: number): number {
  if (v === undefined) {
    if (fallback === undefined) throw new DistillwatchError("usage", `missing --${flag}`);
    return fallback;
  }
  const n = Number(v);
  if (!Number.isFinite(n))
    throw new DistillwatchError("usage", `--${flag} must be a number, got ${String(v)}`);
  return n;
}
