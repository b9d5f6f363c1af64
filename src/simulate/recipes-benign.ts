// Prompt recipes of legitimate customers: people chatting (ShareGPT, OpenAssistant,
// InstructionWild, HH red-team turns), app personas (awesome-chatgpt-prompts as system
// prompts), students' homework, and the hard negatives — eval harnesses (MMLU, GSM8K, BBH
// CoT, HumanEval, Arena-Hard, MT-Bench, LLM-as-judge), permitted synthetic-data generation
// and agent frameworks — which look templated, high-volume and reasoning-heavy by design.
import { agenticCoding, toolLoop } from "./recipes-attack.js";
import {
  fillSlots,
  framings,
  pickOutput,
  userTurn,
  withSystem,
  wrap,
  type Recipe,
} from "./recipes-shared.js";
import { join, lit, snip } from "./text.js";

const stepAsk = framings([
  ["", ""],
  ["", ""],
  ["", ""],
  ["", "\n\nCan you explain step by step?"],
  ["", " Please show your reasoning."],
  ["can you help me with this: ", ""],
]);

/** A person's chat prompt; sometimes asks for step-by-step answers like campaigns do. */
export const humanChat: Recipe = (r, c) => {
  const q = r.chance(0.08) ? r.pick(c.benign.redteam) : r.pick(c.benign.chat);
  const w = wrap(r, q, stepAsk);
  return userTurn(
    w.text,
    pickOutput(r, c, r.chance(0.2) ? "code" : "general", w.index >= 3),
    `chat:${w.index}`,
    w.index >= 3,
  );
};

/** A consumer app: a persona system prompt plus its end user's message. */
export const appPersona: Recipe = (r, c) => {
  const t = humanChat(r, c);
  return withSystem(t, r.pick(c.benign.personas), "app");
};

const homeworkAsk = framings([
  ["", ""],
  ["Help me solve this: ", ""],
  ["", "\nPlease explain each step, I have an exam tomorrow."],
  ["I don't understand how to do this problem. ", ""],
  ["", "\nshow work"],
]);

/** Students: homework problems (the same distributions distillation seeds come from). */
export const homework: Recipe = (r, c) => {
  const x = r.next();
  const item =
    x < 0.35
      ? r.pick(c.evals.gsm8k)
      : x < 0.6
        ? r.pick(c.evals.math)
        : x < 0.75
          ? r.pick(c.evals.mmlu)
          : { q: r.pick(c.benign.chat) };
  const w = wrap(r, item.q, homeworkAsk);
  const reasoning = w.index === 2 || w.index === 4 || r.chance(0.3);
  return userTurn(
    w.text,
    pickOutput(r, c, x < 0.6 ? "math" : "general", reasoning, "a" in item ? item.a : undefined),
    `homework:${w.index}`,
    reasoning,
  );
};

const cotSuffix = snip("\nA: Let's think step by step.");

/** Eval harnesses: benchmark prompts in their harness formats, judge prompts included. */
export const evalHarness: Recipe = (r, c) => {
  const x = r.next();
  if (x < 0.2) {
    const m = r.pick(c.evals.mmlu);
    return userTurn(m.q, m.a ?? lit("A"), "eval-mmlu", false);
  }
  if (x < 0.35) {
    const g = r.pick(c.evals.gsm8k);
    const cot = r.chance(0.6);
    return userTurn(
      cot ? join(lit("Q: "), g.q, cotSuffix) : g.q,
      pickOutput(r, c, "math", cot, g.a),
      cot ? "eval-gsm8k-cot" : "eval-gsm8k",
      cot,
    );
  }
  if (x < 0.48) {
    const task = r.pick(c.evals.bbh);
    const item = r.pick(task.items);
    return userTurn(
      join(task.prefix, lit("\n\nQ: "), item.q, cotSuffix),
      pickOutput(r, c, "general", true),
      "eval-bbh-cot",
      true,
    );
  }
  if (x < 0.58) {
    const h = r.pick(c.evals.humaneval);
    return userTurn(
      join(lit("Complete the following Python function.\n\n"), h.q),
      pickOutput(r, c, "code", false, h.a),
      "eval-humaneval",
      false,
    );
  }
  if (x < 0.7)
    return userTurn(r.pick(c.evals.arena), pickOutput(r, c, "general", r.chance(0.3)), "eval-arena", false);
  if (x < 0.78) {
    const turns = r.pick(c.evals.mtbench);
    const [t1, t2] = turns;
    if (t1 && t2 && r.chance(0.5)) {
      return {
        msgs: [
          { role: "user", c: t1 },
          { role: "assistant", c: r.pick(c.outputs.general) },
          { role: "user", c: t2 },
        ],
        out: pickOutput(r, c, "general", false),
        outCalls: 0,
        reasoning: false,
        template: "eval-mtbench-2",
      };
    }
    return userTurn(t1 ?? r.pick(c.evals.arena), pickOutput(r, c, "general", false), "eval-mtbench", false);
  }
  if (x < 0.9) {
    // LLM-as-judge: the legitimate twin of rubric-grading harvest
    const t = r.pick(c.evals.judges);
    const ans = r.pick(c.evals.alpacaEval);
    return userTurn(
      fillSlots(r, c, t, () => (r.chance(0.5) ? ans.q : (ans.a ?? r.pick(c.outputs.general)))),
      pickOutput(r, c, "general", true),
      "eval-judge",
      true,
    );
  }
  const pool = r.next();
  const q =
    pool < 0.4
      ? r.pick(c.evals.alpacaEval).q
      : pool < 0.6
        ? r.pick(c.evals.userOriented).q
        : pool < 0.8
          ? r.pick(c.evals.wizardTest)
          : r.pick(c.evals.belleEval).q;
  return userTurn(q, pickOutput(r, c, "general", false), "eval-open", false);
};

