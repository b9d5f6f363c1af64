// Cross-source evaluation: grouped k-fold where the groups are corpus SOURCES, so every test
// prompt comes from a source the model never saw in training. For a binary head the sources that
// hold positives are spread over the folds first, so each fold tests on positives and negatives.
// Augmented prompts (our own wording) are used for training only, never scored.
import { rocAuc } from "./auc.js";
import { CAPABILITIES } from "./capability.js";
import type { Example } from "./dataset.js";
import { computeLogits } from "./model.js";
import { CAPABILITY_OFFSET, OUTPUT_COUNT } from "./outputs.js";
import { createRng, shuffle } from "./rng.js";
import { trainContentLr, type TrainOptions } from "./train-lr.js";

/** AUC of one held-out fold. */
export interface FoldAuc {
  testSources: string[];
  auc: number;
  positives: number;
  negatives: number;
}

/** Cross-source result for one output. */
export interface OutputCv {
  output: string;
  folds: FoldAuc[];
  meanAuc: number;
}

/** Splits sources into k folds, dealing positive-bearing sources first (seeded). */
export function sourceFolds(examples: Example[], output: number, k: number, seed: number): string[][] {
  const rng = createRng(seed);
  const posSources = new Set<string>();
  const all = new Set<string>();
  for (const e of examples) {
    all.add(e.prompt.source);
    if (!e.prompt.augmented && e.targets[output] === 1) posSources.add(e.prompt.source);
  }
  const pos = shuffle(rng, [...posSources].sort());
  const rest = shuffle(rng, [...all].filter((s) => !posSources.has(s)).sort());
  const folds = output < 0 ? k : Math.max(2, Math.min(k, pos.length)); // output < 0: plain source folds
  const out: string[][] = Array.from({ length: folds }, () => []);
  [...pos, ...rest].forEach((s, i) => out[i % folds]?.push(s));
  return out;
}

function mean(xs: number[]): number {
  const ok = xs.filter((x) => !Number.isNaN(x));
  return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : Number.NaN;
}

/** Grouped-by-source k-fold AUC for each of the given outputs, folds chosen per `foldOutput`. */
export function crossValidate(
  examples: Example[],
  foldOutput: number,
  outputs: number[],
  k: number,
  opts: TrainOptions,
): OutputCv[] {
  const folds = sourceFolds(examples, foldOutput, k, opts.seed);
  const results: OutputCv[] = outputs.map((o) => ({ output: String(o), folds: [], meanAuc: Number.NaN }));
  const logits = new Float64Array(OUTPUT_COUNT);
  for (const testSources of folds) {
    const held = new Set(testSources);
    const train = examples.filter((e) => !held.has(e.prompt.source));
    const test = examples.filter((e) => held.has(e.prompt.source) && !e.prompt.augmented);
    const w = trainContentLr(train, { ...opts, outputs });
    outputs.forEach((o, j) => {
      const scores: number[] = [];
      const labels: number[] = [];
      for (const e of test) {
        const y = e.targets[o];
        if (y !== 0 && y !== 1) continue;
        computeLogits(w, e.x, logits);
        scores.push(logits[o] ?? 0);
        labels.push(y);
      }
      const positives = labels.filter((y) => y === 1).length;
      results[j]?.folds.push({
        testSources,
        auc: rocAuc(scores, labels),
        positives,
        negatives: labels.length - positives,
      });
    });
  }
  for (const r of results) r.meanAuc = mean(r.folds.map((f) => f.auc));
  return results;
}

/** Indices of the capability outputs. */
export const CAPABILITY_OUTPUTS: number[] = CAPABILITIES.map((_, c) => CAPABILITY_OFFSET + c);
