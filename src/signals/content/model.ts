// Scores one exchange with the content model: hashed features (features.ts) dotted with dense
// logistic-regression weights for all outputs at once, each squashed by the logistic function.
import { CAPABILITIES, type Capability } from './capability.js';
import { createFeatureSpans, extractFeatures, type FeatureSpans } from './features.js';
import type { QuantizedWeights } from './model-file.js';
import { CAPABILITY_OFFSET, OUTPUT_COUNT, type ContentWeights } from './outputs.js';

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
  addPart(W, f, x.nPrompt, x.nSystemEnd, x.nSystemEnd > x.nPrompt ? 1 / Math.sqrt(x.nSystemEnd - x.nPrompt) : 0, logits);
  addPart(W, f, x.nSystemEnd, x.n, SHAPE_VALUE, logits);
}

function addPart(W: Float32Array, f: Int32Array, from: number, to: number, s: number, logits: Float64Array): void {
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
 * Same as computeLogits over int8 weights: 2^18 x 15 bytes stay mostly in cache, where the
 * float32 matrix (16 MB) made every feature a cache miss (measured ~3x slower).
 */
export function computeLogitsQ(w: QuantizedWeights, x: FeatureSpans, logits: Float64Array): void {
  const f = x.feats;
  logits.fill(0);
  addPartQ(w.q, f, 0, x.nPrompt, x.nPrompt > 0 ? 1 / Math.sqrt(x.nPrompt) : 0, logits);
  addPartQ(w.q, f, x.nPrompt, x.nSystemEnd, x.nSystemEnd > x.nPrompt ? 1 / Math.sqrt(x.nSystemEnd - x.nPrompt) : 0, logits);
  addPartQ(w.q, f, x.nSystemEnd, x.n, SHAPE_VALUE, logits);
  for (let h = 0; h < OUTPUT_COUNT; h++) logits[h] = (logits[h] ?? 0) * (w.scales[h] ?? 0) + (w.bias[h] ?? 0);
}

function addPartQ(q: Int8Array, f: Int32Array, from: number, to: number, s: number, logits: Float64Array): void {
  const H = OUTPUT_COUNT;
  for (let i = from; i < to; i++) {
    const base = (f[i] ?? 0) * H;
    for (let h = 0; h < H; h++) logits[h] = (logits[h] ?? 0) + (q[base + h] ?? 0) * s;
  }
}

/** Builds a ContentModel over int8 weights; reuses scratch buffers, so one model per thread. */
export function createContentModel(w: QuantizedWeights): ContentModel {
  const spans = createFeatureSpans();
  const logits = new Float64Array(OUTPUT_COUNT);
  return {
    score(system: string, prompt: string): ContentSignals {
      extractFeatures(system, prompt, spans);
      computeLogitsQ(w, spans, logits);
      let best = 0;
      for (let c = 1; c < CAPABILITIES.length; c++) {
        if ((logits[CAPABILITY_OFFSET + c] ?? 0) > (logits[CAPABILITY_OFFSET + best] ?? 0)) best = c;
      }
      return {
        distill: sigmoid(logits[0] ?? 0),
        synthetic: sigmoid(logits[1] ?? 0),
        cot: sigmoid(logits[2] ?? 0),
        grading: sigmoid(logits[3] ?? 0),
        capability: CAPABILITIES[best] ?? 'general',
        capabilityScore: sigmoid(logits[CAPABILITY_OFFSET + best] ?? 0),
      };
    },
  };
}