const synthAsk = framings([
  [
    "Generate 20 diverse customer-support questions a user might ask about the following product feature, one per line:\n\n",
    "",
  ],
  ["Write a product description for an online store based on these notes:\n\n", ""],
  ["Create three paraphrases of the following text for our training set:\n\n", ""],
  ["Label the sentiment (positive/negative/neutral) and topic of this text, output JSON:\n\n", ""],
]);

/** Permitted synthetic-data generation: bulk templated prompts, some from the same public generators. */
export const syntheticData: Recipe = (r, c) => {
  if (r.chance(0.35)) {
    const gi = r.int(c.recipe.generators.length);
    const g = c.recipe.generators[gi] ?? r.pick(c.recipe.generators);
    return userTurn(
      fillSlots(r, c, g, () => r.pick(c.benign.chat)),
      pickOutput(r, c, "general", false),
      `synth-generator:${gi}`,
      false,
    );
  }
  const w = wrap(r, r.chance(0.5) ? r.pick(c.evals.alpacaEval).q : r.pick(c.benign.chat), synthAsk);
  return userTurn(w.text, pickOutput(r, c, "general", false), `synth:${w.index}`, false);
};

const agentSystems = [
  "You are a helpful assistant with access to tools. Use them when needed. Think step by step about which tool to call.",
  "You are an autonomous research agent. Answer the user's question using the provided tools; cite tool results.",
  "You are a coding agent working in the user's repository.",
].map((x) => snip(x));

/** Agent frameworks: tool-calling loops over ToolBench-style APIs and coding tools. */
export const agentFramework: Recipe = (r, c) => {
  const sys = r.pick(agentSystems);
  if (r.chance(0.5)) return withSystem(agenticCoding(r, c), sys);
  const q = r.pick(c.recipe.toolQueries);
  const tools = q.tools.length ? q.tools : ["search"];
  return withSystem(
    toolLoop(r, c, r.chance(0.5) ? q.q : r.pick(c.benign.chat), tools, "agent", "general"),
    sys,
  );
};

const corpSystems = [
  "You are an internal assistant. Answer concisely and follow company policy. If you are unsure, say so.",
  "You help our support team draft replies to customers. Keep a friendly, professional tone.",
  "Summarise documents for busy executives. Use bullet points.",
].map((x) => snip(x));

/** Enterprise workloads: internal assistants, summarisation over retrieved context, support drafts. */
export const enterpriseWork: Recipe = (r, c) => {
  const sys = r.pick(corpSystems);
  if (r.chance(0.4)) {
    const doc = r.pick(c.outputs.general);
    return userTurn(
      join(lit("Context:\n"), doc, lit("\n\nQuestion: "), r.pick(c.benign.chat)),
      pickOutput(r, c, "general", false),
      "enterprise-rag",
      false,
      sys,
    );
  }
  const t = humanChat(r, c);
  return withSystem(t, sys, "enterprise");
};

/** Benign recipes by name, for persona mixes. */
export const benignRecipes = {
  humanChat,
  appPersona,
  homework,
  evalHarness,
  syntheticData,
  agentFramework,
  enterpriseWork,
} as const;
export type BenignRecipe = keyof typeof benignRecipes;
