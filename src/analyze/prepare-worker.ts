// Worker thread: prepares line batches (decode, validate, facts, content scores, template keys)
// and sends them back packed, with the buffer of a byte chunk for reuse.
import { parentPort, workerData } from "node:worker_threads";
import { loadContentModel } from "../signals/content/index.js";
import { packedTransfer, packExchanges } from "./packed-exchanges.js";
import { BatchPreparer } from "./prepare.js";
import type { LineBatch } from "../events/read-lines.js";

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
    const result =
      "batch" in msg
        ? preparer.prepare(msg.file, msg.batch)
        : preparer.prepareBytes(msg.file, msg.bytes, msg.bytesRead);
    const items = packExchanges(result.items);
    // The chunk's buffer goes back too, to be read into again (see readChunks).
    const spare = "bytes" in msg ? (msg.bytes.buffer as ArrayBuffer) : undefined;
    parentPort?.postMessage({ seq: msg.seq, result: { ...result, items }, spare }, [
      ...packedTransfer(items),
      ...(spare ? [spare] : []),
    ]);
  } catch (e) {
    parentPort?.postMessage({
      seq: msg.seq,
      error: { message: (e as Error).message, code: (e as { code?: string }).code },
    });
  }
});
