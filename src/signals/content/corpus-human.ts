// Readers for the benign-human sources (real people's prompts).
import { join } from "node:path";
import { capabilityOfCategory, type Capability } from "./capability.js";
import { isRecord, parseCsv, readJson, readJsonl, readText, str, type SkipHandler } from "./corpus-io.js";
import type { LabelledPrompt } from "./corpus-types.js";

const B = "benign-human" as const;

function make(root: string, path: string, source: string, text: string, cap?: Capability): LabelledPrompt {
  return { text, source, file: path.slice(root.length + 1), label: B, ...(cap ? { capability: cap } : {}) };
}

/** First "\n\nHuman:" turn of an HH-RLHF transcript. */
export function firstHumanTurn(transcript: string): string {
  const start = transcript.indexOf("\n\nHuman:");
  if (start < 0) return "";
  const from = start + "\n\nHuman:".length;
  const end = transcript.indexOf("\n\nAssistant:", from);
  return transcript.slice(from, end < 0 ? undefined : end).trim();
}

/** Reads every benign-human source under the corpora root. */
export function readHumanSources(root: string, onSkip: SkipHandler): LabelledPrompt[] {
  const out: LabelledPrompt[] = [];
  const csvPath = join(root, "awesome_chatgpt_prompts/prompts.csv");
  const rows = parseCsv(readText(csvPath));
  const col = rows[0]?.indexOf("prompt") ?? -1;
  // Nearly all of these are "I want you to act as …" persona prompts.
  for (const row of rows.slice(1))
    if (col >= 0 && row[col])
      out.push(make(root, csvPath, "awesome_chatgpt_prompts", row[col] ?? "", "roleplay"));

  for (const f of ["user_1", "user_2", "user_3"]) {
    const path = join(root, `instructionwild/data_v2/${f}.jsonl`);
    for (const r of readJsonl(path, onSkip)) {
      if (str(r, "instruction"))
        out.push(
          make(
            root,
            path,
            "instructionwild",
            str(r, "instruction"),
            capabilityOfCategory(str(r, "instruction_type")),
          ),
        );
    }
  }

  const sgPath = join(
    root,
    "sharegpt_mlenergy/benchmark/llm_text_generation/chat/sharegpt/ShareGPT_V3_filtered_500.json",
  );
  const sg = readJson(sgPath);
  for (const conv of Array.isArray(sg) ? sg : []) {
    const turns = isRecord(conv) && Array.isArray(conv.conversations) ? conv.conversations : [];
    const human = turns.find((t: unknown) => str(t, "from") === "human");
    if (str(human, "value")) out.push(make(root, sgPath, "sharegpt_mlenergy", str(human, "value")));
  }

  for (const f of ["en_100_text.jsonl", "prompt_lottery_en_250_text.jsonl"]) {
    const path = join(root, "openassistant/model/model_eval/manual/data", f);
    for (const r of readJsonl(path, onSkip))
      if (typeof r === "string" && r.trim()) out.push(make(root, path, "openassistant", r));
  }

  const hhPath = join(root, "hh_rlhf/harmless-base/test.jsonl.gz");
  for (const r of readJsonl(hhPath, onSkip)) {
    const turn = firstHumanTurn(str(r, "chosen"));
    if (turn) out.push(make(root, hhPath, "hh_rlhf", turn, "safety-rewrite"));
  }
  return out;
}
