// Training-only augmentation for the `grading` head: short judge / rubric / reward-model
// instructions (written by us, marked `augmented`) wrapped around real corpus questions and
// answers. The corpora hold ~22 real judge templates from 4 sources (FastChat, AlpacaEval, LIMO,
// BELLE); these variants stop the head from memorising those few. Never scored in evaluation.
import type { LabelledPrompt } from "./corpus-types.js";
import { pick } from "./rng.js";

const SINGLE = [
  "Rate the following response on a scale of 1 to 10 for helpfulness, accuracy and clarity. Output only the score.",
  "You are a strict grader. Score the answer below against the rubric (correctness 0-5, completeness 0-3, style 0-2) and justify each score briefly.",
  "Evaluate whether the model answer is correct. Reply with CORRECT or INCORRECT followed by a one-sentence explanation.",
  'Assess the quality of the assistant response to the user question. Give a rating from 1 (very poor) to 5 (excellent) in the format "Rating: [[x]]".',
  "As a reward model, assign a scalar reward between 0 and 1 to the response, considering harmlessness and helpfulness.",
  "Grade this answer like a teacher: compare it to the reference answer and give a score out of 100.",
  "Check the response for factual errors, then rate its overall quality from 1 to 10.",
  "Critique the following answer and assign it a score according to the evaluation criteria: relevance, depth, creativity and level of detail.",
];

const PAIRWISE = [
  'Which of the two responses below better answers the question? Output "A" or "B" and explain your choice.',
  "Compare Response A and Response B. Decide which one a human would prefer and output your verdict as [[A]], [[B]] or [[tie]].",
  "You are judging a head-to-head comparison between two AI assistants. Pick the better answer; avoid position bias and do not let length influence you.",
  "Rank the two candidate completions from best to worst and give a preference score.",
];

/** count judge prompts over real questions/answers, half single-answer and half pairwise. */
export function gradingVariants(
  questions: LabelledPrompt[],
  answers: string[],
  count: number,
  rng: () => number,
): LabelledPrompt[] {
  const out: LabelledPrompt[] = [];
  for (let i = 0; i < count; i++) {
    const q = pick(rng, questions);
    const a = pick(rng, answers).slice(0, 1200);
    const text =
      i % 2 === 0
        ? `${pick(rng, SINGLE)}\n\n[Question]\n${q.text}\n\n[Response]\n${a}`
        : `${pick(rng, PAIRWISE)}\n\nQuestion: ${q.text}\n\nResponse A:\n${a}\n\nResponse B:\n${pick(rng, answers).slice(0, 1200)}`;
    const { capability: _cap, ...rest } = q;
    out.push({ ...rest, text, tags: ["grading"], augmented: true });
  }
  return out;
}
