// The detector worker thread: rebuilds each finished exchange from its batch (request bytes are
// parsed here — a body that is not a JSON object is rejected and counted — response bytes decoded
// here), ingests it, and posts back what the gateway's fast path reads (verdicts, signals,
// templates) plus rows for the store when asked.
import { readlinkSync } from "node:fs";
import { getPriority, setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import type { Detector } from "../engine/types.js";
import type { AccountVerdict } from "../scoring/types.js";
import type { ExchangeRow } from "../store/types.js";
import {
  decodeBatch,
  type AckMessage,
  type BatchMessage,
  type DetectorWorkerData,
} from "./detector-worker-protocol.js";
import { IngestCore } from "./ingest-core.js";

// The detector is background work: when the CPU is oversubscribed the proxy thread should win,
// and the detector catch up (its lag is watched: maxDecisionAgeMs). On Linux, setpriority on a
// thread id renices just this thread; elsewhere this is a no-op.
function lowerPriority(by: number): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + by));
  } catch {
    // Not Linux, or not allowed: run at the proxy's priority.
  }
}
lowerPriority(5);

const port = parentPort;
if (!port) throw new Error("detector-worker must run in a worker thread");
const data = workerData as DetectorWorkerData;

async function build(): Promise<Detector> {
  if (data.spec.module) {
    const m = (await import(data.spec.module)) as {
      createDetector: (config: DetectorWorkerData["config"], options: Record<string, unknown>) => Detector;
    };
    return m.createDetector(data.config, data.spec.options ?? {});
  }
  const { createEngine } = await import("../engine/index.js");
  return createEngine(
    data.config,
    data.spec.templateSlots !== undefined ? { templateSlots: data.spec.templateSlots } : {},
  );
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
    port.postMessage(
      data.wantRows ? { type: "verdicts", verdicts, changed } : { type: "verdicts", verdicts },
    );
    verdicts = [];
    changed = [];
  }
});

port.on("message", (m: BatchMessage) => {
  const batch = decodeBatch(m);
  const signals = new Map<string, Record<string, number>>();
  const templates: (string | null)[] = [];
  const rows: ExchangeRow[] = [];
  inBatch = true;
  const before = core.ingested;
  const rejectedBefore = core.rejected;
  for (const { x, at } of batch) {
    const o = core.ingest(x, at, data.wantRows);
    if (!o) continue;
    if (o.verdict) verdicts.push(o.verdict.account, o.verdict.score, o.verdict.verdict, o.verdict.campaign);
    signals.delete(o.account);
    signals.set(o.account, o.signals);
    if (o.template) templates.push(o.account, o.templateKey ?? null, o.template);
    if (o.row) rows.push(o.row);
  }
  inBatch = false;
  const flat: (string | Record<string, number>)[] = [];
  for (const [a, s] of signals) flat.push(a, s);
  const ack: AckMessage = {
    type: "ack",
    seq: m.seq,
    ingested: core.ingested - before,
    rejected: core.rejected - rejectedBefore,
    lastRejection: core.rejected > rejectedBefore ? (core.lastRejection ?? null) : null,
    failed: core.failedAt !== undefined,
    lastError: core.lastError ?? null,
    signals: flat,
    templates,
    verdicts,
  };
  if (data.wantRows) {
    ack.rows = rows;
    ack.changed = changed;
  }
  // Everything read from the batch was copied out (strings, parsed JSON), so its buffer can go back.
  ack.bytes = m.bytes;
  port.postMessage(ack, [m.bytes]);
  verdicts = [];
  changed = [];
});

port.postMessage({ type: "ready" });
