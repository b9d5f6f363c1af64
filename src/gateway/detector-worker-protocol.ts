// Messages between the gateway thread and the detector worker. Exchanges travel in batches: one
// flat array of primitives (cheap to clone) plus one transferred ArrayBuffer holding the request
// and response bytes back to back, so the proxy thread never builds objects for the detector.
import type { Config } from "../config/index.js";
import type { AccountVerdict } from "../scoring/types.js";
import type { ExchangeRow } from "../store/types.js";

/** How the worker builds its detector. */
export interface DetectorWorkerSpec {
  /** Engine options that survive a structured clone (the content model is loaded in the worker). */
  templateSlots?: number;
  /** Module URL exporting `createDetector(config): Detector`, instead of the engine (tests). */
  module?: string;
}

/** The worker's startup data. */
export interface DetectorWorkerData {
  config: Config;
  spec: DetectorWorkerSpec;
  /** Send stored rows and full verdicts back (only when the gateway has a store). */
  wantRows: boolean;
  /** The TypeScript entry, when started through the tsx shim. */
  entry?: string;
}

/** Fields per exchange in `BatchMessage.meta`, in this order. */
export const F = {
  id: 0,
  ts: 1,
  account: 2,
  key: 3,
  ip: 4,
  asn: 5,
  payment: 6,
  userAgent: 7,
  api: 8,
  status: 9,
  latencyMs: 10,
  templateKey: 11,
  at: 12,
  reqLen: 13,
  /** -1 when no response was captured. */
  resLen: 14,
  streamed: 15,
} as const;
export const stride = 16;

export type MetaValue = string | number | boolean | null;

/** Gateway → worker: a batch of finished exchanges. */
export interface BatchMessage {
  seq: number;
  meta: MetaValue[];
  bytes: ArrayBuffer;
}

/** Worker → gateway: a batch was ingested; what changed. */
export interface AckMessage {
  type: "ack";
  seq: number;
  /** Exchanges of the batch the detector took. */
  ingested: number;
  /** Failure state after the batch's last exchange (as the in-process link keeps it). */
  failed: boolean;
  lastError: string | null;
  /** account, signals — one pair per account touched, latest last. */
  signals: (string | Record<string, number>)[];
  /** account, templateKey | null, template triples. */
  templates: (string | null)[];
  /** account, score, verdict, campaign quadruples, in the order they were learnt. */
  verdicts: (string | number | null)[];
  /** Only with `wantRows`. */
  rows?: ExchangeRow[];
  changed?: AccountVerdict[];
}

/** Worker → gateway: verdicts changed outside a batch. */
export interface VerdictsMessage {
  type: "verdicts";
  verdicts: (string | number | null)[];
  changed?: AccountVerdict[];
}

/** Worker → gateway: the detector is built and listening. */
export interface ReadyMessage {
  type: "ready";
}

export type FromWorker = AckMessage | VerdictsMessage | ReadyMessage;
