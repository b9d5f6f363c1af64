// Readers for the distillation-recipe sources (MANIFEST label `distillation-recipe`).
import { basename, join } from "node:path";
import type { Capability } from "./capability.js";
import {
  isRecord,
  listFiles,
  readJson,
  readJsonl,
  readLiterals,
  readText,
  str,
  withInput,
  type SkipHandler,
} from "./corpus-io.js";
import type { LabelledPrompt, TemplateTag } from "./corpus-types.js";

const R = "distillation-recipe" as const;

function rel(root: string, path: string): string {
  return path.slice(root.length + 1);
}

function instructionRecords(
  root: string,
  path: string,
  source: string,
  cap: Capability | undefined,
  onSkip: SkipHandler,
): LabelledPrompt[] {
  const recs = path.endsWith(".jsonl") || source === "belle" ? readJsonl(path, onSkip) : readJson(path);
  const file = rel(root, path);
  return (Array.isArray(recs) ? recs : []).flatMap((r: unknown) => {
    const instances = isRecord(r) && Array.isArray(r.instances) ? r.instances : [];
    const text = withInput(str(r, "instruction"), str(r, "input") || str(instances[0], "input"));
    return text.trim() === "" ? [] : [{ text, source, file, label: R, ...(cap ? { capability: cap } : {}) }];
  });
}

function template(
  root: string,
  path: string,
  source: string,
  tags: TemplateTag[],
  cap?: Capability,
): LabelledPrompt {
  return {
    text: readText(path),
    source,
    file: rel(root, path),
    label: R,
    tags,
    ...(cap ? { capability: cap } : {}),
  };
}

function literals(
  root: string,
  path: string,
  source: string,
  tags: TemplateTag[],
  minLen: number,
  cap?: Capability,
): LabelledPrompt[] {
  return readLiterals(path)
    .filter((l) => l.value.length >= minLen)
    .map((l) => ({
      text: l.value,
      source,
      file: rel(root, path),
      label: R,
      tags,
      name: l.name,
      ...(cap ? { capability: cap } : {}),
    }));
}

const AIROBOROS_CAP: Record<string, Capability> = {
  coding: "coding",
  agent: "agentic",
  plan: "agentic",
  cot: "reasoning",
  cot_response: "reasoning",
  riddle: "reasoning",
  roleplay: "roleplay",
  character: "roleplay",
  rp_setting: "roleplay",
  gtkm: "roleplay",
  writing: "writing",
  detailed_writing: "writing",
  song: "writing",
};

function airoboros(root: string): LabelledPrompt[] {
  const dir = join(root, "airoboros/airoboros/instructors/prompts");
  const out: LabelledPrompt[] = [];
  for (const path of listFiles(dir, ".txt")) {
    const stem = basename(path, ".txt");
    const tags: TemplateTag[] =
      stem === "cot_response" ? ["cot"] : stem === "cot" ? ["synthetic", "cot"] : ["synthetic"];
    out.push(template(root, path, "airoboros", tags, AIROBOROS_CAP[stem]));
  }
  for (const [sub, cap] of [
    ["character_seeds", "roleplay"],
    ["detailed_writing_seeds", "writing"],
  ] as const) {
    for (const path of listFiles(join(dir, sub), ".txt"))
      out.push({ ...template(root, path, "airoboros", [], cap), tags: [] });
  }
  return out;
}

