// Shape of one labelled prompt taken from ../shared/corpora (labels per MANIFEST.md).
import type { Capability } from "./capability.js";

/** Source label from the corpora MANIFEST. */
export type CorpusLabel = "distillation-recipe" | "benign-human" | "eval-harness";

/** What kind of template a prompt is, for the synthetic / cot / grading heads. */
export type TemplateTag = "synthetic" | "cot" | "grading";

/** One prompt as an API would have received it, with its provenance and labels. */
export interface LabelledPrompt {
  text: string;
  system?: string;
  /** Corpus source folder, e.g. `stanford_alpaca`; the grouping unit of cross-source evaluation. */
  source: string;
  /** File path relative to the corpora directory. */
  file: string;
  label: CorpusLabel;
  capability?: Capability;
  tags?: TemplateTag[];
  /** Variable name for derived literal extracts. */
  name?: string;
  /** True when the text contains wording written by us (training-only augmentation). */
  augmented?: boolean;
}
