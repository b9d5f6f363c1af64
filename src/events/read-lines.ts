// Streams the lines of a JSONL file (plain or gzip) or stdin without holding the file in
// memory: chunks are split on "\n" bytes (never U+2028, which JSON strings may contain).
// A truncated gzip tail ends the file with one rejected "line" instead of an exception.
import { createReadStream, statSync } from "node:fs";
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";
import { DistillwatchError } from "../errors.js";

/** One batch of lines with the number of the first line (1-based). */
export interface LineBatch {
  firstLine: number;
  lines: string[];
  /** Bytes of compressed-or-plain input consumed so far (for progress). */
  bytesRead: number;
}

/** A line the reader could not deliver whole (e.g. cut off by a truncated gzip stream). */
export interface ReadFault {
  line: number;
  reason: string;
}

export interface ReadLinesOptions {
  batchLines?: number;
  onFault?: (f: ReadFault) => void;
}

function openSource(path: string): { stream: Readable; raw: Readable; gz: boolean } {
  if (path === "-") return { stream: process.stdin, raw: process.stdin, gz: false };
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new DistillwatchError("input_unreadable", `${path} is not a file`);
  } catch (cause) {
    if (cause instanceof DistillwatchError) throw cause;
    throw new DistillwatchError(
      "input_unreadable",
      `cannot read ${path}: ${(cause as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (cause as Error).message}`,
      { cause },
    );
  }
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const gz = path.endsWith(".gz");
  return { stream: gz ? raw.pipe(createGunzip({ chunkSize: 1 << 20 })) : raw, raw, gz };
}

/** Yields batches of lines of `path` ("-" for stdin); `.gz` files are decompressed on the fly. */
export async function* readLines(path: string, opts: ReadLinesOptions = {}): AsyncGenerator<LineBatch> {
  const batchLines = opts.batchLines ?? 2048;
  const { stream, raw } = openSource(path);
  let bytesRead = 0;
  raw.on("data", (c: Buffer) => (bytesRead += c.length));
  let carry: Buffer | null = null;
  let lineNo = 1;
  let batch: string[] = [];
  let first = 1;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      let start = 0;
      for (;;) {
        const nl = buf.indexOf(10, start);
        if (nl < 0) break;
        let end = nl;
        if (end > start && buf[end - 1] === 13) end -= 1;
        batch.push(buf.toString("utf8", start, end));
        lineNo += 1;
        start = nl + 1;
        if (batch.length >= batchLines) {
          yield { firstLine: first, lines: batch, bytesRead };
          batch = [];
          first = lineNo;
        }
      }
      carry = start < buf.length ? buf.subarray(start) : null;
    }
  } catch (cause) {
    // Only decompression faults are recoverable: everything before the fault is kept.
    const code = (cause as NodeJS.ErrnoException).code ?? "";
    if (
      !code.startsWith("Z_") &&
      !/unexpected end|incorrect header|invalid/i.test((cause as Error).message)
    ) {
      throw new DistillwatchError("input_unreadable", `cannot read ${path}: ${(cause as Error).message}`, {
        cause,
      });
    }
    if (batch.length) yield { firstLine: first, lines: batch, bytesRead };
    opts.onFault?.({
      line: lineNo,
      reason: `compressed stream is corrupt or truncated (${(cause as Error).message})${carry ? "; the partial line here is dropped" : ""}`,
    });
    return;
  }
  if (carry && carry.length) {
    batch.push(carry.toString("utf8"));
  }
  if (batch.length) yield { firstLine: first, lines: batch, bytesRead };
}
