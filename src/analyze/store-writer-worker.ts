// Worker thread: writes exchange rows and evidence samples to the SQLite store, so that the
// engine's thread does not wait on SQLite (≈ 6–10 µs of CPU per row).
import { parentPort, workerData } from "node:worker_threads";
import { openSqliteStore } from "../store/index.js";
import type { EvidenceSample } from "../store/index.js";
import { unpackRows, type PackedRows } from "./packed-rows.js";

const store = openSqliteStore((workerData as { file: string }).file);
parentPort?.on(
  "message",
  (m: { seq: number; rows?: PackedRows[]; samples?: EvidenceSample[]; close?: boolean }) => {
    void (async () => {
      try {
        // All of a message's rows in one transaction (see ROWS_PER_MESSAGE in store-writer.ts).
        const rows = m.rows?.flatMap(unpackRows) ?? [];
        if (rows.length) await store.insertExchanges(rows);
        if (m.samples?.length) await store.addSamples(m.samples);
        if (m.close) await store.close();
        parentPort?.postMessage({ seq: m.seq });
      } catch (e) {
        parentPort?.postMessage({ seq: m.seq, error: (e as Error).message });
      }
    })();
  },
);
