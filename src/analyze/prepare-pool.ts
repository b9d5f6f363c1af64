// Spreads batch preparation over worker threads when the compiled worker script exists (the
// CLI runs from dist/), else prepares inline. Results come back as promises in submit order.
import { existsSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { DistillwatchError } from "../errors.js";
import type { LineBatch } from "../events/read-lines.js";
import { readRange, type ChunkRange } from "../events/read-chunks.js";
import { loadContentModel } from "../signals/content/index.js";
import { BatchPreparer, type PoolBatch } from "./prepare.js";

/** Prepares batches, inline or in worker threads. */
export interface PreparePool {
  readonly threads: number;
  submit(file: string, batch: LineBatch): Promise<PoolBatch>;
  /**
   * Reads and prepares a chunk of `file` where it is prepared; its lines are numbered from 1
   * (the caller, which knows how many lines came before, renumbers rejections).
   */
  submitRange(file: string, range: ChunkRange): Promise<PoolBatch>;
  close(): Promise<void>;
}

/** A worker's answer: the prepared batch or an error. */
interface Reply {
  seq: number;
  result?: PoolBatch;
  error?: { message: string; code?: string };
}

interface Pending {
  resolve: (b: PoolBatch) => void;
  reject: (e: Error) => void;
}

/** Creates the pool; `threads: 0` forces inline preparation. */
export function createPreparePool(opts: {
  format?: string;
  samplesPerAccount: number;
  threads?: number;
}): PreparePool {
  const script = fileURLToPath(new URL("./prepare-worker.js", import.meta.url));
  const wanted = opts.threads ?? Math.max(1, Math.min(4, cpus().length));
  if (wanted === 0 || !existsSync(script)) {
    const preparer = new BatchPreparer(loadContentModel(), opts.format, opts.samplesPerAccount);
    let buf: Buffer | undefined;
    return {
      threads: 0,
      submit: async (file, batch) => preparer.prepare(file, batch),
      async submitRange(file, range) {
        const bytes = readRange(file, range, buf);
        buf = Buffer.from(bytes.buffer);
        return preparer.prepareBytes(file, bytes, range.bytesRead);
      },
      close: async () => {},
    };
  }
  const workers = Array.from(
    { length: wanted },
    () =>
      new Worker(script, { workerData: { format: opts.format, samplesPerAccount: opts.samplesPerAccount } }),
  );
  const pending = new Map<number, Pending>();
  let seq = 0;
  for (const w of workers) {
    w.on("message", (m: Reply) => {
      const p = pending.get(m.seq);
      pending.delete(m.seq);
      if (!p) return;
      if (m.result) p.resolve(m.result);
      else
        p.reject(
          new DistillwatchError(
            m.error?.code === "usage" ? "usage" : "internal",
            m.error?.message ?? "worker failed",
          ),
        );
    });
    w.on("error", (e) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    });
  }
  // Account-sticky routing is not possible before parsing, so batches go round-robin; each
  // worker keeps its own sample counters, so an account's text can come with up to threads ×
  // samplesPerAccount exchanges (the medium file: 24,860 with 2 threads, 13,677 inline); the
  // engine's thread keeps samplesPerAccount of them (SampleQuota in feed.ts).
  const send = (msg: object, transfer: ArrayBuffer[]) => {
    const s = seq++;
    const w = workers[s % workers.length]!;
    return new Promise<PoolBatch>((resolve, reject) => {
      pending.set(s, { resolve, reject });
      w.postMessage({ seq: s, ...msg }, transfer);
    });
  };
  return {
    threads: workers.length,
    submit: (file, batch) => send({ file, batch }, []),
    submitRange: (file, range) => send({ file, range }, []),
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
