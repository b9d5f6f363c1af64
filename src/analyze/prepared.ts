// What preparation hands the engine's thread: each exchange's facts, content scores and template
// band keys, in a batch with the batch's rejections and counts.
import type { Rejection } from "../events/decode.js";
import type { ExchangeFacts } from "../events/normalize.js";
import type { ContentAnnotation } from "../signals/annotate.js";

/** One exchange ready for the engine. */
export interface PreparedExchange {
  facts: ExchangeFacts;
  content: ContentAnnotation;
  templateKeys: number[];
  /** Whether the facts still carry request text for an evidence sample. */
  sampled: boolean;
}

/** The result of preparing one batch of lines. */
export interface PreparedBatch {
  items: PreparedExchange[];
  rejected: Rejection[];
  lines: number;
  bytesRead: number;
  format?: string;
}

/** A prepared batch as the pool yields it: from a worker thread its exchanges arrive packed. */
export interface PoolBatch extends Omit<PreparedBatch, "items"> {
  /** Unpack with `preparedItems` when the batch is taken (not before: see packed-exchanges.ts). */
  items: PreparedExchange[] | PackedExchanges;
}

/** Prepared exchanges as columns, the form in which they leave a worker thread (packed-exchanges.ts). */
export interface PackedExchanges {
  count: number;
  strings: string[];
  /** A fixed number of string-table refs per exchange (the slots are in packed-exchanges.ts). */
  refs: Int32Array;
  /** A fixed number of numbers per exchange; an optional one counts only where its flag bit is set. */
  nums: Float64Array;
  /** Booleans (bits 0–4), presence of optional numbers (bits 8–15), template key count (16–31). */
  flags: Uint32Array;
  /** Content score values of every exchange in order. */
  scores: Float64Array;
  /** Template band keys of every exchange in order. */
  keys: Float64Array;
}
