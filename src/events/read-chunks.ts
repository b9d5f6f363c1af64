// Reads a plain (uncompressed) file in large chunks that end on a line boundary, as raw bytes,
// so that splitting and decoding can happen on the thread that prepares them: the reading
// thread never turns bytes into strings. Each chunk owns its ArrayBuffer, so it can be
// transferred to a worker without a copy. Compressed files and stdin go through `readLines`.
import { closeSync, openSync, readSync } from "node:fs";
import type { LineBatch } from "./read-lines.js";

/** A run of whole lines as bytes, with the input bytes consumed so far. */
export interface ByteChunk {
  bytes: Uint8Array;
  bytesRead: number;
}

/** True for inputs `readChunks` can read (a plain file, not stdin or gzip). */
export function chunkable(path: string): boolean {
  return path !== "-" && !path.endsWith(".gz");
}

/**
 * Yields chunks of about `chunkBytes` bytes of whole lines (the last may lack a final newline).
 * Chunks are read into buffers from `spare` when one is large enough (a consumer that is done
 * with a chunk may push its buffer there): fresh buffers are page-faulted in anew, and reading
 * the 564 MB medium scenario file measured 0.4–0.7 s of kernel time that way against 0.1 s
 * into reused ones.
 */
export function* readChunks(
  path: string,
  chunkBytes = 2 << 20,
  spare: ArrayBuffer[] = [],
): Generator<ByteChunk> {
  const fd = openSync(path, "r");
  try {
    let carry: Uint8Array = new Uint8Array(0);
    let bytesRead = 0;
    for (;;) {
      const size = Math.max(chunkBytes, carry.length * 2);
      const reuse = spare.length && spare[spare.length - 1]!.byteLength >= size ? spare.pop() : undefined;
      const buf = reuse ? Buffer.from(reuse) : Buffer.allocUnsafeSlow(size);
      buf.set(carry, 0);
      const n = readSync(fd, buf, carry.length, size - carry.length, null);
      bytesRead += n;
      const filled = carry.length + n;
      if (n === 0) {
        if (filled > 0) yield { bytes: buf.subarray(0, filled), bytesRead };
        return;
      }
      const nl = buf.lastIndexOf(10, filled - 1);
      if (nl < 0) {
        // A line longer than the chunk: keep reading until it ends.
        carry = buf.subarray(0, filled);
        continue;
      }
      carry = new Uint8Array(buf.subarray(nl + 1, filled));
      yield { bytes: buf.subarray(0, nl + 1), bytesRead };
    }
  } finally {
    closeSync(fd);
  }
}

/** Splits a chunk into lines (without "\n" or a trailing "\r"), numbered from `firstLine`. */
export function splitChunk(bytes: Uint8Array, firstLine: number, bytesRead: number): LineBatch {
  return { firstLine, lines: [...chunkLines(bytes)], bytesRead };
}

/**
 * The lines of a chunk one at a time, as `splitChunk` splits them: a consumer that handles each
 * line before taking the next never holds the chunk's ~2 MB of line strings at once.
 */
export function* chunkLines(bytes: Uint8Array): Generator<string> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let start = 0;
  while (start < buf.length) {
    let nl = buf.indexOf(10, start);
    if (nl < 0) nl = buf.length;
    let end = nl;
    if (end > start && buf[end - 1] === 13) end -= 1;
    yield buf.toString("utf8", start, end);
    start = nl + 1;
  }
}
