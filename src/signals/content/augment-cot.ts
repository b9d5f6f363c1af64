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

// Rationale reconstruction: a question and a finished answer, with a request for the reasoning
// that leads from one to the other (the published "articulate the reasoning behind a completed
// response" tactic, which yields reasoning traces for answers the harvester already has).
const RATIONALE_ASKS = [
  "Below is a question and its correct answer. Write out the step-by-step reasoning that leads to this answer.",
  "Given the problem and the final answer, produce the detailed chain of thought that arrives at it.",
  "Explain in detail, step by step, how one gets from the question to the answer given.",
  "Provide a detailed rationale for the following answer.",
  "Here is a solution. Work out the reasoning behind it as if you had found it yourself, showing every step.",
  "Justify the answer below with a complete derivation; do not leave out any intermediate step.",
  "Write the hidden reasoning an expert would go through to produce this response.",
  "Generate the thought process that connects the input to the given output.",
  "The answer is known. Your job is to write the full reasoning trace that ends in it.",
  "Pretend you solved this yourself: narrate your thinking from reading the question to reaching the stated answer.",
];

const RATIONALE_LAYOUTS: [string, string][] = [
  ["Question: ", "\nAnswer: "],
  ["Problem: ", "\n\nSolution: "],
  ["Input: ", "\nOutput: "],
  ["### Instruction\n", "\n\n### Response\n"],
  ["", "\n\nFinal answer: "],
];

/** count rationale-reconstruction prompts: a real question, an answer, and a request for the reasoning between them. */
export function rationaleVariants(
  questions: LabelledPrompt[],
  answers: string[],
  count: number,
  rng: () => number,
): LabelledPrompt[] {
  const out: LabelledPrompt[] = [];
  for (let i = 0; i < count; i++) {
    const q = pick(rng, questions);
    const a = pick(rng, answers).slice(0, 600);
    const [qa, aa] = pick(rng, RATIONALE_LAYOUTS);
    const ask = pick(rng, RATIONALE_ASKS);
    const body = `${qa}${q.text}${aa}${a}`;
    const text = rng() < 0.75 ? `${ask}\n\n${body}` : `${body}\n\n${ask}`;
    out.push({ ...q, text, tags: [...(q.tags ?? []), "cot"], augmented: true });
  }
  return out;
}

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
