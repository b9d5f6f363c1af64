// Prompt recipes of distillation campaigns, after the published tactics: chain-of-thought
// elicitation, rubric grading (the model as reward model), agentic coding / tool-use harvesting
// and bulk instruction generation from public recipes (Alpaca, Self-Instruct, Evol-Instruct,
// airoboros, CAMEL, Baize, OpenThoughts). Every recipe has several wordings.
import type { Corpora } from "./corpus.js";
import {
  fillSlots,
  framings,
  pickOutput,
  recipeSeed,
  userTurn,
  wrap,
  type Recipe,
  type Turn,
} from "./recipes-shared.js";
import type { Rng } from "./rng.js";
import { join, lit, snip, type Snip, type Tpl } from "./text.js";

const cotFramings = framings([
  ["", "\n\nShow your full reasoning before giving the final answer."],
  [
    "Think through this carefully. Lay out every intermediate step of your thinking, then state the answer.\n\n",
    "",
  ],
  ["", "\nExplain your chain of thought in detail, including any approaches you considered and rejected."],
  [
    "Solve the following. Before answering, write out your complete reasoning process inside <thinking> tags.\n\n",
    "",
  ],
  [
    "Question: ",
    "\n\nWalk me through how you would reason about this, one step at a time, and only then answer.",
  ],
  ["Return your final response within \\boxed{}. ", ""],
]);

const articulate = framings([
  [
    "Below is a task and a completed response. Articulate the internal reasoning behind the completed response, step by step, as if you were arriving at it yourself.\n\n",
    "",
  ],
  [
    "Here is a problem together with its final answer. Reconstruct the full thought process that leads from the problem to this answer. Do not skip steps.\n\n",
    "",
  ],
  [
    "Given the instruction and answer below, write the detailed step-by-step reasoning a careful expert would go through to produce that answer.\n\n",
    "",
  ],
]);

function mathOrSeed(r: Rng, c: Corpora): { q: Snip; a?: Snip; kind: "math" | "general" | "code" } {
  const x = r.next();
  if (x < 0.35) {
    const m = r.chance(0.5) ? r.pick(c.evals.math) : r.pick(c.evals.gsm8k);
    return { q: m.q, a: m.a, kind: "math" };
  }
  const seed = recipeSeed(r, c);
  return { q: seed.q, a: seed.a, kind: x < 0.55 ? "code" : "general" };
}

/** Chain-of-thought elicitation: plain CoT asks, "articulate the reasoning behind", R1-style system prompts. */
export const cotHarvest: Recipe = (r, c) => {
  const seed = mathOrSeed(r, c);
  const mode = r.next();
  if (mode < 0.3 && seed.a) {
    const w = wrap(r, join(lit("Task: "), seed.q, lit("\n\nCompleted response: "), seed.a), articulate);
    return userTurn(w.text, pickOutput(r, c, seed.kind, true), `cot-articulate:${w.index}`, true);
  }
  if (mode < 0.5) {
    const sys = r.pick(c.recipe.reasoningSystems);
    const w = wrap(r, seed.q, cotFramings);
    return userTurn(w.text, pickOutput(r, c, seed.kind, true, seed.a), `cot-system:${w.index}`, true, sys);
  }
  const w = wrap(r, seed.q, cotFramings);
  return userTurn(w.text, pickOutput(r, c, seed.kind, true, seed.a), `cot:${w.index}`, true);
};

const rubrics = [
  'Score the response from 1 to 10 for helpfulness, correctness and completeness. Output JSON {"score": n, "rationale": "..."}.',
  "Rate the answer on a 1-5 Likert scale for each criterion: accuracy, reasoning quality, clarity, safety. Give a one-sentence justification per criterion.",
  "You are a strict reviewer. Decide whether the response fully satisfies the instruction. Reply PASS or FAIL followed by the specific flaws.",
  "Compare the response against an ideal expert answer and assign a reward between 0 and 1. Explain each deduction.",
].map((x) => snip(x));
const rubricFrames = framings([
  ["[Instruction]\n", ""],
  ["### Prompt\n", ""],
  ["User request:\n", ""],
]);

