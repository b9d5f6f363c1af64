// Starts the detector worker from TypeScript sources (tests, `node --import tsx`): worker threads
// don't inherit tsx's loader hooks, so register them here before importing the entry.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
