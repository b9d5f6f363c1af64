// Messages between the gateway thread and the detector worker. Exchanges travel in batches packed
// into one transferred ArrayBuffer (binary header, strings, request and response bytes back to
// back), so the proxy thread builds no objects for the detector and pays one cheap post per batch.
import type { Config } from "../config/index.js";
import type { AccountVerdict } from "../scoring/types.js";
import type { ApiKind } from "../policy/index.js";
import type { ExchangeRow } from "../store/types.js";
import type { FinishedExchange } from "./exchange-record.js";
import type { Identity } from "./identity.js";

/** How the worker builds its detector. */
export interface DetectorWorkerSpec {
  /** Engine options that survive a structured clone (the content model is loaded in the worker). */
  templateSlots?: number;
  /** Module URL exporting `createDetector(config, options): Detector`, instead of the engine (tests). */
  module?: string;
  /** Passed to the module's `createDetector`. */
  options?: Record<string, string | number | boolean>;
}

/** The worker's startup data. */
export interface DetectorWorkerData {
  config: Config;
  spec: DetectorWorkerSpec;
  /** Send stored rows and full verdicts back (only when the gateway has a store). */
  wantRows: boolean;
  /** The TypeScript entry, when started through the tsx shim. */
  entry?: string;
}

/** One finished exchange as the gateway thread queues it. */
export interface QueuedExchange {
  x: FinishedExchange;
  /** When it was queued (epoch ms), for lag and the verdict refresh. */
  at: number;
}

/** Gateway → worker: a batch of finished exchanges, packed by `encodeBatch`. */
export interface BatchMessage {
  seq: number;
  count: number;
  /** Bytes of `bytes` in use. */
  used: number;
  bytes: ArrayBuffer;
}

/** One exchange read back by `decodeBatch`; its bytes are views of the batch buffer. */
export type DecodedExchange = QueuedExchange;

const none = 0xffffffff;
const maxRecycledBytes = 1024 * 1024;
// ts, at, asn (NaN = none), latencyMs as doubles; status, request and response lengths as u32
// (response none = 0xffffffff); flags (1 = streamed); the API; then six length-prefixed UTF-8
// strings; then the request body and the response bytes as sent.
const fixedBytes = 8 * 4 + 4 * 3 + 2;
const stringCount = 6;
const apis: readonly ApiKind[] = ["chat", "responses", "messages"];

/** Upper bound of the bytes `BatchWriter.add` writes for `q`. */
function boundOf(q: QueuedExchange): number {
  const { x } = q;
  const id = x.identity;
  let size = fixedBytes + 4 * stringCount + x.raw.length;
  // UTF-8 needs at most 3 bytes per UTF-16 unit; the slack is cheaper than measuring each string.
  size +=
    3 *
    (x.id.length +
      id.account.length +
      (id.key?.length ?? 0) +
      (id.ip?.length ?? 0) +
      (id.payment?.length ?? 0) +
      (x.userAgent?.length ?? 0));
  const chunks = x.response?.chunks;
  if (chunks) for (const c of chunks) size += c.length;
  return size;
}

/**
 * Packs exchanges, as they finish, into one ArrayBuffer to be transferred: a fixed binary header
 * per exchange followed by its strings, request bytes and response bytes. Packing at once means
 * the proxy thread keeps no parsed bodies or chunk lists alive until the batch goes (they would
 * survive a scavenge and be promoted); one transfer per batch costs a few µs, where a structured
 * clone of per-exchange objects cost ~60 ns per value.
 */
export class BatchWriter {
  private buf: Buffer;
  private off = 0;
  count = 0;
  /** `at` of the first exchange in the batch. */
  oldestAt = 0;

  /** Buffers the worker handed back, reused so batches allocate no new backing store. */
  private readonly free: ArrayBuffer[] = [];

  constructor(private readonly initialBytes = 64 * 1024) {
    this.buf = Buffer.from(new ArrayBuffer(initialBytes));
  }

  /** Bytes packed so far. */
  get size(): number {
    return this.off;
  }

  /** Takes back a buffer the worker is done with (not an odd huge one: it would pin its memory). */
  recycle(bytes: ArrayBuffer): void {
    if (
      this.free.length < 32 &&
      bytes.byteLength >= this.initialBytes &&
      bytes.byteLength <= maxRecycledBytes
    )
      this.free.push(bytes);
  }

  /** Appends one exchange. */
  add(q: QueuedExchange): void {
    const need = boundOf(q);
    if (this.off + need > this.buf.length) {
      const next = Buffer.from(new ArrayBuffer(Math.max(this.buf.length * 2, this.off + need)));
      this.buf.copy(next, 0, 0, this.off);
      this.buf = next;
    }
    if (this.count === 0) this.oldestAt = q.at;
    this.count += 1;
    const buf = this.buf;
    const { x, at } = q;
    const raw = x.raw;
    const r = x.response;
    let resLen = 0;
    if (r) for (const c of r.chunks) resLen += c.length;
    let off = this.off;
    buf.writeDoubleLE(x.ts, off);
    buf.writeDoubleLE(at, off + 8);
    buf.writeDoubleLE(x.identity.asn ?? NaN, off + 16);
    buf.writeDoubleLE(x.latencyMs, off + 24);
    buf.writeUInt32LE(x.status, off + 32);
    buf.writeUInt32LE(raw.length, off + 36);
    buf.writeUInt32LE(r ? resLen : none, off + 40);
    buf[off + 44] = r?.streamed ? 1 : 0;
    buf[off + 45] = apis.indexOf(x.api);
    off += fixedBytes;
    off = writeString(buf, off, x.id);
    off = writeString(buf, off, x.identity.account);
    off = writeString(buf, off, x.identity.key);
    off = writeString(buf, off, x.identity.ip);
    off = writeString(buf, off, x.identity.payment);
    off = writeString(buf, off, x.userAgent);
    buf.set(raw, off);
    off += raw.length;
    if (r) {
      for (const c of r.chunks) {
        buf.set(c, off);
        off += c.length;
      }
    }
    this.off = off;
  }

