// Readers for the eval-harness sources (hard negatives for `distill`; judge templates are the
// positives of the `grading` head).
import { basename, join } from "node:path";
import {
  capabilityOfCategory,
  capabilityOfCluster,
  capabilityOfMmluSubject,
  type Capability,
} from "./capability.js";
import {
  listFiles,
  parseCsv,
  readJson,
  readJsonl,
  readText,
  str,
  withInput,
  isRecord,
  type SkipHandler,
} from "./corpus-io.js";
import type { LabelledPrompt, TemplateTag } from "./corpus-types.js";

const E = "eval-harness" as const;

interface Ctx {
  root: string;
  onSkip: SkipHandler;
}

function item(
  ctx: Ctx,
  path: string,
  source: string,
  text: string,
  cap?: Capability,
  tags?: TemplateTag[],
): LabelledPrompt {
  return {
    text,
    source,
    file: path.slice(ctx.root.length + 1),
    label: E,
    ...(cap ? { capability: cap } : {}),
    ...(tags ? { tags } : {}),
  };
}

function jsonlItems(
  ctx: Ctx,
  file: string,
  source: string,
  pick: (r: unknown) => [string, Capability | undefined],
): LabelledPrompt[] {
  const path = join(ctx.root, file);
  return readJsonl(path, ctx.onSkip).flatMap((r) => {
    const [text, cap] = pick(r);
    return text.trim() ? [item(ctx, path, source, text, cap)] : [];
  });
}

function firstTurn(r: unknown): string {
  return isRecord(r) && Array.isArray(r.turns) && typeof r.turns[0] === "string" ? r.turns[0] : "";
}

function fastchat(ctx: Ctx): LabelledPrompt[] {
  const dir = "fastchat_llm_judge/fastchat/llm_judge/data";
  const judges = readJsonl(join(ctx.root, dir, "judge_prompts.jsonl"), ctx.onSkip).map((r) => ({
    ...item(
      ctx,
      join(ctx.root, dir, "judge_prompts.jsonl"),
      "fastchat_llm_judge",
      str(r, "prompt_template"),
      undefined,
      ["grading"],
    ),
    system: str(r, "system_prompt"),
    name: str(r, "name"),
  }));
  const questions = ["mt_bench", "vicuna_bench"].flatMap((b) =>
    jsonlItems(ctx, `${dir}/${b}/question.jsonl`, "fastchat_llm_judge", (r) => [
      firstTurn(r),
      capabilityOfCategory(str(r, "category")),
    ]),
  );
  return [...judges, ...questions];
}

function mmlu(ctx: Ctx): LabelledPrompt[] {
  const out: LabelledPrompt[] = [];
  for (const split of ["dev", "test"]) {
    for (const path of listFiles(join(ctx.root, "mmlu/data", split), ".csv")) {
      const cap = capabilityOfMmluSubject(basename(path, ".csv"));
      for (const row of parseCsv(readText(path))) {
        if (row.length < 6) continue;
        const [q, a, b, c, d] = row;
        out.push(item(ctx, path, "mmlu", `${q}\nA. ${a}\nB. ${b}\nC. ${c}\nD. ${d}\nAnswer:`, cap));
      }
    }
  }
  return out;
}

function bbh(ctx: Ctx): LabelledPrompt[] {
  const out: LabelledPrompt[] = [];
  for (const path of listFiles(join(ctx.root, "bbh/bbh"), ".json")) {
    const task = basename(path, ".json");
    const cap: Capability = task === "multistep_arithmetic_two" ? "math" : "reasoning";
    const doc = readJson(path);
    const examples = isRecord(doc) && Array.isArray(doc.examples) ? doc.examples : [];
    for (const e of examples) if (str(e, "input")) out.push(item(ctx, path, "bbh", str(e, "input"), cap));
  }
  for (const path of listFiles(join(ctx.root, "bbh/cot-prompts"), ".txt")) {
    // Drop the canary header line and separator; harnesses send the few-shot body.
    const body = readText(path).split("\n-----\n").slice(1).join("\n-----\n") || readText(path);
    out.push(item(ctx, path, "bbh", body, "reasoning", ["cot"]));
  }
  return out;
}

