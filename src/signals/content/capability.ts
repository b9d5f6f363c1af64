// The capability taxonomy the content model predicts, and how corpus metadata (MMLU subject
// names, WizardLM "Skill", MT-Bench/Vicuna categories, Arena-Hard clusters) maps onto it.

/** Capability a prompt exercises (one-vs-rest heads of the content model). */
export type Capability =
  | "reasoning"
  | "math"
  | "coding"
  | "tool-use"
  | "agentic"
  | "data-analysis"
  | "vision"
  | "safety-rewrite"
  | "writing"
  | "roleplay"
  | "general";

/** Every capability, in the fixed order of the model's capability outputs. */
export const CAPABILITIES: readonly Capability[] = [
  "reasoning",
  "math",
  "coding",
  "tool-use",
  "agentic",
  "data-analysis",
  "vision",
  "safety-rewrite",
  "writing",
  "roleplay",
  "general",
];

const MMLU_MATH = /mathematics|algebra|statistics/;
const MMLU_REASONING = /formal_logic|logical_fallacies/;
const MMLU_CODING = /computer_science|machine_learning|computer_security/;

/** Capability of an MMLU subject (file stem such as `college_mathematics`). */
export function capabilityOfMmluSubject(subject: string): Capability {
  if (MMLU_MATH.test(subject)) return "math";
  if (MMLU_REASONING.test(subject)) return "reasoning";
  if (MMLU_CODING.test(subject)) return "coding";
  return "general";
}

const CATEGORY: Record<string, Capability> = {
  math: "math",
  coding: "coding",
  code: "coding",
  "code generation": "coding",
  "code debug": "coding",
  "computer science": "coding",
  reasoning: "reasoning",
  "common-sense": "reasoning",
  counterfactual: "reasoning",
  fermi: "reasoning",
  writing: "writing",
  writting: "writing",
  "academic writing": "writing",
  creative_writing: "writing",
  rewrite: "writing",
  generation: "writing",
  summarization: "writing",
  brainstorming: "writing",
  roleplay: "roleplay",
  extraction: "data-analysis",
  extract: "data-analysis",
  toxicity: "safety-rewrite",
  ethics: "safety-rewrite",
  knowledge: "general",
  generic: "general",
  stem: "general",
  humanities: "general",
  "open qa": "general",
  biology: "general",
  history: "general",
  physics: "general",
  chemistry: "general",
  medicine: "general",
  law: "general",
  economy: "general",
};

/** Capability of a benchmark category / skill label, or undefined when it does not map. */
export function capabilityOfCategory(category: string): Capability | undefined {
  return CATEGORY[
    category
      .toLowerCase()
      .replace(/\u00a0/g, " ")
      .trim()
  ];
}

const CLUSTER_RULES: readonly [RegExp, Capability][] = [
  [
    /pandas|matplotlib|excel|sql|data ?(analysis|visual|processing|frame)|dataframe|csv|plot/i,
    "data-analysis",
  ],
  [
    /python|javascript|java\b|c\+\+|rust|code|coding|programming|api|web dev|react|linux|software|script|algorithm|git\b|docker|kubernetes/i,
    "coding",
  ],
  [/math|algebra|geometry|probability|calculus|number theory|equation/i, "math"],
  [/puzzle|riddle|logic/i, "reasoning"],
  [/writing|story|poem|poetry|essay/i, "writing"],
];

/** Capability of an Arena-Hard v0.1 topic cluster name, if one of the rules matches. */
export function capabilityOfCluster(cluster: string): Capability | undefined {
  for (const [re, cap] of CLUSTER_RULES) if (re.test(cluster)) return cap;
  return undefined;
}
