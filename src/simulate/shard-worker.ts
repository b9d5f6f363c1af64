// Worker-thread entry: renders one shard per job into batches the merger shares with it (see
// batch.ts) and posts each batch's number when it is full. Credit-based flow control: the merger
// hands a batch back once written, which lets the worker fill it again, so the batches a job
// brings are all the memory a worker ever renders into.
import { parentPort } from "node:worker_threads";
import type { Batch } from "./batch.js";
import { getCorpora } from "./corpus.js";
import { ShardRenderer, type ShardJob } from "./shard.js";

/** Messages the merger sends a shard worker. */
export type ToWorker =
  | { type: "job"; job: ShardJob; corporaDir: string; batches: Batch[] }
  | { type: "more"; batch: number };
/** Messages a shard worker sends back: `data` only when a huge line made the worker replace it. */
export type FromWorker =
  | { type: "ready"; accounts: ShardRenderer["accounts"]; expected: number }
  | { type: "batch"; batch: number; count: number; done: boolean; data?: ArrayBufferLike }
  | { type: "error"; message: string; stack?: string };

const port = parentPort;
if (!port) throw new Error("shard-worker must run in a worker thread");

/** Numbers of the job's batches the merger has handed back (or not yet received). */
let free: number[] = [];
let wake: (() => void) | null = null;

port.on("message", (msg: ToWorker) => {
  if (msg.type === "more") {
    free.push(msg.batch);
    wake?.();
    wake = null;
  } else void runJob(msg.job, msg.corporaDir, msg.batches);
});

async function runJob(job: ShardJob, corporaDir: string, batches: Batch[]): Promise<void> {
  const post = (m: FromWorker): void => port?.postMessage(m);
  try {
    const renderer = new ShardRenderer(job, getCorpora(corporaDir));
    free = batches.map((_, i) => i);
    post({ type: "ready", accounts: renderer.accounts, expected: renderer.expected });
    for (;;) {
      while (free.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const i = free.pop() as number;
      const b = batches[i] as Batch;
      const data = b.data;
      renderer.fill(b);
      post({
        type: "batch",
        batch: i,
        count: b.count,
        done: b.done,
        ...(b.data !== data ? { data: b.data } : {}),
      });
      if (b.done) return;
    }
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    post({ type: "error", message: err.message, stack: err.stack });
  }
}
