// Compact on-disk form of the content model: only buckets with a non-zero weight are kept,
// weights quantised to int8 with one scale per output (max |w| / 127), base64 in JSON.
import { BUCKETS, HASH_BITS } from "./features.js";
import { OUTPUT_COUNT, OUTPUT_NAMES, type ContentWeights } from "./outputs.js";

/** Format tag written into every model file. */
export const MODEL_FORMAT = "distillwatch-content-lr/1";

const MIN_KEPT_Q = 2;

/** JSON shape of models/content-model.json. */
export interface ContentModelFile {
  format: string;
  hashBits: number;
  outputs: string[];
  bias: number[];
  scales: number[];
  /** base64 Uint32Array of bucket ids, ascending. */
  rows: string;
  /** base64 Int8Array, row-major [row][output]. */
  q: string;
  meta: Record<string, unknown>;
}

/** Serialises weights into the compact file shape. */
export function encodeModelFile(w: ContentWeights, meta: Record<string, unknown>): ContentModelFile {
  const H = OUTPUT_COUNT;
  const scales = new Array<number>(H).fill(0);
  for (let i = 0; i < w.weights.length; i++) {
    const h = i % H;
    scales[h] = Math.max(scales[h] ?? 0, Math.abs(w.weights[i] ?? 0) / 127);
  }
  const rows: number[] = [];
  const q: number[] = [];
  for (let b = 0; b < BUCKETS; b++) {
    const row = new Array<number>(H);
    let maxAbs = 0;
    for (let h = 0; h < H; h++) {
      const s = scales[h] ?? 0;
      const v = s > 0 ? Math.round((w.weights[b * H + h] ?? 0) / s) : 0;
      row[h] = v;
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
    // Rows whose every weight is within 1 quantisation step of zero are dropped (keeps the file < 5 MB).
    if (maxAbs >= MIN_KEPT_Q) {
      rows.push(b);
      q.push(...row);
    }
  }
  return {
    format: MODEL_FORMAT,
    hashBits: HASH_BITS,
    outputs: [...OUTPUT_NAMES],
    bias: Array.from(w.bias, (x) => Math.round(x * 1e6) / 1e6),
    scales: scales.map((s) => Math.fround(s)),
    rows: Buffer.from(new Uint32Array(rows).buffer).toString("base64"),
    q: Buffer.from(new Int8Array(q).buffer).toString("base64"),
    meta,
  };
}

/**
 * Scoring layout: one 16-byte row per bucket (4 Int32 words, 4 outputs each; the 16th byte is
 * padding), each weight stored as q + 128 in one unsigned byte. A row never straddles a cache
 * line, and model.ts sums rows four outputs per word (SWAR) in integer arithmetic.
 */
export interface QuantizedWeights {
  /** BUCKETS * ROW_WORDS words; byte j of word k in row b is q[b][4k + j] + 128. */
  packed: Int32Array;
  scales: Float32Array;
  bias: Float32Array;
}

/** Int32 words per bucket row in QuantizedWeights.packed. */
export const ROW_WORDS = 4;
/** Offset added to every int8 weight so it fits an unsigned byte lane. */
export const Q_BIAS = 128;

/** Expands a model file into the packed int8 scoring layout plus per-output scales. */
export function decodeQuantized(file: ContentModelFile): QuantizedWeights {
  const { rows, q } = readBlocks(file);
  const H = OUTPUT_COUNT;
  if (H > ROW_WORDS * 4) throw new Error("content model: too many outputs for the packed layout");
  const emptyRow = Q_BIAS * 0x01010101; // every lane q = 0
  const packed = new Int32Array(BUCKETS * ROW_WORDS).fill(emptyRow | 0);
  for (let r = 0; r < rows.length; r++) {
    const base = (rows[r] ?? 0) * ROW_WORDS;
    for (let k = 0; k < ROW_WORDS; k++) {
      let word = 0;
      for (let j = 0; j < 4; j++) {
        const h = 4 * k + j;
        const v = h < H ? (q[r * H + h] ?? 0) : 0;
        word |= ((v + Q_BIAS) & 0xff) << (8 * j);
      }
      packed[base + k] = word;
    }
  }
  return { packed, scales: Float32Array.from(file.scales), bias: Float32Array.from(file.bias) };
}

function readBlocks(file: ContentModelFile): { rows: Uint32Array; q: Int8Array } {
  if (file.format !== MODEL_FORMAT || file.hashBits !== HASH_BITS) {
    throw new Error(`content model: unsupported format ${file.format}/${file.hashBits}`);
  }
  if (file.outputs.join(",") !== OUTPUT_NAMES.join(","))
    throw new Error("content model: output names differ");
  const rowBuf = Buffer.from(file.rows, "base64");
  const qBuf = Buffer.from(file.q, "base64");
  const rows = new Uint32Array(Uint8Array.from(rowBuf).buffer); // copy: Buffer views may be unaligned
  const q = new Int8Array(qBuf.buffer, qBuf.byteOffset, qBuf.byteLength);
  if (q.length !== rows.length * OUTPUT_COUNT)
    throw new Error("content model: weight block has the wrong size");
  for (const b of rows) if (b >= BUCKETS) throw new Error("content model: bucket id out of range");
  return { rows, q };
}

/** Expands a model file into dense weights; throws if it was written for another layout. */
export function decodeModelFile(file: ContentModelFile): ContentWeights {
  const { rows, q } = readBlocks(file);
  const H = OUTPUT_COUNT;
  const weights = new Float32Array(BUCKETS * H);
  for (let r = 0; r < rows.length; r++) {
    const base = (rows[r] ?? 0) * H;
    for (let h = 0; h < H; h++) weights[base + h] = (q[r * H + h] ?? 0) * (file.scales[h] ?? 0);
  }
  return { weights, bias: Float32Array.from(file.bias) };
}
