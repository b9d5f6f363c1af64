// The detector worker thread: rebuilds each finished exchange from its batch (request bytes are
// parsed here, response bytes decoded here), ingests it, and posts back what the gateway's fast
// path reads (verdicts, signals, templates) plus rows for the store when asked.
import { parentPort, workerData } from "node:worker_threads";
import type { Detector } from "../engine/types.js";
import type { ApiKind } from "../policy/index.js";
import type { AccountVerdict } from "../scoring/types.js";
import type { ExchangeRow } from "../store/types.js";
import { F, stride, type AckMessage, type BatchMessage, type DetectorWorkerData, type MetaValue } from "./detector-worker-protocol.js";
import type { FinishedExchange } from "./exchange-record.js";
import type { Identity } from "./identity.js";
import { IngestCore } from "./ingest-core.js";
import { readRequest } from "./request-view.js";

const port = parentPort;
if (!port) throw new Error("detector-worker must run in a worker thread");
const data = workerData as DetectorWorkerData;

async function build(): Promise<Detector> {
  if (data.spec.module) {
    const m = (await import(data.spec.module)) as { createDetector: (config: DetectorWorkerData["config"]) => Detector };
    return m.createDetector(data.config);
  }
  const { createEngine } = await import("../engine/index.js");
  return createEngine(data.config, data.spec.templateSlots !== undefined ? { templateSlots: data.spec.templateSlots } : {});
}

const detector = await build();
const core = new IngestCore(detector);
let inBatch = false;
let verdicts: (string | number | null)[] = [];
let changed: AccountVerdict[] = [];

detector.onVerdicts((vs) => {
  for (const v of vs) verdicts.push(v.account, v.score, v.verdict, v.campaign);
  if (data.wantRows) for (const v of vs) changed.push(v);
  if (!inBatch) {
    port.postMessage(data.wantRows ? { type: "verdicts", verdicts, changed } : { type: "verdicts", verdicts });
    verdicts = [];
    changed = [];
  }
});

const str = (v: MetaValue | undefined): string | undefined => (typeof v === "string" ? v : undefined);

function exchangeAt(meta: MetaValue[], i: number, bytes: Buffer, off: number): FinishedExchange | undefined {
  const b = i * stride;
  const reqLen = meta[b + F.reqLen] as number;
  const resLen = meta[b + F.resLen] as number;
  const view = readRequest(meta[b + F.api] as ApiKind, bytes.subarray(off, off + reqLen));
  if (!view) return undefined;
  const identity: Identity = { account: meta[b + F.account] as string };
  const key = str(meta[b + F.key]);
  const ip = str(meta[b + F.ip]);
  const asn = meta[b + F.asn];
  const payment = str(meta[b + F.payment]);
  if (key !== undefined) identity.key = key;
  if (ip !== undefined) identity.ip = ip;
  if (typeof asn === "number") identity.asn = asn;
  if (payment !== undefined) identity.payment = payment;
  const x: FinishedExchange = { id: meta[b + F.id] as string, ts: meta[b + F.ts] as number, identity, view, status: meta[b + F.status] as number, latencyMs: meta[b + F.latencyMs] as number };
  const ua = str(meta[b + F.userAgent]);
  if (ua !== undefined) x.userAgent = ua;
  if (resLen >= 0) x.response = { streamed: meta[b + F.streamed] === true, chunks: [bytes.subarray(off + reqLen, off + reqLen + resLen)] };
  return x;
}

port.on("message", (m: BatchMessage) => {
  const bytes = Buffer.from(m.bytes);
  const n = m.meta.length / stride;
  const signals = new Map<string, Record<string, number>>();
  const templates: (string | null)[] = [];
  const rows: ExchangeRow[] = [];
  inBatch = true;
  const before = core.ingested;
  let off = 0;
  for (let i = 0; i < n; i++) {
    const b = i * stride;
    const x = exchangeAt(m.meta, i, bytes, off);
    const len = (m.meta[b + F.reqLen] as number) + Math.max(0, m.meta[b + F.resLen] as number);
    off += len;
    if (!x) continue;
    const o = core.ingest(x, m.meta[b + F.at] as number, data.wantRows);
    if (!o) continue;
    if (o.verdict) verdicts.push(o.verdict.account, o.verdict.score, o.verdict.verdict, o.verdict.campaign);
    signals.delete(o.account);
    signals.set(o.account, o.signals);
    if (o.template) templates.push(o.account, str(m.meta[b + F.templateKey]) ?? null, o.template);
    if (o.row) rows.push(o.row);
  }
  inBatch = false;
  const flat: (string | Record<string, number>)[] = [];
  for (const [a, s] of signals) flat.push(a, s);
  const ack: AckMessage = { type: "ack", seq: m.seq, ingested: core.ingested - before, failed: core.failedAt !== undefined, lastError: core.lastError ?? null, signals: flat, templates, verdicts };
  if (data.wantRows) {
    ack.rows = rows;
    ack.changed = changed;
  }
  port.postMessage(ack);
  verdicts = [];
  changed = [];
});

port.postMessage({ type: "ready" });
