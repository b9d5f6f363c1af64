// Compact on-disk form of the content model: only buckets with a non-zero weight are kept,
// weights quantised to int8 with one scale per output (max |w| / 127), base64 in JSON.
import { BUCKETS, HASH_BITS } from './features.js';
import { OUTPUT_COUNT, OUTPUT_NAMES, type ContentWeights } from './outputs.js';

/** Format tag written into every model file. */
export const MODEL_FORMAT = 'distillwatch-content-lr/1';

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
    rows: Buffer.from(new Uint32Array(rows).buffer).toString('base64'),
    q: Buffer.from(new Int8Array(q).buffer).toString('base64'),
    meta,
  };
}

/** Dense int8 weights as stored in the file: the scoring layout (4 MB, cache-friendly). */
export interface QuantizedWeights {
  q: Int8Array;
  scales: Float32Array;
  bias: Float32Array;
}

/** Expands a model file into dense int8 weights [bucket][output] plus per-output scales. */
export function decodeQuantized(file: ContentModelFile): QuantizedWeights {
  const w = decodeModelFile(file);
  const scales = Float32Array.from(file.scales);
  const q = new Int8Array(w.weights.length);
  for (let i = 0; i < q.length; i++) {
    const s = scales[i % OUTPUT_COUNT] ?? 0;
    q[i] = s > 0 ? Math.round((w.weights[i] ?? 0) / s) : 0;
  }
  return { q, scales, bias: w.bias };
}

/** Expands a model file into dense weights; throws if it was written for another layout. */
export function decodeModelFile(file: ContentModelFile): ContentWeights {
  if (file.format !== MODEL_FORMAT || file.hashBits !== HASH_BITS) {
    throw new Error(`content model: unsupported format ${file.format}/${file.hashBits}`);
  }
  if (file.outputs.join(',') !== OUTPUT_NAMES.join(',')) throw new Error('content model: output names differ');
  const H = OUTPUT_COUNT;
  const rowBuf = Buffer.from(file.rows, 'base64');
  const qBuf = Buffer.from(file.q, 'base64');
  const rows = new Uint32Array(Uint8Array.from(rowBuf).buffer); // copy: Buffer views may be unaligned
  const q = new Int8Array(qBuf.buffer, qBuf.byteOffset, qBuf.byteLength);
  if (q.length !== rows.length * H) throw new Error('content model: weight block has the wrong size');
  const weights = new Float32Array(BUCKETS * H);
  for (let r = 0; r < rows.length; r++) {
    const base = (rows[r] ?? 0) * H;
    for (let h = 0; h < H; h++) weights[base + h] = (q[r * H + h] ?? 0) * (file.scales[h] ?? 0);
  }
  return { weights, bias: Float32Array.from(file.bias) };
}
