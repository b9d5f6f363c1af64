// Worker thread: prepares line batches (decode, validate, facts, content scores, template keys).
import { parentPort, workerData } from "node:worker_threads";
import { loadContentModel } from "../signals/content/index.js";
import { BatchPreparer } from "./prepare.js";
import type { LineBatch } from "../events/read-lines.js";
import { splitChunk } from "../events/read-chunks.js";

interface Init {
  format?: string;
  samplesPerAccount: number;
}

const init = workerData as Init;
const preparer = new BatchPreparer(loadContentModel(), init.format, init.samplesPerAccount);
type Message = { seq: number; file: string } & (
  | { batch: LineBatch }
  | { bytes: Uint8Array; bytesRead: number }
);

parentPort?.on("message", (msg: Message) => {
  try {
    const batch = "batch" in msg ? msg.batch : splitChunk(msg.bytes, 1, msg.bytesRead);
    parentPort?.postMessage({ seq: msg.seq, result: preparer.prepare(msg.file, batch) });
  } catch (e) {
    parentPort?.postMessage({
      seq: msg.seq,
      error: { message: (e as Error).message, code: (e as { code?: string }).code },
    });
  }
});