function judgeText(ctx: Ctx, file: string, source: string): LabelledPrompt {
  const path = join(ctx.root, file);
  return item(ctx, path, source, readText(path), undefined, ["grading"]);
}

function belleEval(ctx: Ctx): LabelledPrompt[] {
  const prompts = readJsonl(join(ctx.root, "belle/eval/eval_prompt.json"), ctx.onSkip).map((r) =>
    item(ctx, join(ctx.root, "belle/eval/eval_prompt.json"), "belle", str(r, "prompt"), undefined, [
      "grading",
    ]),
  );
  const set = jsonlItems(ctx, "belle/eval/eval_set.json", "belle", (r) => [
    str(r, "question"),
    capabilityOfCategory(str(r, "class")),
  ]);
  return [...prompts, ...set];
}

/** Reads every eval-harness source under the corpora root. */
export function readEvalSources(root: string, onSkip: SkipHandler): LabelledPrompt[] {
  const ctx: Ctx = { root, onSkip };
  const selfInstruct = jsonlItems(
    ctx,
    "self_instruct/human_eval/user_oriented_instructions.jsonl",
    "self_instruct",
    (r) => {
      const inst = isRecord(r) && Array.isArray(r.instances) ? r.instances[0] : undefined;
      return [withInput(str(r, "instruction"), str(inst, "input")), undefined];
    },
  );
  const alpacaEvalOut = readJson(join(root, "alpaca_eval/example/outputs.json"));
  return [
    ...selfInstruct,
    ...jsonlItems(ctx, "wizardlm/WizardLM/data/WizardLM_testset.jsonl", "wizardlm", (r) => [
      str(r, "Instruction"),
      capabilityOfCategory(str(r, "Skill")),
    ]),
    ...belleEval(ctx),
    ...fastchat(ctx),
    ...jsonlItems(ctx, "arena_hard/data/arena-hard-v0.1/question.jsonl", "arena_hard", (r) => [
      str(r, "prompt"),
      capabilityOfCluster(str(r, "cluster")),
    ]),
    ...jsonlItems(ctx, "arena_hard/data/arena-hard-v2.0/question.jsonl", "arena_hard", (r) => [
      str(r, "prompt"),
      capabilityOfCategory(str(r, "subcategory")),
    ]),
    ...jsonlItems(ctx, "human_eval/data/HumanEval.jsonl.gz", "human_eval", (r) => [
      str(r, "prompt"),
      "coding",
    ]),
    ...jsonlItems(ctx, "gsm8k/grade_school_math/data/test.jsonl", "gsm8k", (r) => [
      str(r, "question"),
      "math",
    ]),
    ...mmlu(ctx),
    ...bbh(ctx),
    ...["aime", "math", "amc"].flatMap((s) =>
      jsonlItems(ctx, `limo_math_eval/eval/data/${s}/test.jsonl`, "limo_math_eval", (r) => [
        str(r, "problem"),
        "math",
      ]),
    ),
    judgeText(ctx, "limo_math_eval/eval/prompt.txt", "limo_math_eval"),
    judgeText(
      ctx,
      "alpaca_eval/src/alpaca_eval/evaluators_configs/alpaca_eval_gpt4/alpaca_eval.txt",
      "alpaca_eval",
    ),
    judgeText(
      ctx,
      "alpaca_eval/src/alpaca_eval/evaluators_configs/alpaca_eval_gpt4_turbo_fn/alpaca_eval_fn.txt",
      "alpaca_eval",
    ),
    ...(Array.isArray(alpacaEvalOut) ? alpacaEvalOut : []).flatMap((r: unknown) =>
      str(r, "instruction")
        ? [item(ctx, join(root, "alpaca_eval/example/outputs.json"), "alpaca_eval", str(r, "instruction"))]
        : [],
    ),
  ];
}