  /** The batch so far (to transfer), and a fresh buffer for the next one. */
  take(): { bytes: ArrayBuffer; used: number; count: number } {
    const out = { bytes: this.buf.buffer as ArrayBuffer, used: this.off, count: this.count };
    this.buf = Buffer.from(this.free.pop() ?? new ArrayBuffer(Math.max(this.initialBytes, this.off)));
    this.off = 0;
    this.count = 0;
    return out;
  }
}

function writeString(buf: Buffer, off: number, v: string | undefined): number {
  if (v === undefined) {
    buf.writeUInt32LE(none, off);
    return off + 4;
  }
  // Ids, accounts, key ids and addresses are ASCII: copying their char codes beats a call into
  // the UTF-8 encoder; the first non-ASCII character hands the rest to it.
  const start = off + 4;
  const n = v.length;
  let i = 0;
  for (; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c > 0x7f) break;
    buf[start + i] = c;
  }
  const written = i === n ? n : i + buf.write(v.slice(i), start + i, "utf8");
  buf.writeUInt32LE(written, off);
  return start + written;
}

/** Packs a whole batch at once (tests). */
export function encodeBatch(batch: readonly QueuedExchange[]): { bytes: ArrayBuffer; used: number } {
  const w = new BatchWriter(1024);
  for (const q of batch) w.add(q);
  return w.take();
}

/**
 * Reads a batch packed by `encodeBatch`. Request and response bytes are views of the batch buffer
 * (parsed by the caller before the buffer goes back to the gateway thread).
 */
export function decodeBatch(m: BatchMessage): DecodedExchange[] {
  const buf = Buffer.from(m.bytes, 0, m.used);
  const out: DecodedExchange[] = [];
  let off = 0;
  const str = (): string | undefined => {
    const n = buf.readUInt32LE(off);
    off += 4;
    if (n === none) return undefined;
    const v = buf.toString("utf8", off, off + n);
    off += n;
    return v;
  };
  for (let i = 0; i < m.count; i++) {
    const ts = buf.readDoubleLE(off);
    const at = buf.readDoubleLE(off + 8);
    const asn = buf.readDoubleLE(off + 16);
    const latencyMs = buf.readDoubleLE(off + 24);
    const status = buf.readUInt32LE(off + 32);
    const reqLen = buf.readUInt32LE(off + 36);
    const resLen = buf.readUInt32LE(off + 40);
    const streamed = buf[off + 44] === 1;
    const api = apis[buf[off + 45]!] ?? "chat";
    off += fixedBytes;
    const id = str() ?? "";
    const identity: Identity = { account: str() ?? "" };
    const key = str();
    const ip = str();
    const payment = str();
    const userAgent = str();
    if (key !== undefined) identity.key = key;
    if (ip !== undefined) identity.ip = ip;
    if (!Number.isNaN(asn)) identity.asn = asn;
    if (payment !== undefined) identity.payment = payment;
    const x: FinishedExchange = {
      id,
      ts,
      identity,
      api,
      raw: buf.subarray(off, off + reqLen),
      status,
      latencyMs,
    };
    off += reqLen;
    if (userAgent !== undefined) x.userAgent = userAgent;
    if (resLen !== none) {
      x.response = { streamed, chunks: [buf.subarray(off, off + resLen)] };
      off += resLen;
    }
    out.push({ x, at });
  }
  return out;
}

/** Worker → gateway: a batch was ingested; what changed. */
export interface AckMessage {
  type: "ack";
  seq: number;
  /** Exchanges of the batch the detector took. */
  ingested: number;
  /** Exchanges of the batch whose request body was not a JSON object, and the last one's reason. */
  rejected: number;
  lastRejection: string | null;
  /** Failure state after the batch's last exchange (as the in-process link keeps it). */
  failed: boolean;
  lastError: string | null;
  /** account, signals — one pair per account touched, latest last. */
  signals: (string | Record<string, number>)[];
  /** account, templateKey | null, template triples. */
  templates: (string | null)[];
  /** account, score, verdict, campaign quadruples, in the order they were learnt. */
  verdicts: (string | number | null)[];
  /** Only with `wantRows`. */
  rows?: ExchangeRow[];
  /** The batch's buffer, transferred back for reuse (nothing in the worker keeps a view of it). */
  bytes?: ArrayBuffer;
  changed?: AccountVerdict[];
}

/** Worker → gateway: verdicts changed outside a batch. */
export interface VerdictsMessage {
  type: "verdicts";
  verdicts: (string | number | null)[];
  changed?: AccountVerdict[];
}

/** Worker → gateway: the detector is built and listening. */
export interface ReadyMessage {
  type: "ready";
}

export type FromWorker = AckMessage | VerdictsMessage | ReadyMessage;