function toolbench(root: string): LabelledPrompt[] {
  const out: LabelledPrompt[] = [];
  for (const path of listFiles(join(root, "toolbench/data_example/instruction"), ".json")) {
    const doc = readJson(path);
    for (const q of Array.isArray(doc) ? doc : []) {
      const text = str(q, "query");
      if (text)
        out.push({ text, source: "toolbench", file: rel(root, path), label: R, capability: "tool-use" });
    }
  }
  for (const g of ["G1_answer", "G2_answer", "G3_answer"]) {
    for (const path of listFiles(join(root, "toolbench/data_example/answer", g), ".json")) {
      const doc = readJson(path);
      const gen = isRecord(doc) ? doc.answer_generation : undefined;
      const convs = isRecord(gen) && Array.isArray(gen.train_messages) ? gen.train_messages : [];
      const first: unknown = Array.isArray(convs[0]) ? convs[0] : [];
      const msgs = Array.isArray(first) ? first : [];
      const system = str(
        msgs.find((m: unknown) => str(m, "role") === "system"),
        "content",
      );
      const user = str(
        msgs.find((m: unknown) => str(m, "role") === "user"),
        "content",
      );
      // The AutoGPT-style system prompt drives a multi-step tool loop: agentic, not single tool use.
      if (user)
        out.push({
          text: user,
          system,
          source: "toolbench",
          file: rel(root, path),
          label: R,
          capability: "agentic",
        });
    }
  }
  return out;
}

/** Reads every distillation-recipe source under the corpora root. */
export function readRecipeSources(root: string, onSkip: SkipHandler): LabelledPrompt[] {
  const p = (f: string): string => join(root, f);
  return [
    template(root, p("stanford_alpaca/prompt.txt"), "stanford_alpaca", ["synthetic"]),
    ...instructionRecords(root, p("stanford_alpaca/seed_tasks.jsonl"), "stanford_alpaca", undefined, onSkip),
    ...instructionRecords(
      root,
      p("stanford_alpaca/data/alpaca_5000.json"),
      "stanford_alpaca",
      undefined,
      onSkip,
    ),
    ...listFiles(p("self_instruct/extracts"), ".json").flatMap((f) =>
      literals(root, f, "self_instruct", ["synthetic"], 40),
    ),
    template(root, p("codealpaca/prompt.txt"), "codealpaca", ["synthetic"], "coding"),
    ...instructionRecords(root, p("codealpaca/seed_tasks.jsonl"), "codealpaca", "coding", onSkip),
    ...instructionRecords(root, p("codealpaca/data/code_alpaca_2k.json"), "codealpaca", "coding", onSkip),
    ...listFiles(p("wizardlm/extracts"), ".json").flatMap((f) =>
      literals(root, f, "wizardlm", ["synthetic"], 40),
    ),
    ...airoboros(root),
    ...instructionRecords(
      root,
      p("gpteacher/Roleplay/roleplay-simple-deduped-roleplay-instruct.json"),
      "gpteacher",
      "roleplay",
      onSkip,
    ),
    ...instructionRecords(
      root,
      p("gpteacher/Toolformer/toolformer-similarity-0.6-dataset.json"),
      "gpteacher",
      "tool-use",
      onSkip,
    ),
    ...toolbench(root),
    template(root, p("belle/data/1.5M/prompt_cn.txt"), "belle", ["synthetic"]),
    ...instructionRecords(root, p("belle/data/1.5M/zh_seed_tasks.json"), "belle", undefined, onSkip),
    ...literals(
      root,
      p("camel/extracts/camel__prompts__ai_society.literals.json"),
      "camel",
      ["synthetic"],
      40,
      "roleplay",
    ),
    ...literals(
      root,
      p("camel/extracts/camel__prompts__code.literals.json"),
      "camel",
      ["synthetic"],
      40,
      "coding",
    ),
    ...listFiles(p("baize/extracts"), ".json").flatMap((f) => literals(root, f, "baize", ["synthetic"], 40)),
    ...openThoughts(root),
  ];
}

function openThoughts(root: string): LabelledPrompt[] {
  const path = join(root, "open_thoughts/extracts/open_thoughts__prompt.literals.json");
  const seen = new Set<string>();
  const out: LabelledPrompt[] = [];
  for (const l of readLiterals(path)) {
    if (seen.has(l.value) || l.value.includes("x['reasoning']")) continue; // assistant-side format, not a prompt
    seen.add(l.value);
    const isCode = l.value.startsWith("Generate an executable Python function");
    const tags: TemplateTag[] = isCode ? [] : ["cot"];
    out.push({
      text: l.value,
      source: "open_thoughts",
      file: rel(root, path),
      label: R,
      tags,
      name: l.name,
      ...(isCode ? { capability: "coding" as const } : {}),
    });
  }
  return out;
}
