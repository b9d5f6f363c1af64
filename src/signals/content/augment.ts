// Assembles the training set: corpus prompts plus filled real templates (augment-fill.ts) plus
// training-only CoT and judge phrasing variants (augment-cot.ts, augment-grading.ts). Deterministic for a given seed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cotVariants, rationaleVariants } from "./augment-cot.js";
import { gradingVariants } from "./augment-grading.js";
import { drawQuestion, fillTemplates, withSeedTasks, type FillPools } from "./augment-fill.js";
import { readJson, readJsonl, str } from "./corpus-io.js";
import type { LabelledPrompt } from "./corpus-types.js";
import { createRng } from "./rng.js";

const QUESTION_SOURCES = new Set([
  "gsm8k",
  "limo_math_eval",
  "arena_hard",
  "sharegpt_mlenergy",
  "openassistant",
  "alpaca_eval",
  "mmlu",
  "instructionwild",
  "stanford_alpaca",
  "bbh",
  "human_eval",
  "fastchat_llm_judge",
  "codealpaca",
]);

function readAnswers(corporaDir: string): string[] {
  const answers: string[] = [];
  const outs = readJson(join(corporaDir, "alpaca_eval/example/outputs.json"));
  for (const r of Array.isArray(outs) ? outs : []) if (str(r, "output")) answers.push(str(r, "output"));
  for (const r of readJsonl(join(corporaDir, "gsm8k/grade_school_math/data/test.jsonl"), () => {}))
    answers.push(str(r, "answer"));
  return answers.filter((a) => a.length > 0 && a.length < 3000);
}

function readCamelRoles(corporaDir: string): string[] {
  return ["assistant_roles", "user_roles"]
    .flatMap((f) => readFileSync(join(corporaDir, `camel/data/ai_society/${f}.txt`), "utf8").split("\n"))
    .map((l) => l.replace(/^\d+\.\s*/, "").trim())
    .filter((l) => l.length > 0);
}

/** LIMO's judge prompt file holds "## System Prompt" and "## User Prompt" sections. */
function splitSystemUser(t: LabelledPrompt): LabelledPrompt {
  const m = /## System Prompt\s*([\s\S]*?)## User Prompt\s*([\s\S]*)/.exec(t.text);
  return m ? { ...t, system: (m[1] ?? "").trim(), text: (m[2] ?? "").trim() } : t;
}

/** Corpus prompts plus deterministic template fills and CoT variants. */
export function buildTrainingSet(
  corpus: LabelledPrompt[],
  corporaDir: string,
  seed: number,
): LabelledPrompt[] {
  const rng = createRng(seed);
  const questions = corpus.filter(
    (p) => QUESTION_SOURCES.has(p.source) && !p.tags?.length && p.text.length < 1500,
  );
  const pools: FillPools = {
    questions,
    answers: readAnswers(corporaDir),
    roles: readCamelRoles(corporaDir),
    rng,
    used: new Set(),
  };
  const byFile = (f: string): LabelledPrompt[] => corpus.filter((p) => p.file === f);
  const tagged = (source: string, tag: "synthetic" | "grading"): LabelledPrompt[] =>
    corpus.filter((p) => p.source === source && p.tags?.includes(tag));
  const seedsOf = (f: string): LabelledPrompt[] => byFile(f).filter((p) => !p.tags?.length);
  const first = (f: string): LabelledPrompt[] => byFile(f).slice(0, 1);

  const out: LabelledPrompt[] = [...corpus];
  for (const [prompt, seeds, n] of [
    ["stanford_alpaca/prompt.txt", "stanford_alpaca/seed_tasks.jsonl", 150],
    ["codealpaca/prompt.txt", "codealpaca/seed_tasks.jsonl", 100],
    ["belle/data/1.5M/prompt_cn.txt", "belle/data/1.5M/zh_seed_tasks.json", 100],
  ] as const) {
    for (const p of first(prompt)) out.push(...withSeedTasks(p, seedsOf(seeds), n, rng));
  }
  out.push(...fillTemplates(tagged("self_instruct", "synthetic"), 40, pools));
  out.push(...fillTemplates(tagged("baize", "synthetic"), 60, pools));
  out.push(...fillTemplates(tagged("camel", "synthetic"), 12, pools));
  out.push(...fillTemplates(tagged("airoboros", "synthetic"), 6, pools));
  out.push(...evolInstruct(corpus, pools));

  // Judge templates filled with real questions and answers.
  out.push(...fillTemplates(tagged("fastchat_llm_judge", "grading"), 30, pools));
  out.push(...fillTemplates(tagged("alpaca_eval", "grading"), 80, pools));
  out.push(...fillTemplates(tagged("limo_math_eval", "grading").map(splitSystemUser), 100, pools));
  out.push(...belleJudge(corpus, rng));

  out.push(...openThoughts(corpus, pools));
  // Variants keep their question's source, so they may reuse questions already drawn above.
  out.push(...cotVariants(questions, 600, rng));
  out.push(...rationaleVariants(questions, pools.answers, 300, rng));
  out.push(...gradingVariants(questions, pools.answers, 400, rng));
  return out.filter((p) => !pools.used.has(p));
}

