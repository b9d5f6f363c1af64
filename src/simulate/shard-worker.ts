// Worker-thread entry: renders one shard per job and posts its batches (buffers transferred,
// not copied). Credit-based flow control: the merger returns each batch it has written, which
// lets the worker render one more, so at most `credit` batches per worker are ever in memory.
import { parentPort } from "node:worker_threads";
import { newBatch, transferList, type Batch } from "./batch.js";
import { getCorpora } from "./corpus.js";
import { ShardRenderer, type ShardJob } from "./shard.js";

/** Messages the merger sends a shard worker. */
export type ToWorker =
  | { type: "job"; job: ShardJob; corporaDir: string; credit: number }
  | { type: "more"; batch: Batch };
/** Messages a shard worker sends back. */
export type FromWorker =
  | { type: "ready"; accounts: ShardRenderer["accounts"]; expected: number }
  | { type: "batch"; batch: Batch }
  | { type: "error"; message: string; stack?: string };

const port = parentPort;
if (!port) throw new Error("shard-worker must run in a worker thread");

let credit = 0;
const spare: Batch[] = [];
let wake: (() => void) | null = null;

port.on("message", (msg: ToWorker) => {
  if (msg.type === "more") {
    credit++;
    spare.push(msg.batch);
    wake?.();
    wake = null;
  } else void runJob(msg.job, msg.corporaDir, msg.credit);
});

async function runJob(job: ShardJob, corporaDir: string, initialCredit: number): Promise<void> {
  const post = (m: FromWorker, transfer?: ArrayBuffer[]): void => port?.postMessage(m, transfer);
  try {
    const renderer = new ShardRenderer(job, getCorpora(corporaDir));
    credit = initialCredit;
    post({ type: "ready", accounts: renderer.accounts, expected: renderer.expected });
    for (;;) {
      while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
      credit--;
      const b = spare.pop() ?? newBatch();
      renderer.fill(b);
      post({ type: "batch", batch: b }, transferList(b));
      if (b.done) return;
    }
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    post({ type: "error", message: err.message, stack: err.stack });
  }
}
