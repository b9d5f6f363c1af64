// Batch input in event-time order. The engine must see exchanges in event-time order, or every
// `first_flagged_at` (and what was known when) is wrong; the reorder buffer only mends near-sorted
// logs. Before a run, a sample of each plain file's lines shows whether the input is in order
// (each file, and the files one after another); when it is not (logs concatenated per gateway,
// per account or per source, or shuffled), the lines are copied into one file sorted by event
// time (stable), which the run reads instead, with a map back to each line's file and number so
// rejections still name the original line.
import { closeSync, openSync, readSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { parseTimestamp } from "../events/contract.js";
import { detectImporter, getImporter, type Importer } from "../events/importers/index.js";
import { readLines, type ReadFault } from "../events/read-lines.js";
import { chunkable } from "../events/read-chunks.js";

/** Reads the event time of raw lines of one file (its importer detected from the first record). */
export class LineClock {
  private importer: Importer | undefined;

  constructor(format?: string) {
    if (format !== undefined && format !== "auto") this.importer = getImporter(format);
  }

  get format(): string | undefined {
    return this.importer?.name;
  }

  /** Epoch ms of the line's (first) exchange; NaN when the line has none (it will be rejected). */
  time(text: string): number {
    // native lines whose only "ts" key is the exchange's: read it without parsing the line
    if (this.importer?.name === "jsonl") {
      const fast = fastTs(text);
      if (fast !== undefined) return fast;
    }
    if (text.trim().length === 0) return NaN;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      return NaN;
    }
    if (!this.importer) this.importer = detectImporter(record);
    let ts: unknown = (record as { ts?: unknown } | null)?.ts;
    if (this.importer) {
      try {
        ts = this.importer.toExchanges(record)[0]?.ts;
      } catch {
        return NaN;
      }
    }
    const ms = typeof ts === "string" || typeof ts === "number" ? parseTimestamp(ts) : null;
    return ms ?? NaN;
  }
}

const TS_KEY = '"ts":';

/** The value of a line's one `"ts":` key (undefined when there is none or more than one). */
function fastTs(text: string): number | undefined {
  const k = text.indexOf(TS_KEY);
  if (k < 0 || text.indexOf(TS_KEY, k + TS_KEY.length) >= 0) return undefined;
  let i = k + TS_KEY.length;
  while (text.charCodeAt(i) === 32) i++;
  if (text.charCodeAt(i) === 34) {
    const end = text.indexOf('"', i + 1);
    if (end < 0) return undefined;
    return parseTimestamp(text.slice(i + 1, end)) ?? undefined;
  }
  let j = i;
  while (j < text.length && "-+.0123456789eE".includes(text[j]!)) j++;
  const v = j > i ? Number(text.slice(i, j)) : NaN;
  return Number.isFinite(v) ? v : undefined;
}

/** Whether the input is in event-time order, as far as a sample of its lines shows. */
export interface OrderCheck {
  ordered: boolean;
  /** Why not, for the console and the summary. */
  reason?: string;
}

export interface CheckOptions {
  format?: string;
  /** Disorder the reorder buffer mends: an exchange this much older than one before it is out of order. */
  windowMs: number;
  /** Windows sampled per file (plain files larger than `readAllBelow`). */
  samples?: number;
  sampleBytes?: number;
  /** Files smaller than this are read whole. */
  readAllBelow?: number;
}

/**
 * Checks that `files`, read one after another, are in event-time order up to `windowMs`: the
 * lines of evenly spaced windows of each file (all of a small file), the windows against each
 * other, and each file's start against the end of the one before. A compressed file cannot be
 * sampled: each of its lines' time is read. Stdin is taken as ordered (the run counts late
 * exchanges and says so).
 */
export async function checkEventOrder(files: string[], opts: CheckOptions): Promise<OrderCheck> {
  const samples = opts.samples ?? 256;
  const sampleBytes = opts.sampleBytes ?? 32 << 10;
  const readAllBelow = opts.readAllBelow ?? 16 << 20;
  let latest = -Infinity;
  let latestFile = "";
  for (const file of files) {
    if (file === "-") continue;
    const clock = new LineClock(opts.format);
    let first = true;
    /** The verdict when `text` goes back in time, else undefined (and the line is taken in). */
    const take = (text: string): OrderCheck | undefined => {
      const ts = clock.time(text);
      if (Number.isNaN(ts)) return undefined;
      if (ts < latest - opts.windowMs) return outOfOrder(file, latestFile, first, ts, latest);
      first = false;
      if (ts > latest) [latest, latestFile] = [ts, file];
      return undefined;
    };
    if (!chunkable(file)) {
      // a compressed file cannot be sampled: every line's time is read (without parsing it)
      for await (const batch of readLines(file, { batchLines: 4096 }))
        for (const text of batch.lines) {
          const back = take(text);
          if (back) return back;
        }
      continue;
    }
    const size = statSync(file).size;
    const windows: [number, number][] =
      size <= readAllBelow
        ? [[0, size]]
        : Array.from({ length: samples }, (_, k) => {
            const start = Math.floor(((size - sampleBytes) * k) / (samples - 1));
            return [start, start + sampleBytes];
          });
    const fd = openSync(file, "r");
    try {
      for (const [start, end] of windows) {
        const buf = Buffer.allocUnsafe(end - start);
        const n = readSync(fd, buf, 0, end - start, start);
        const lines = buf.toString("utf8", 0, n).split("\n");
        // a window's first and last lines may be cut (unless the window starts or ends the file)
        const from = start === 0 ? 0 : 1;
        const to = start + n >= size ? lines.length : lines.length - 1;
        for (let i = from; i < to; i++) {
          const back = take(lines[i]!);
          if (back) return back;
        }
      }
    } finally {
      closeSync(fd);
    }
  }
  return { ordered: true };
}

