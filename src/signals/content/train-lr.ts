// Multi-output logistic regression on hashed features, trained by SGD with AdaGrad step sizes
// (Duchi, Hazan & Singer 2011) and lazy L2 (applied to the weights a sample touches). Each
// output is an independent binary LR; masked (NaN) targets contribute no gradient. Classes are
// re-weighted so each output's positives and negatives carry equal total weight.
import { BUCKETS, MAX_FEATURES, type FeatureSpans } from "./features.js";
import { featureValue } from "./model.js";
import { OUTPUT_COUNT, type ContentWeights } from "./outputs.js";
import { createRng, shuffle } from "./rng.js";

/** One training example: its feature buckets, per-output targets (NaN = masked) and weight. */
export interface TrainExample {
  x: FeatureSpans;
  targets: Float32Array;
  weight: number;
}

/** Hyper-parameters of trainContentLr. */
export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Outputs to train; others keep zero weights (used to speed up per-head cross-validation). */
  outputs?: readonly number[];
}

/** Default hyper-parameters (chosen on cross-source AUC, not on the test folds' labels alone). */
export const DEFAULT_TRAIN: TrainOptions = { epochs: 6, learningRate: 0.2, l2: 1e-6, seed: 20240601 };

function classMultipliers(
  data: readonly TrainExample[],
  H: number,
): { pos: Float64Array; neg: Float64Array } {
  const sp = new Float64Array(H);
  const sn = new Float64Array(H);
  for (const ex of data) {
    for (let h = 0; h < H; h++) {
      const y = ex.targets[h] ?? Number.NaN;
      if (y === 1) sp[h] = (sp[h] ?? 0) + ex.weight;
      else if (y === 0) sn[h] = (sn[h] ?? 0) + ex.weight;
    }
  }
  const pos = new Float64Array(H);
  const neg = new Float64Array(H);
  for (let h = 0; h < H; h++) {
    const total = (sp[h] ?? 0) + (sn[h] ?? 0);
    pos[h] = (sp[h] ?? 0) > 0 ? total / (2 * (sp[h] ?? 1)) : 0;
    neg[h] = (sn[h] ?? 0) > 0 ? total / (2 * (sn[h] ?? 1)) : 0;
  }
  return { pos, neg };
}

/** Trains dense multi-output LR weights; deterministic for a given seed and example order. */
export function trainContentLr(
  data: readonly TrainExample[],
  opts: TrainOptions = DEFAULT_TRAIN,
): ContentWeights {
  const H = OUTPUT_COUNT;
  const active = opts.outputs ?? Array.from({ length: H }, (_, h) => h);
  const W = new Float32Array(BUCKETS * H);
  const G = new Float32Array(BUCKETS * H);
  const bias = new Float32Array(H);
  const gBias = new Float64Array(H);
  const { pos, neg } = classMultipliers(data, H);
  const rng = createRng(opts.seed);
  const order = Array.from({ length: data.length }, (_, i) => i);
  const grad = new Float64Array(H);
  const vals = new Float64Array(MAX_FEATURES);
  const { learningRate: lr, l2 } = opts;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(rng, order);
    for (const idx of order) {
      const ex = data[idx] as TrainExample;
      const f = ex.x.feats;
      const n = ex.x.n;
      for (let i = 0; i < n; i++) vals[i] = featureValue(ex.x, i);
      let anyGrad = false;
      for (const h of active) {
        const y = ex.targets[h] ?? Number.NaN;
        if (y !== 0 && y !== 1) {
          grad[h] = 0;
          continue;
        }
        let z = 0;
        for (let i = 0; i < n; i++) z += (W[(f[i] ?? 0) * H + h] ?? 0) * (vals[i] ?? 0);
        const p = 1 / (1 + Math.exp(-(z + (bias[h] ?? 0))));
        const g = (p - y) * ex.weight * (y === 1 ? (pos[h] ?? 0) : (neg[h] ?? 0));
        grad[h] = g;
        if (g !== 0) anyGrad = true;
        gBias[h] = (gBias[h] ?? 0) + g * g;
        bias[h] = (bias[h] ?? 0) - (lr * g) / (Math.sqrt(gBias[h] ?? 0) + 1e-8);
      }
      if (!anyGrad) continue;
      for (let i = 0; i < n; i++) {
        const base = (f[i] ?? 0) * H;
        const v = vals[i] ?? 0;
        for (const h of active) {
          const g0 = grad[h] ?? 0;
          if (g0 === 0) continue;
          const k = base + h;
          const w = W[k] ?? 0;
          const g = g0 * v + l2 * w;
          const acc = (G[k] ?? 0) + g * g;
          G[k] = acc;
          W[k] = w - (lr * g) / (Math.sqrt(acc) + 1e-8);
        }
      }
    }
  }
  return { weights: W, bias };
}