/** Rubric grading: the provider's model used as a reward model over candidate answers. */
export const rubricGrading: Recipe = (r, c) => {
  const seed = recipeSeed(r, c);
  if (r.chance(0.25)) {
    // public judge templates are also part of reward-model harvesting pipelines
    const t = r.pick(c.evals.judges);
    const text = fillSlots(r, c, t, () => (r.chance(0.5) ? seed.q : r.pick(c.outputs.general)));
    return userTurn(text, pickOutput(r, c, "general", true), "rubric-judge", true);
  }
  const w = wrap(r, seed.q, rubricFrames);
  const cand = seed.a && seed.a.n > 40 ? seed.a : r.pick(c.outputs.general);
  const ri = r.int(rubrics.length);
  const body = r.chance(0.5)
    ? join(w.text, lit("\n\n[Response]\n"), cand, lit("\n\n[Rubric]\n"), rubrics[ri] ?? lit(""))
    : join(
        lit("[Rubric]\n"),
        rubrics[ri] ?? lit(""),
        lit("\n\n"),
        w.text,
        lit("\n\n[Candidate answer]\n"),
        cand,
      );
  return userTurn(body, pickOutput(r, c, "general", r.chance(0.6)), `rubric:${ri}:${w.index}`, true);
};

const codeTools = ["run_python", "read_file", "write_file", "bash", "search_repo", "run_tests"];
// the first 2…6 tools, built once so each list is one shared array (its params bytes are cached)
const codeToolSets = codeTools.slice(1).map((_, i) => codeTools.slice(0, 2 + i));
const codeFrames = framings([
  ["", ""],
  ["You are working in a repository. ", " Write the code, run the tests, and fix any failures."],
  ["Implement the following. Provide complete, runnable code with comments.\n\n", ""],
  ["", "\n\nUse the available tools to execute and verify your solution before answering."],
]);
const analysisFrames = framings([
  ["Load the attached CSV and answer: ", "\nUse pandas and show the code you ran."],
  ["Data analysis task: ", "\nPlan the analysis, call the python tool, then summarise the findings."],
]);

const byDomain = new WeakMap<Corpora, readonly Tpl[]>();

/** CAMEL-style generators with a {domain} slot (filtered once per corpora, not per request). */
function domainGenerators(c: Corpora): readonly Tpl[] {
  let gens = byDomain.get(c);
  if (!gens) {
    gens = c.recipe.camel.filter((t) => t.slots.includes("domain"));
    byDomain.set(c, gens);
  }
  return gens;
}

/** Agentic coding / data-analysis harvesting: code tasks with tool loops and execution traces. */
export const agenticCoding: Recipe = (r, c) => {
  const x = r.next();
  let user: Snip;
  let template: string;
  if (x < 0.2) {
    const gens = domainGenerators(c);
    user = fillSlots(
      r,
      c,
      gens.length ? r.pick(gens) : r.pick(c.recipe.generators),
      () => r.pick(c.recipe.code).q,
    );
    template = "code-camel";
  } else if (x < 0.3) {
    user = fillSlots(r, c, r.pick(c.recipe.generators), () => r.pick(c.recipe.code).q);
    template = "code-generator";
  } else if (x < 0.45) {
    const w = wrap(r, r.pick(c.recipe.alpaca).q, analysisFrames);
    user = w.text;
    template = `analysis:${w.index}`;
  } else {
    const w = wrap(r, r.pick(c.recipe.code).q, codeFrames);
    user = w.text;
    template = `code:${w.index}`;
  }
  const tools = r.chance(0.6) ? codeToolSets[r.int(codeToolSets.length)] : undefined;
  if (tools && r.chance(0.5)) return toolLoop(r, c, user, tools, template, "code");
  const out = pickOutput(r, c, "code", r.chance(0.3));
  const t = userTurn(user, out, template, false);
  return tools
    ? { msgs: t.msgs, out: t.out, tools, outCalls: t.outCalls, reasoning: t.reasoning, template: t.template }
    : t;
};

