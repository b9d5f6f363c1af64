import { describe, expect, it } from "vitest";
import { parseCsv } from "./corpus-io.js";
import { readCorpus } from "./corpus.js";

describe("readCorpus", () => {
  const skipped: string[] = [];
  const corpus = readCorpus(undefined, (file) => skipped.push(file));
  const count = (pred: (file: string) => boolean): number => corpus.filter((p) => pred(p.file)).length;

  it("skips and counts the InstructionWild lines with invalid escapes", () => {
    expect(skipped.filter((f) => f.includes("user_2.jsonl"))).toHaveLength(2);
    expect(skipped.filter((f) => f.includes("user_3.jsonl"))).toHaveLength(3);
    expect(skipped).toHaveLength(5);
  });

  it("splits Arena-Hard v2.0 on \\n only, keeping all 750 prompts despite U+2028", () => {
    expect(count((f) => f.includes("arena-hard-v2.0"))).toBe(750);
  });

  it("reads MMLU header-less CSVs (14,079 test + 285 dev rows) and labels them eval-harness", () => {
    expect(count((f) => f.startsWith("mmlu/data/test/"))).toBe(14079);
    expect(count((f) => f.startsWith("mmlu/data/dev/"))).toBe(285);
  });

  it("takes the first Human turn of each HH-RLHF transcript from the gzip file", () => {
    const hh = corpus.filter((p) => p.source === "hh_rlhf");
    expect(hh).toHaveLength(2312);
    expect(hh.every((p) => !p.text.includes("\n\nAssistant:") && p.label === "benign-human")).toBe(true);
  });

  it("reads BELLE .json files as JSON Lines and ToolBench answers via train_messages", () => {
    expect(count((f) => f === "belle/eval/eval_set.json")).toBe(1000);
    const tb = corpus.filter((p) => p.file.includes("_answer/"));
    expect(tb.length).toBeGreaterThanOrEqual(13); // 15 files; 2 hold no user turn in train_messages
    expect(tb.every((p) => (p.system ?? "").startsWith("You are AutoGPT"))).toBe(true);
  });

  it("labels by MANIFEST source label, with mixed sources split per file", () => {
    const label = (file: string): string | undefined => corpus.find((p) => p.file === file)?.label;
    expect(label("self_instruct/human_eval/user_oriented_instructions.jsonl")).toBe("eval-harness");
    expect(label("stanford_alpaca/prompt.txt")).toBe("distillation-recipe");
    expect(label("openassistant/model/model_eval/manual/data/en_100_text.jsonl")).toBe("benign-human");
  });
});

describe("parseCsv", () => {
  it("handles quoted fields with commas, doubled quotes and newlines", () => {
    expect(parseCsv('a,"b, c","say ""hi""\nthere",D\nx,y,z,A\n')).toEqual([
      ["a", "b, c", 'say "hi"\nthere', "D"],
      ["x", "y", "z", "A"],
    ]);
  });
});
