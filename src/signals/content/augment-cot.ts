// Training-only augmentation for the `cot` head: real corpus questions with a short request for
// step-by-step / full reasoning added before or after. The corpora hold only ~30 real CoT
// elicitation prompts (OpenThoughts system prompts, BBH CoT prefixes, airoboros cot), so these
// variants (written by us, marked `augmented`) teach the phrasing; they are never scored in
// cross-source evaluation and carry no `distill` label, because benign users write them too.
import type { LabelledPrompt } from "./corpus-types.js";
import { pick } from "./rng.js";

const SUFFIXES = [
  "Let's think step by step.",
  "Explain your full reasoning step by step before giving the final answer.",
  "Show all of your intermediate reasoning, then state the answer.",
  "Think through this carefully and write out your complete chain of thought.",
  "Walk me through your entire thought process in detail, step by step.",
  "Reason step by step and put your final answer at the end.",
  "Before answering, lay out every step of your reasoning explicitly.",
  "Please provide a detailed step-by-step derivation, including each intermediate calculation.",
  "Explain each step of your thinking, verify it, and only then give the answer.",
  "Think out loud: list your assumptions, work through the problem, then conclude.",
  "Give your reasoning in full inside <think></think> tags, then the final answer.",
  "Show your work.",
  "Break the problem down and solve it one step at a time, explaining why each step follows.",
  "Write out your full internal reasoning process, including any dead ends and corrections.",
  "Explain your answer step by step as if teaching a student.",
  "First reason about the problem thoroughly, then answer. Do not skip any steps.",
];

const PREFIXES = [
  "Solve the following problem. Think step by step and explain your reasoning.",
  "Answer the question below, showing your complete chain of thought.",
  "Carefully reason through the following, writing out every step:",
  "Think step by step about this question and explain the full reasoning behind your answer.",
  "I want to see your whole reasoning process, not just the answer.",
];

/** count questions from the pool, each with one reasoning-elicitation phrase before or after it. */
export function cotVariants(questions: LabelledPrompt[], count: number, rng: () => number): LabelledPrompt[] {
  const out: LabelledPrompt[] = [];
  for (let i = 0; i < count; i++) {
    const q = pick(rng, questions);
    const text = rng() < 0.7 ? `${q.text}\n\n${pick(rng, SUFFIXES)}` : `${pick(rng, PREFIXES)}\n\n${q.text}`;
    out.push({ ...q, text, tags: [...(q.tags ?? []), "cot"], augmented: true });
  }
  return out;
}
