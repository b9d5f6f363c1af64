// Worker thread: prepares line batches (decode, validate, facts, content scores, template keys).
import { parentPort, workerData } from "node:worker_threads";
import { loadContentModel } from "../signals/content/index.js";
import { BatchPreparer } from "./prepare.js";
import type { LineBatch } from "../events/read-lines.js";

interface Init {
  format?: string;
  samplesPerAccount: number;
}

const init = workerData as Init;
const preparer = new BatchPreparer(loadContentModel(), init.format, init.samplesPerAccount);
parentPort?.on("message", (msg: { seq: number; file: string; batch: LineBatch }) => {
  try {
    parentPort?.postMessage({ seq: msg.seq, result: preparer.prepare(msg.file, msg.batch) });
  } catch (e) {
    parentPort?.postMessage({
      seq: msg.seq,
      error: { message: (e as Error).message, code: (e as { code?: string }).code },
    });
  }
});
