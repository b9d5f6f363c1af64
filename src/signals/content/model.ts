// Scores one exchange with the content model: hashed features (features.ts) dotted with dense
// logistic-regression weights for all outputs at once, each squashed by the logistic function.
import { CAPABILITIES, type Capability } from "./capability.js";
import { createFeatureSpans, extractFeatures, type FeatureSpans } from "./features.js";
import { Q_BIAS, type QuantizedWeights } from "./model-file.js";
import { CAPABILITY_OFFSET, OUTPUT_COUNT, type ContentWeights } from "./outputs.js";

/** Per-exchange content signals; every number is a probability in 0..1. */
export interface ContentSignals {
  distill: number;
  synthetic: number;
  cot: number;
  grading: number;
  capability: Capability;
  capabilityScore: number;
}

/** A loaded content model. */
export interface ContentModel {
  score(system: string, prompt: string): ContentSignals;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Value of each shape feature (length bucket). */
const SHAPE_VALUE = 0.25;

/**
 * Computes the raw logits of every output into logits (length OUTPUT_COUNT). Each occurrence of
 * a prompt feature has value 1/sqrt(nPrompt) and of a system feature 1/sqrt(nSystem): an
 * L2-normalised bag of hashed n-grams per part, the same scaling as training (train-lr.ts).
 */
export function computeLogits(w: ContentWeights, x: FeatureSpans, logits: Float64Array): void {
  const W = w.weights;
  const f = x.feats;
  for (let h = 0; h < OUTPUT_COUNT; h++) logits[h] = w.bias[h] ?? 0;
  addPart(W, f, 0, x.nPrompt, x.nPrompt > 0 ? 1 / Math.sqrt(x.nPrompt) : 0, logits);
  addPart(
    W,
    f,
    x.nPrompt,
    x.nSystemEnd,
    x.nSystemEnd > x.nPrompt ? 1 / Math.sqrt(x.nSystemEnd - x.nPrompt) : 0,
    logits,
  );
  addPart(W, f, x.nSystemEnd, x.n, SHAPE_VALUE, logits);
}

function addPart(
  W: Float32Array,
  f: Int32Array,
  from: number,
  to: number,
  s: number,
  logits: Float64Array,
): void {
  const H = OUTPUT_COUNT;
  for (let i = from; i < to; i++) {
    const base = (f[i] ?? 0) * H;
    for (let h = 0; h < H; h++) logits[h] = (logits[h] ?? 0) + (W[base + h] ?? 0) * s;
  }
}

/** Per-occurrence value of feature i under the scaling computeLogits uses. */
export function featureValue(x: FeatureSpans, i: number): number {
  if (i < x.nPrompt) return 1 / Math.sqrt(x.nPrompt);
  if (i < x.nSystemEnd) return 1 / Math.sqrt(x.nSystemEnd - x.nPrompt);
  return SHAPE_VALUE;
}

/**
 * Same as computeLogits over the packed int8 rows (model-file.ts): 2^18 x 16 bytes mostly stay
 * in cache, where the float32 matrix (16 MB) made every feature a cache miss. Each part's
 * occurrences share one value, so its weights are summed as integers and scaled once: per
 * feature, four 32-bit loads, each split into two words of two 16-bit lanes (SWAR), instead of
 * fifteen float multiply-adds.
 */
export function computeLogitsQ(w: QuantizedWeights, x: FeatureSpans, logits: Float64Array): void {
  const f = x.feats;
  logits.fill(0);
  addPartQ(w.packed, f, 0, x.nPrompt, x.nPrompt > 0 ? 1 / Math.sqrt(x.nPrompt) : 0, logits);
  addPartQ(
    w.packed,
    f,
    x.nPrompt,
    x.nSystemEnd,
    x.nSystemEnd > x.nPrompt ? 1 / Math.sqrt(x.nSystemEnd - x.nPrompt) : 0,
    logits,
  );
  addPartQ(w.packed, f, x.nSystemEnd, x.n, SHAPE_VALUE, logits);
  const H = OUTPUT_COUNT;
  for (let h = 0; h < H; h++) logits[h] = (logits[h] ?? 0) * (w.scales[h] ?? 0) + (w.bias[h] ?? 0);
}

/** 16-bit lanes hold at most this many biased bytes (255 * 256 < 65536) before they are flushed. */
const CHUNK = 256;
const LO = 0x00ff00ff;

function addPartQ(
  P: Int32Array,
  f: Int32Array,
  from: number,
  to: number,
  s: number,
  logits: Float64Array,
): void {
  for (let start = from; start < to; start += CHUNK) {
    const end = Math.min(to, start + CHUNK);
    // eK holds outputs 4K and 4K+2, oK outputs 4K+1 and 4K+3, in their low and high 16 bits.
    let e0 = 0, o0 = 0, e1 = 0, o1 = 0, e2 = 0, o2 = 0, e3 = 0, o3 = 0; // prettier-ignore
    for (let i = start; i < end; i++) {
      const b = (f[i] ?? 0) << 2;
      const w0 = P[b] ?? 0;
      const w1 = P[b + 1] ?? 0;
      const w2 = P[b + 2] ?? 0;
      const w3 = P[b + 3] ?? 0;
      e0 = (e0 + (w0 & LO)) | 0;
      o0 = (o0 + ((w0 >>> 8) & LO)) | 0;
      e1 = (e1 + (w1 & LO)) | 0;
      o1 = (o1 + ((w1 >>> 8) & LO)) | 0;
      e2 = (e2 + (w2 & LO)) | 0;
      o2 = (o2 + ((w2 >>> 8) & LO)) | 0;
      e3 = (e3 + (w3 & LO)) | 0;
      o3 = (o3 + ((w3 >>> 8) & LO)) | 0;
    }
    const off = Q_BIAS * (end - start);
    addLanes(logits, 0, e0, o0, off, s);
    addLanes(logits, 4, e1, o1, off, s);
    addLanes(logits, 8, e2, o2, off, s);
    addLanes(logits, 12, e3, o3, off, s);
  }
}

function addLanes(logits: Float64Array, h: number, e: number, o: number, off: number, s: number): void {
  logits[h] = (logits[h] ?? 0) + ((e & 0xffff) - off) * s;
  logits[h + 1] = (logits[h + 1] ?? 0) + ((o & 0xffff) - off) * s;
  logits[h + 2] = (logits[h + 2] ?? 0) + ((e >>> 16) - off) * s;
  logits[h + 3] = (logits[h + 3] ?? 0) + ((o >>> 16) - off) * s;
}

/** Builds a ContentModel over int8 weights; reuses scratch buffers, so one model per thread. */
export function createContentModel(w: QuantizedWeights): ContentModel {
  const spans = createFeatureSpans();
  const logits = new Float64Array(16); // ROW_WORDS * 4 lanes; the last one is padding
  // Local copies: under tsx every imported binding read is a getter call (~8% of a score).
  const capabilities = [...CAPABILITIES];
  const first = CAPABILITY_OFFSET;
  const last = CAPABILITY_OFFSET + capabilities.length - 1;
  return {
    score(system: string, prompt: string): ContentSignals {
      extractFeatures(system, prompt, spans);
      computeLogitsQ(w, spans, logits);
      let best: number = first;
      for (let h = first + 1; h <= last; h++) if ((logits[h] ?? 0) > (logits[best] ?? 0)) best = h;
      return {
        distill: sigmoid(logits[0] ?? 0),
        synthetic: sigmoid(logits[1] ?? 0),
        cot: sigmoid(logits[2] ?? 0),
        grading: sigmoid(logits[3] ?? 0),
        capability: capabilities[best - first] ?? "general",
        capabilityScore: sigmoid(logits[best] ?? 0),
      };
    },
  };
}
