// Per-exchange content signals from the learned content model (stateless, so it can run in
// worker threads); template ids are assigned by the engine, which owns the template index.
import type { ExchangeFacts } from "../events/normalize.js";
import type { ContentModel } from "./content/index.js";

/** Content scores and capability of one exchange (without its template). */
export interface ContentAnnotation {
  scores: Record<string, number>;
  capability: string;
}

/**
 * The request text the content model reads: the last user turn, preceded by the turn that
 * opened the conversation (generic follow-ups such as "make it more formal" carry no task).
 */
export function requestText(f: ExchangeFacts): string {
  return f.opener ? `${f.opener.slice(0, 600)}\n\n${f.prompt}` : f.prompt;
}

/** The text whose skeleton identifies the request's template: the conversation's opener. */
export function templateText(f: ExchangeFacts): string {
  return f.opener ?? f.prompt;
}

/** Scores one exchange's request text with the content model. */
export function annotateContent(model: ContentModel, f: ExchangeFacts): ContentAnnotation {
  const c = model.score(f.system, requestText(f));
  return {
    scores: { distill: c.distill, synthetic: c.synthetic, cot: c.cot, grading: c.grading },
    capability: c.capability,
  };
}
