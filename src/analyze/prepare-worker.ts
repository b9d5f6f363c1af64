// Worker thread: prepares line batches (decode, validate, facts, content scores, template keys)
// of a batch of lines or of a chunk of a file it reads itself, and sends them back packed.
import { parentPort, workerData } from "node:worker_threads";
import { loadContentModel } from "../signals/content/index.js";
import { packedTransfer, packExchanges } from "./packed-exchanges.js";
import { BatchPreparer } from "./prepare.js";
import type { LineBatch } from "../events/read-lines.js";
import { readRange, type ChunkRange } from "../events/read-chunks.js";

interface Init {
  format?: string;
  samplesPerAccount: number;
}

const init = workerData as Init;
const preparer = new BatchPreparer(loadContentModel(), init.format, init.samplesPerAccount);
type Message = { seq: number; file: string } & ({ batch: LineBatch } | { range: ChunkRange });

// The buffer chunks are read into, reused: a fresh 2 MiB one per chunk is page-faulted in anew.
let buf: Buffer | undefined;

parentPort?.on("message", (msg: Message) => {
  try {
    let result;
    if ("batch" in msg) result = preparer.prepare(msg.file, msg.batch);
    else {
      const bytes = readRange(msg.file, msg.range, buf);
      buf = Buffer.from(bytes.buffer);
      result = preparer.prepareBytes(msg.file, bytes, msg.range.bytesRead);
    }
    const items = packExchanges(result.items);
    parentPort?.postMessage({ seq: msg.seq, result: { ...result, items } }, packedTransfer(items));
  } catch (e) {
    parentPort?.postMessage({
      seq: msg.seq,
      error: { message: (e as Error).message, code: (e as { code?: string }).code },
    });
  }
});
