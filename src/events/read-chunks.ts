// Reads a plain (uncompressed) file in large chunks that end on a line boundary, as raw bytes,
// so that splitting and decoding can happen on the thread that prepares them. The reading
// thread only finds where chunks end (`readChunkRanges` reads a few KiB before each boundary);
// the preparing thread reads the chunk's bytes itself (`readRange`), so the 2 MiB copies out of
// the page cache happen where the work is parallel (on the 564 MB medium scenario file they took
// ~0.6 s of wall time on the engine's thread; its CPU time dropped ~0.3 s). A file is read up to
// its size when opened. Compressed files and stdin go through `readLines`.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/** A run of whole lines of a file: bytes [start, end), with the input bytes consumed so far. */
export interface ChunkRange {
  start: number;
  end: number;
  bytesRead: number;
}

/** True for inputs `readChunkRanges` can read (a plain file, not stdin or gzip). */
export function chunkable(path: string): boolean {
  return path !== "-" && !path.endsWith(".gz");
}

/**
 * Yields the ranges of chunks of about `chunkBytes` bytes of whole lines (the last may lack a
 * final newline). A chunk ends after the last newline within `chunkBytes` of its start; a line
 * longer than that doubles the window until it ends.
 */
export function* readChunkRanges(path: string, chunkBytes = 2 << 20): Generator<ChunkRange> {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const block = Buffer.allocUnsafe(Math.min(chunkBytes, 64 << 10));
    let start = 0;
    // Bytes already looked at past `start` (the tail of the previous window).
    let seen = 0;
    while (start < size) {
      let end = Math.min(size, start + Math.max(chunkBytes, seen * 2));
      let nl = lastNewline(fd, block, start, end);
      while (nl < 0 && end < size) {
        const from = end;
        end = Math.min(size, start + Math.max(chunkBytes, (end - start) * 2));
        nl = lastNewline(fd, block, from, end);
      }
      const stop = nl < 0 ? size : nl + 1;
      yield { start, end: stop, bytesRead: end };
      seen = end - stop;
      start = stop;
    }
  } finally {
    closeSync(fd);
  }
}

/** Offset of the last "\n" in bytes [from, to) of `fd`, or -1. */
function lastNewline(fd: number, block: Buffer, from: number, to: number): number {
  for (let pos = to; pos > from; ) {
    const at = Math.max(from, pos - block.length);
    const n = readSync(fd, block, 0, pos - at, at);
    const i = block.lastIndexOf(10, n - 1);
    if (i >= 0) return at + i;
    pos = at;
  }
  return -1;
}

/** The bytes of `range` of `path`, read into `buf` when it is large enough. */
export function readRange(path: string, range: ChunkRange, buf?: Buffer): Uint8Array {
  const length = range.end - range.start;
  const into = buf && buf.length >= length ? buf : Buffer.allocUnsafeSlow(length);
  const fd = openSync(path, "r");
  try {
    let done = 0;
    while (done < length) {
      const n = readSync(fd, into, done, length - done, range.start + done);
      if (n === 0) throw new Error(`${path} ended before byte ${range.end} (was it truncated?)`);
      done += n;
    }
  } finally {
    closeSync(fd);
  }
  return into.subarray(0, length);
}

/**
 * The lines of a chunk (without "\n" or a trailing "\r") one at a time: a consumer that handles
 * each line before taking the next never holds the chunk's ~2 MB of line strings at once.
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
