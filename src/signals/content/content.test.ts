import { describe, expect, it } from "vitest";
import { readCorpus, loadContentModel, type LabelledPrompt } from "./index.js";

const corpus = readCorpus();
const model = loadContentModel();

function one(pred: (p: LabelledPrompt) => boolean): LabelledPrompt {
  const p = corpus.find(pred);
  if (!p) throw new Error("corpus example not found");
  return p;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

describe("content model on real corpus prompts", () => {
  it("scores the Alpaca generation prompt with its seed tasks high on synthetic and distill", () => {
    const prompt = one((p) => p.file === "stanford_alpaca/prompt.txt").text;
    const seeds = corpus.filter((p) => p.file === "stanford_alpaca/seed_tasks.jsonl").slice(10, 13);
    const text = `${prompt}\n${seeds.map((s, i) => `###\n${i + 1}. Instruction: ${s.text}\n${i + 1}. Input:\n<noinput>\n${i + 1}. Output:\n`).join("")}###\n4. Instruction:`;
    const s = model.score("", text);
    expect(s.synthetic).toBeGreaterThan(0.8);
    expect(s.distill).toBeGreaterThan(0.8);
  });

  it("scores a self-instruct instance-generation prompt high on synthetic", () => {
    const tpl = one((p) => p.source === "self_instruct" && p.name === "input_first_template_for_gen").text;
    const task = one((p) => p.source === "gsm8k").text;
    expect(model.score("", `${tpl} ${task}\n`).synthetic).toBeGreaterThan(0.8);
  });

  it("scores an MT-Bench judge prompt high on grading", () => {
    const judge = one((p) => p.name === "single-v1");
    const q = one((p) => p.file.includes("mt_bench")).text;
    const text = judge.text
      .replace("{question}", q)
      .replace("{answer}", "Hawaii is a wonderful place to visit ...");
    expect(model.score(judge.system ?? "", text).grading).toBeGreaterThan(0.8);
  });

  it("scores the OpenThoughts reasoning system prompt high on cot", () => {
    const sys = one((p) => p.source === "open_thoughts" && p.name === "SKY_T1_SYSTEM_PROMPT").text;
    const q = one((p) => p.source === "limo_math_eval" && p.file.includes("aime")).text;
    expect(model.score(sys, `Return your final response within \\boxed{}. ${q}`).cot).toBeGreaterThan(0.8);
  });

  it("scores rationale reconstruction (a question, its answer and a request for the reasoning between) high on cot, in wordings it was not trained on, and the bare questions low", () => {
    const qs = corpus.filter((p) => p.source === "gsm8k").slice(0, 20);
    const asks = [
      (q: string) =>
        `Here is a problem together with its final answer. Reconstruct the full thought process that leads from the problem to this answer. Do not skip steps.\n\nTask: ${q}\n\nCompleted response: 72`,
      (q: string) =>
        `Given the problem and its solution below, write out the chain of thought that produces the solution.\n\nProblem: ${q}\nSolution: 72`,
    ];
    for (const ask of asks)
      expect(median(qs.map((q) => model.score("", ask(q.text)).cot))).toBeGreaterThan(0.7);
    expect(median(qs.map((q) => model.score("", q.text).cot))).toBeLessThan(0.2);
  });

  it("labels a HumanEval problem coding, a GSM8K problem math and a ToolBench query tool-use", () => {
    expect(model.score("", one((p) => p.source === "human_eval").text).capability).toBe("coding");
    expect(model.score("", one((p) => p.source === "gsm8k").text).capability).toBe("math");
    expect(model.score("", one((p) => p.file.endsWith("G2_query.json")).text).capability).toBe("tool-use");
  });

  it("keeps casual ShareGPT and OpenAssistant prompts low on distill, synthetic and grading", () => {
    const casual = corpus.filter((p) => p.source === "openassistant" || p.source === "sharegpt_mlenergy");
    const scores = casual.map((p) => model.score("", p.text));
    expect(median(scores.map((s) => s.distill))).toBeLessThan(0.5);
    expect(median(scores.map((s) => s.synthetic))).toBeLessThan(0.1);
    expect(median(scores.map((s) => s.grading))).toBeLessThan(0.1);
  });

  it("returns probabilities in 0..1 and stays finite for empty and very long prompts", () => {
    for (const [sys, text] of [
      ["", ""],
      ["x".repeat(10_000), "y ".repeat(50_000)],
    ] as const) {
      const s = model.score(sys, text);
      for (const v of [s.distill, s.synthetic, s.cot, s.grading, s.capabilityScore]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
  });
});
