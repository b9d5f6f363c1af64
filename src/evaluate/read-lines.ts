// Line streaming for the evaluator's inputs: truth files reach 100k accounts and
// truth-exchanges.tsv 16M lines, so nothing is read whole; `.gz` names are gunzipped on the fly.
import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";
import type { z } from "zod";
import { DistillwatchError } from "../errors.js";
import { describeIssues } from "../events/contract.js";

/** One non-blank line of a file with its 1-based line number. */
export interface NumberedLine {
  text: string;
  lineNo: number;
}

/** Yields the non-blank lines of `file` (gzip when the name ends `.gz`); unreadable files throw `input_unreadable`. */
export async function* readLines(file: string): AsyncGenerator<NumberedLine> {
  try {
    await access(file);
  } catch (cause) {
    throw new DistillwatchError("input_unreadable", `cannot read ${file}`, { cause });
  }
  const raw = createReadStream(file);
  const input: Readable = file.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input, crlfDelay: Infinity });
  // readline does not see errors of the stream it reads (nor of the raw file under gunzip):
  // forward them so the loop below rejects instead of ending early as if the file were short.
  const forward = (cause: unknown) => lines.emit("error", new DistillwatchError("input_unreadable", `cannot read ${file}`, { cause }));
  raw.on("error", forward);
  if (input !== raw) input.on("error", forward);
  let lineNo = 0;
  try {
    for await (const text of lines) {
      lineNo += 1;
      if (text.trim() !== "") yield { text, lineNo };
    }
  } finally {
    lines.close();
    input.destroy();
    raw.destroy();
  }
}

/** The error for a line that fails validation: names the file and the line number. */
export function badLine(file: string, lineNo: number, reason: string, cause?: unknown): DistillwatchError {
  return new DistillwatchError("input_invalid", `${file}:${lineNo}: ${reason}`, { cause });
}

/** Parses one JSONL line against `schema`, throwing `badLine` on invalid JSON or a schema mismatch. */
export function parseJsonLine<T>(file: string, line: NumberedLine, schema: z.ZodType<T>): T {
  let record: unknown;
  try {
    record = JSON.parse(line.text);
  } catch (cause) {
    throw badLine(file, line.lineNo, "not valid JSON", cause);
  }
  const r = schema.safeParse(record);
  if (!r.success) throw badLine(file, line.lineNo, describeIssues(r.error), r.error);
  return r.data;
}
