// Scores one exchange with the content model: hashed features (features.ts) dotted with dense
// logistic-regression weights for all outputs at once, each squashed by the logistic function.
import { CAPABILITIES, type Capability } from './capability.js';
import { MAX_FEATURES, extractFeatures } from './features.js';
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

/**
 * Computes the raw logits of every output into logits (length OUTPUT_COUNT). Feature values are
 * 1/sqrt(n) per occurrence (L2-normalised bag of hashed n-grams), the same scaling as training.
 */
export function computeLogits(w: ContentWeights, feats: Int32Array, n: number, logits: Float64Array): void {
  const H = OUTPUT_COUNT;
  const W = w.weights;
  logits.fill(0);
  for (let i = 0; i < n; i++) {
    const base = (feats[i] ?? 0) * H;
    for (let h = 0; h < H; h++) logits[h] = (logits[h] ?? 0) + (W[base + h] ?? 0);
  }
  const s = n > 0 ? 1 / Math.sqrt(n) : 0;
  for (let h = 0; h < H; h++) logits[h] = (logits[h] ?? 0) * s + (w.bias[h] ?? 0);
}

/** Builds a ContentModel over dense weights; reuses scratch buffers, so one model per thread. */
export function createContentModel(w: ContentWeights): ContentModel {
  const feats = new Int32Array(MAX_FEATURES);
  const logits = new Float64Array(OUTPUT_COUNT);
  return {
    score(system: string, prompt: string): ContentSignals {
      const n = extractFeatures(system, prompt, feats);
      computeLogits(w, feats, n, logits);
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