/** Continues a tool loop: the client replays the call and its result and asks for the next step. */
export function toolLoop(
  r: Rng,
  c: Corpora,
  user: Snip,
  tools: readonly string[],
  template: string,
  kind: "code" | "general",
): Turn {
  const call = r.pick(tools);
  const result = kind === "code" ? r.pick(c.outputs.code) : r.pick(c.outputs.general);
  const finalAnswer = r.chance(0.5);
  return {
    msgs: [
      { role: "user", c: user },
      { role: "assistant", c: lit(""), call },
      { role: "tool", c: result },
    ],
    out: finalAnswer ? pickOutput(r, c, kind, false) : lit(""),
    outCalls: finalAnswer ? 0 : 1 + r.int(2),
    tools,
    reasoning: false,
    template: `${template}:loop`,
  };
}

const toolFrames = framings([
  ["", ""],
  ["", "\nCall the tools you need and then give me a final answer."],
  ["Task for the agent: ", ""],
]);

/** Tool-use harvesting: ToolBench queries with their API lists, Toolformer and airoboros agent prompts. */
export const toolUse: Recipe = (r, c) => {
  const x = r.next();
  if (x < 0.5) {
    const q = r.pick(c.recipe.toolQueries);
    const w = wrap(r, q.q, toolFrames);
    const tools = q.tools.length ? q.tools : ["search"];
    if (r.chance(0.5)) return toolLoop(r, c, w.text, tools, `toolbench:${w.index}`, "general");
    return {
      msgs: [{ role: "user", c: w.text }],
      out: lit(""),
      outCalls: 1 + r.int(3),
      tools,
      reasoning: false,
      template: `toolbench:${w.index}`,
    };
  }
  const t = r.pick(c.recipe.toolformer);
  return userTurn(t.q, t.a && t.a.n > 0 ? t.a : pickOutput(r, c, "general", false), "toolformer", false);
};

const instrFrames = framings([
  ["", ""],
  ["Instruction: ", ""],
  ["Please respond to the following request thoroughly.\n\n", ""],
  ["", "\n\nGive a detailed, high-quality answer."],
  [
    "Below is an instruction that describes a task. Write a response that appropriately completes the request.\n\n### Instruction:\n",
    "\n\n### Response:",
  ],
]);

/** Bulk instruction harvesting: Alpaca/Self-Instruct seeds, Evol-Instruct rewrites, airoboros/CAMEL/Baize generators, BELLE. */
export const instructionHarvest: Recipe = (r, c) => {
  const x = r.next();
  if (x < 0.3) {
    const seed = recipeSeed(r, c);
    const w = wrap(r, seed.q, instrFrames);
    return userTurn(w.text, pickOutput(r, c, "general", false, seed.a), `instr:${w.index}`, false);
  }
  if (x < 0.5) {
    const t = r.pick(c.recipe.evol);
    return userTurn(
      fillSlots(r, c, t, () => recipeSeed(r, c).q),
      pickOutput(r, c, "general", false),
      "evol",
      false,
    );
  }
  if (x < 0.75) {
    const gi = r.int(c.recipe.generators.length);
    const g = c.recipe.generators[gi] ?? r.pick(c.recipe.generators);
    return userTurn(
      fillSlots(r, c, g, () => recipeSeed(r, c).q),
      pickOutput(r, c, "general", false),
      `generator:${gi}`,
      false,
    );
  }
  if (x < 0.9) {
    const t = r.pick(c.recipe.camel);
    return userTurn(
      fillSlots(r, c, t, () => r.pick(c.benign.chat)),
      pickOutput(r, c, "general", false),
      "camel-baize",
      false,
    );
  }
  const b = r.pick(c.recipe.belle);
  return userTurn(b.q, pickOutput(r, c, "general", false, b.a), "belle", false);
};

/** Attack recipes by name, for campaign mixes. */
export const attackRecipes = {
  cotHarvest,
  rubricGrading,
  agenticCoding,
  toolUse,
  instructionHarvest,
} as const;
export type AttackRecipe = keyof typeof attackRecipes;