/** A copy of `a` with room for `cap` entries. */
function widened<T extends Float64Array | Uint32Array | Uint16Array>(a: T, cap: number): T {
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}

function outOfOrder(
  file: string,
  latestFile: string,
  first: boolean,
  ts: number,
  latest: number,
): OrderCheck {
  const at = new Date(ts).toISOString();
  const before = new Date(latest).toISOString();
  return {
    ordered: false,
    reason:
      first && latestFile !== file
        ? `${file} starts (${at}) before ${latestFile} ends (${before})`
        : `${file} goes back in time (an exchange at ${at} after one at ${before})`,
  };
}

/** The sorted copy of the input, with the way back to each line's origin. */
export interface SortedInput {
  path: string;
  lines: number;
  /** The original file and line of line `line` (1-based) of the sorted copy. */
  origin(line: number): { file: string; line: number };
  /** Lines the readers could not deliver whole (a truncated gzip tail), by original file. */
  faults: { file: string; fault: ReadFault }[];
  remove(): void;
}

/**
 * Copies the lines of `files` into `dir/name`, sorted by event time (stable: lines of equal time,
 * and lines without one, which go first and are rejected by the run, keep their input order).
 */
export async function writeSortedCopy(
  files: string[],
  dir: string,
  opts: { format?: string; name?: string },
): Promise<SortedInput> {
  const staging = join(dir, ".distillwatch-staging.jsonl");
  const path = join(dir, opts.name ?? ".distillwatch-sorted.jsonl");
  let cap = 1 << 16;
  let ts = new Float64Array(cap);
  let offset = new Float64Array(cap);
  let length = new Uint32Array(cap);
  let fileOf = new Uint16Array(cap);
  let lineOf = new Uint32Array(cap);
  let n = 0;
  const faults: SortedInput["faults"] = [];
  const grow = () => {
    cap *= 2;
    ts = widened(ts, cap);
    offset = widened(offset, cap);
    length = widened(length, cap);
    lineOf = widened(lineOf, cap);
    fileOf = widened(fileOf, cap);
  };
  const out = openSync(staging, "w");
  const pending = Buffer.allocUnsafe(4 << 20);
  let used = 0;
  let written = 0;
  const put = (text: string) => {
    const len = Buffer.byteLength(text) + 1;
    if (used + len > pending.length) {
      writeSync(out, pending, 0, used);
      used = 0;
    }
    if (len > pending.length) writeSync(out, text + "\n");
    else {
      used += pending.write(text, used);
      pending[used++] = 10;
    }
    return len;
  };
  try {
    for (const [fi, file] of files.entries()) {
      const clock = new LineClock(opts.format);
      for await (const batch of readLines(file, {
        batchLines: 4096,
        onFault: (fault) => faults.push({ file, fault }),
      })) {
        for (const [k, text] of batch.lines.entries()) {
          if (n === cap) grow();
          const len = put(text);
          ts[n] = clock.time(text);
          offset[n] = written;
          length[n] = len;
          fileOf[n] = fi;
          lineOf[n] = batch.firstLine + k;
          written += len;
          n += 1;
        }
      }
    }
    writeSync(out, pending, 0, used);
  } finally {
    closeSync(out);
  }
  // lines without a time first, then by time; equal keys keep their order
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  const key = (i: number) => (Number.isNaN(ts[i]!) ? -Infinity : ts[i]!);
  order.sort((a, b) => key(a) - key(b) || a - b);
  const src = openSync(staging, "r");
  const dst = openSync(path, "w");
  try {
    const buf = Buffer.allocUnsafe(4 << 20);
    let used = 0;
    let pos = 0;
    const flush = () => {
      writeSync(dst, buf, 0, used, pos);
      pos += used;
      used = 0;
    };
    for (const i of order) {
      const len = length[i]!;
      if (used + len > buf.length) flush();
      if (len > buf.length) {
        const big = Buffer.allocUnsafe(len);
        readSync(src, big, 0, len, offset[i]!);
        writeSync(dst, big, 0, len, pos);
        pos += len;
        continue;
      }
      readSync(src, buf, used, len, offset[i]!);
      used += len;
    }
    flush();
  } finally {
    closeSync(src);
    closeSync(dst);
    rmSync(staging, { force: true });
  }
  return {
    path,
    lines: n,
    origin: (line) => {
      const i = order[line - 1];
      return i === undefined ? { file: path, line } : { file: files[fileOf[i]!]!, line: lineOf[i]! };
    },
    faults,
    remove: () => rmSync(path, { force: true }),
  };
}
