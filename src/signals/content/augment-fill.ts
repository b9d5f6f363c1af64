// Rebuilds what the API actually received from real recipe / judge templates: their slots
// ({question}, {answer_a}, {}, {batch_size}, …) filled with real corpus questions and answers,
// and Alpaca-style generation prompts followed by their in-context seed tasks (as in Alpaca's
// generate_instruction.py encode_prompt). No wording of ours is added, so these are not marked
// `augmented`; they keep the template's source for cross-source grouping.
import type { LabelledPrompt } from "./corpus-types.js";
import { pick } from "./rng.js";

/** Text pools drawn from the corpus for slot filling. */
export interface FillPools {
  questions: LabelledPrompt[];
  answers: string[];
  roles: string[];
  rng: () => number;
  /** Corpus prompts used inside a filled template; dropped as standalone examples (no cross-fold duplicates). */
  used: Set<LabelledPrompt>;
}

/** Draws a question and remembers it was used. */
export function drawQuestion(p: FillPools, from: LabelledPrompt[] = p.questions): LabelledPrompt {
  const q = pick(p.rng, from);
  p.used.add(q);
  return q;
}

const SLOT = /\{([A-Za-z_][A-Za-z0-9_' ]*)?\}/g;

/** Replaces every {slot} of a template with resolve(slotName). */
export function fillSlots(template: string, resolve: (slot: string) => string): string {
  return template.replace(SLOT, (_, name: string | undefined) => resolve(name ?? ""));
}

function resolver(p: FillPools, question: string): (slot: string) => string {
  return (slot) => {
    if (slot === "" || /question|instruction|problem|task|topic/.test(slot)) return question;
    if (/answer|output|response/.test(slot)) return pick(p.rng, p.answers);
    if (/role/.test(slot)) return pick(p.rng, p.roles);
    if (/num|batch|count|limit|size/.test(slot)) return String(3 + Math.floor(p.rng() * 28));
    if (/language/.test(slot)) return pick(p.rng, ["English", "Python", "JavaScript", "Java", "SQL"]);
    return drawQuestion(p).text.slice(0, 80);
  };
}

/** `count` copies of each template with its slots filled from the pools. */
export function fillTemplates(templates: LabelledPrompt[], count: number, p: FillPools): LabelledPrompt[] {
  const out: LabelledPrompt[] = [];
  for (const t of templates) {
    for (let i = 0; i < count; i++) {
      const q = drawQuestion(p);
      const r = resolver(p, q.text);
      const system = t.system ? fillSlots(t.system, r) : undefined;
      const text = fillSlots(t.text, r);
      out.push({ ...t, text, ...(system ? { system } : {}) });
    }
  }
  return out;
}

/** Alpaca / CodeAlpaca / BELLE generation prompt followed by three seed tasks and the next number. */
export function withSeedTasks(
  prompt: LabelledPrompt,
  seeds: LabelledPrompt[],
  count: number,
  rng: () => number,
): LabelledPrompt[] {
  const out: LabelledPrompt[] = [];
  for (let i = 0; i < count && seeds.length > 0; i++) {
    let text = `${prompt.text}\n`;
    for (let k = 1; k <= 3; k++) {
      const [inst, ...rest] = pick(rng, seeds).text.split("\n\n");
      text += `###\n${k}. Instruction: ${inst}\n${k}. Input:\n${rest.join("\n\n") || "<noinput>"}\n${k}. Output:\n`;
    }
    out.push({ ...prompt, text: `${text}###\n4. Instruction:` });
  }
  return out;
}
