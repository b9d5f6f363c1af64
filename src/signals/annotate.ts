// Per-exchange content signals from the learned content model (stateless, so it can run in
// worker threads); template ids are assigned by the engine, which owns the template index.
import type { ExchangeFacts } from "../events/normalize.js";
import type { ContentModel } from "./content/index.js";

/** Content scores and capability of one exchange (without its template). */
export interface ContentAnnotation {
  scores: Record<string, number>;
  capability: string;
}

/** Scores one exchange's request text with the content model. */
export function annotateContent(model: ContentModel, f: ExchangeFacts): ContentAnnotation {
  const c = model.score(f.system, f.prompt);
  return { scores: { distill: c.distill, synthetic: c.synthetic, cot: c.cot, grading: c.grading }, capability: c.capability };
}
