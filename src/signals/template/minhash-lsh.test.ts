import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TemplateMiner } from "./minhash-lsh.js";
import { TemplateStats } from "./template-stats.js";

// Real questions from GSM8K (shared/corpora) fill the slot of one wrapper template.
const gsm = readFileSync(
  new URL("../../../../shared/corpora/gsm8k/grade_school_math/data/test.jsonl", import.meta.url),
  "utf8",
)
  .split("\n")
  .filter(Boolean)
  .slice(0, 200)
  .map((l) => (JSON.parse(l) as { question: string }).question);

const wrap = (q: string) =>
  `You are an expert tutor. Solve the following problem. Articulate the internal reasoning behind your answer step by step, showing every intermediate calculation, then give the final answer in \\boxed{}.\n\nProblem: ${q}\n\nRemember: explain each step of your reasoning in detail before the final answer.`;

describe("TemplateMiner", () => {
  it("gives most requests of one slot-filled template the same template id", () => {
    const m = new TemplateMiner(1 << 16);
    const ids = gsm.map((q) => m.assign("", wrap(q)));
    const counts = new Map<number, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    const top = Math.max(...counts.values());
    expect(top / ids.length).toBeGreaterThan(0.8);
  });

  it("keeps unrelated human questions apart", () => {
    const m = new TemplateMiner(1 << 16);
    const ids = new Set(gsm.map((q) => m.assign("", q)));
    expect(ids.size / gsm.length).toBeGreaterThan(0.9);
  });
});

describe("TemplateStats", () => {
  it("counts each account once per template", () => {
    const s = new TemplateStats(1 << 10, 1 << 16);
    s.record(7, "a");
    s.record(7, "a");
    s.record(7, "b");
    const u = s.record(7, "c");
    expect(u).toEqual({ accounts: 3, uses: 4, newForAccount: true, harvest: 0 });
    expect(s.record(7, "a").newForAccount).toBe(false);
  });
});
