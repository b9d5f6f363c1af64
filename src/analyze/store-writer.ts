// Where exchange rows go once deduplicated: a SQLite writer thread when the compiled worker
// exists (the CLI), else the store itself. At most `maxPending` batches are in flight.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { DistillwatchError } from "../errors.js";
import type { EvidenceSample, ExchangeRow, Store } from "../store/index.js";
import { packedRowsTransfer, packRows, type PackedRows } from "./packed-rows.js";

/** Accepts rows and samples for storage. */
export interface RowSink {
  write(rows: ExchangeRow[], samples: EvidenceSample[]): Promise<void>;
  /** Waits until everything written so far is stored, then releases the sink. */
  close(): Promise<void>;
}

/** A sink writing through `store` on this thread. */
export function storeSink(store: Store): RowSink {
  return {
    async write(rows, samples) {
      if (rows.length) await store.insertExchanges(rows);
      if (samples.length) await store.addSamples(samples);
    },
    async close() {},
  };
}

/**
 * A sink writing to the SQLite file `file` from a worker thread (rows cross packed, see
 * packed-rows.ts); falls back to `store`.
 */
export function createRowSink(file: string, store: Store, maxPending = 8): RowSink {
  const script = fileURLToPath(new URL("./store-writer-worker.js", import.meta.url));
  if (file.startsWith("postgres") || file === ":memory:" || !existsSync(script)) return storeSink(store);
  const worker = new Worker(script, { workerData: { file } });
  const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let seq = 0;
  let failure: Error | undefined;
  worker.on("message", (m: { seq: number; error?: string }) => {
    const p = pending.get(m.seq);
    pending.delete(m.seq);
    if (m.error) failure ??= new DistillwatchError("internal", `store writer: ${m.error}`);
    if (!p) return;
    if (m.error) p.reject(failure!);
    else p.resolve();
  });
  worker.on("error", (e) => {
    failure ??= e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  });
  const send = (msg: { rows?: PackedRows; samples?: EvidenceSample[]; close?: boolean }) => {
    const s = seq++;
    return new Promise<void>((resolve, reject) => {
      pending.set(s, { resolve, reject });
      worker.postMessage({ seq: s, ...msg }, msg.rows ? packedRowsTransfer(msg.rows) : []);
    });
  };
  const inflight: Promise<void>[] = [];
  let closed = false;
  return {
    async write(rows, samples) {
      if (failure) throw failure;
      inflight.push(send({ rows: packRows(rows), samples }));
      while (inflight.length > maxPending) await inflight.shift();
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(inflight.splice(0));
      await send({ close: true });
      await worker.terminate();
      if (failure) throw failure;
    },
  };
}
