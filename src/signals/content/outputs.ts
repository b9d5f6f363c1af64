// The model's outputs: four binary heads plus one-vs-rest capability heads, sharing one hashed
// feature space (multitask hashing, Weinberger et al. 2009 §4) so a single pass scores them all.
import { CAPABILITIES } from "./capability.js";

/** Binary heads, in output order. */
export const BINARY_HEADS = ["distill", "synthetic", "cot", "grading"] as const;
/** Name of a binary head. */
export type BinaryHead = (typeof BINARY_HEADS)[number];
/** All output names: the binary heads, then `cap:<capability>` per capability. */
export const OUTPUT_NAMES: readonly string[] = [...BINARY_HEADS, ...CAPABILITIES.map((c) => `cap:${c}`)];
/** Number of model outputs (columns of the weight matrix). */
export const OUTPUT_COUNT = OUTPUT_NAMES.length;
/** Index of the first capability output. */
export const CAPABILITY_OFFSET = BINARY_HEADS.length;

/** Dense weights: row-major [bucket][output], plus one bias per output. */
export interface ContentWeights {
  weights: Float32Array;
  bias: Float32Array;
}