function evolInstruct(corpus: LabelledPrompt[], p: FillPools): LabelledPrompt[] {
  const lits = corpus.filter((c) => c.source === "wizardlm" && c.tags?.includes("synthetic"));
  const depthBase = lits.find((l) => l.name === "base_instruction" && l.text.includes("Rewriter"));
  const breadthBase = lits.find((l) => l.name === "base_instruction" && l.text.includes("Creator"));
  const methods = lits.filter((l) => l.name === "prompt").map((l) => l.text);
  const out: LabelledPrompt[] = [];
  for (let i = 0; i < 200; i++) {
    const q = drawQuestion(p).text;
    if (depthBase && (i % 3 !== 0 || !breadthBase)) {
      const m = methods[i % Math.max(1, methods.length)] ?? "";
      out.push({
        ...depthBase,
        text: `${depthBase.text.replace("{}", m)}#The Given Prompt#: \r\n ${q} \r\n#Rewritten Prompt#:\r\n`,
      });
    } else if (breadthBase) {
      out.push({
        ...breadthBase,
        text: `${breadthBase.text}#Given Prompt#: \r\n ${q} \r\n#Created Prompt#:\r\n`,
      });
    }
  }
  return out;
}

/** BELLE eval: judge instruction, then question, reference answer and a model answer (Chinese labels as in BELLE's eval code). */
function belleJudge(corpus: LabelledPrompt[], rng: () => number): LabelledPrompt[] {
  const judges = corpus.filter((p) => p.source === "belle" && p.tags?.includes("grading"));
  const items = corpus.filter((p) => p.file === "belle/eval/eval_set.json");
  const out: LabelledPrompt[] = [];
  for (const j of judges) {
    for (let i = 0; i < 15 && items.length > 0; i++) {
      const q = items[Math.floor(rng() * items.length)];
      const a = items[Math.floor(rng() * items.length)];
      if (q && a)
        out.push({
          ...j,
          text: `${j.text}\n问题：${q.text}\n标准回答：${a.text}\n模型回答：${q.text.slice(0, 200)}`,
        });
    }
  }
  return out;
}

function openThoughts(corpus: LabelledPrompt[], p: FillPools): LabelledPrompt[] {
  const lits = corpus.filter((c) => c.source === "open_thoughts");
  const systems = lits.filter((l) => l.name?.includes("SYSTEM_PROMPT"));
  const codePre = lits.filter((l) => l.capability === "coding");
  const mathQs = p.questions.filter((q) => q.capability === "math" || q.capability === "reasoning");
  const codeQs = p.questions.filter((q) => q.capability === "coding");
  const out: LabelledPrompt[] = [];
  const base = {
    source: "open_thoughts",
    file: lits[0]?.file ?? "open_thoughts",
    label: "distillation-recipe" as const,
  };
  for (let i = 0; i < 360 && mathQs.length > 0; i++) {
    const q = drawQuestion(p, mathQs);
    const sys = systems[i % Math.max(1, systems.length)]?.text;
    const boxed = i % 3 !== 2;
    const text = boxed ? `Return your final response within \\boxed{}. ${q.text}` : q.text;
    const withSystem = i % 4 !== 3 && sys !== undefined;
    if (!boxed && !withSystem) continue;
    out.push({
      ...base,
      text,
      ...(withSystem ? { system: sys } : {}),
      tags: ["cot"],
      ...(q.capability ? { capability: q.capability } : {}),
    });
  }
  for (let i = 0; i < 60 && codeQs.length > 0 && codePre.length > 0; i++) {
    const q = drawQuestion(p, codeQs);
    const pre = codePre[i % codePre.length] as LabelledPrompt;
    const sys = systems[i % Math.max(1, systems.length)]?.text;
    out.push({
      ...base,
      text: `${pre.text}${q.text}`,
      ...(sys ? { system: sys } : {}),
      tags: sys ? ["cot"] : [],
      capability: "coding",
    });
  }
  return out;
}
