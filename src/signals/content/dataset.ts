// Turns labelled prompts into training examples: caps each source's untagged prompts (MMLU and
// BBH would otherwise outweigh everything) and hashes features once per prompt.
import type { LabelledPrompt } from "./corpus-types.js";
import { createFeatureSpans, extractFeatures } from "./features.js";
import { targetsOf } from "./labels.js";
import { createRng, shuffle } from "./rng.js";
import type { TrainExample } from "./train-lr.js";

/** A training example that remembers the prompt it came from. */
export interface Example extends TrainExample {
  prompt: LabelledPrompt;
}

/** Keeps at most cap untagged, non-augmented prompts per source (seeded choice); keeps all others. */
export function capPerSource(items: LabelledPrompt[], cap: number, seed: number): LabelledPrompt[] {
  const rng = createRng(seed);
  const plain = new Map<string, LabelledPrompt[]>();
  const kept: LabelledPrompt[] = [];
  for (const p of items) {
    if (p.tags?.length || p.augmented) kept.push(p);
    else plain.set(p.source, [...(plain.get(p.source) ?? []), p]);
  }
  for (const [, list] of [...plain].sort(([a], [b]) => a.localeCompare(b)))
    kept.push(...shuffle(rng, list).slice(0, cap));
  return kept;
}

/** Hashes every prompt into an Example (weight 1). */
export function toExamples(items: LabelledPrompt[]): Example[] {
  const buf = createFeatureSpans();
  return items.map((p) => {
    extractFeatures(p.system ?? "", p.text, buf);
    const x = { ...buf, feats: buf.feats.slice(0, buf.n) };
    return { prompt: p, x, targets: targetsOf(p), weight: 1 };
  });
}
