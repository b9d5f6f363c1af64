// Per-output training targets of one labelled prompt: 1, 0, or NaN (not labelled for that output).
import { CAPABILITIES } from "./capability.js";
import type { LabelledPrompt } from "./corpus-types.js";
import { CAPABILITY_OFFSET, OUTPUT_COUNT } from "./outputs.js";

/** Targets for every model output, NaN where the prompt carries no label for it. */
export function targetsOf(p: LabelledPrompt): Float32Array {
  const y = new Float32Array(OUTPUT_COUNT).fill(Number.NaN);
  // Our CoT phrasings are written by us and used by benign users too: no distill label.
  y[0] = p.augmented ? Number.NaN : p.label === "distillation-recipe" ? 1 : 0;
  y[1] = p.tags?.includes("synthetic") ? 1 : 0;
  y[2] = p.tags?.includes("cot") ? 1 : 0;
  y[3] = p.tags?.includes("grading") ? 1 : 0;
  if (p.capability) {
    for (let c = 0; c < CAPABILITIES.length; c++)
      y[CAPABILITY_OFFSET + c] = CAPABILITIES[c] === p.capability ? 1 : 0;
  }
  return y;
}
