// Pieces both attack and benign prompt recipes use: the Turn shape, output choice and
// slot filling for generator templates (airoboros, self-instruct, CAMEL, Evol-Instruct).
import type { Corpora, QA } from "./corpus.js";
import type { Rng } from "./rng.js";
import { clip, fill, join, lit, snip, type Snip, type Tpl } from "./text.js";

/** One message of a conversation as the client sends it. */
export interface Msg {
  readonly role: "user" | "assistant" | "tool";
  readonly c: Snip;
  readonly call?: string;
}

/** The content of one request and its response, before account/network fields are added. */
export interface Turn {
  readonly system?: Snip;
  readonly msgs: readonly Msg[];
  readonly out: Snip;
  readonly tools?: readonly string[];
  readonly outCalls: number;
  readonly reasoning: boolean;
  readonly template: string;
}

/** A content generator: given randomness and corpora, one request. */
export type Recipe = (r: Rng, c: Corpora) => Turn;

/** Output pool matching what was asked. */
export type OutKind = "general" | "code" | "math";

const s = (raw: string): Snip => snip(raw);
const NL2 = s("\n\n");
const THINK = [
  s("Let me work through this step by step.\n\n"),
  s("Reasoning:\n"),
  s("First, let's restate the problem.\n\n"),
  s(""),
];

/** A plausible response text; reasoning answers are longer and open with visible steps. */
export function pickOutput(r: Rng, c: Corpora, kind: OutKind, reasoning: boolean, ref?: Snip): Snip {
  const pool = c.outputs[kind];
  // capped so a typical line stays ~1–2 KB, as the contract's consumers expect
  const base = clip(ref && ref.n > 120 && r.chance(0.6) ? ref : r.pick(pool), 1400);
  if (!reasoning) return base;
  return join(r.pick(THINK), base, NL2, clip(r.pick(c.outputs[kind === "code" ? "general" : kind]), 900));
}

const pS = lit;
const numbers = ["3", "5", "8", "10", "12", "15", "20", "25", "50"].map((n) => pS(n));
const flesch = ["60", "70", "80", "90"].map((n) => pS(n));
const styles = ["formal", "casual", "academic", "journalistic", "humorous", "technical"].map((n) => pS(n));

/** Fills generator-template slots with values drawn from the other corpora (seeds, roles, topics). */
export function fillSlots(r: Rng, c: Corpora, t: Tpl, seed: () => Snip): Snip {
  return fill(t, (slot) => {
    switch (slot) {
      case "batch_size":
      case "num_roles":
      case "num_tasks":
      case "num_languages":
      case "num_domains":
      case "task_count":
      case "question_count":
      case "input_count":
      case "word_limit":
      case "word_count":
        return r.pick(numbers);
      case "language":
        return r.chance(0.85)
          ? pS("English")
          : pS(r.pick(["Spanish", "German", "French", "Chinese", "Japanese", "Portuguese"]));
      case "languages":
        return pS(r.pick(c.recipe.languages));
      case "flesch":
        return r.pick(flesch);
      case "styles":
      case "style_extra":
        return r.pick(styles);
      case "domain":
      case "topic":
      case "topics":
        return pS(r.pick(c.recipe.domains));
      case "assistant_role":
      case "user_role":
      case "critic_role":
      case "character":
      case "name":
        return pS(r.pick(c.recipe.roles));
      case "topic_avoidance":
      case "skip":
        return pS("");
      default:
        return seed();
    }
  });
}

/** A seed instruction from the recipe corpora (alpaca, code, seed tasks, roleplay). */
export function recipeSeed(r: Rng, c: Corpora): QA {
  const x = r.next();
  if (x < 0.55) return r.pick(c.recipe.alpaca);
  if (x < 0.75) return r.pick(c.recipe.code);
  if (x < 0.85) return r.pick(c.recipe.seedTasks);
  return r.pick(c.recipe.roleplay);
}

/** The same turn with a system prompt (and maybe another template name); built field by field, as spreading costs ~1 µs. */
export function withSystem(t: Turn, system: Snip, template = t.template): Turn {
  return {
    system,
    msgs: t.msgs,
    out: t.out,
    tools: t.tools,
    outCalls: t.outCalls,
    reasoning: t.reasoning,
    template,
  };
}

/** A one-message user turn. */
export function userTurn(user: Snip, out: Snip, template: string, reasoning: boolean, system?: Snip): Turn {
  return system
    ? { system, msgs: [{ role: "user", c: user }], out, outCalls: 0, reasoning, template }
    : { msgs: [{ role: "user", c: user }], out, outCalls: 0, reasoning, template };
}

/** Wraps text in one of several framings so a fixed seed never yields one fixed wording. */
export function wrap(
  r: Rng,
  body: Snip,
  framings: readonly (readonly [Snip, Snip])[],
): { text: Snip; index: number } {
  const index = r.int(framings.length);
  const f = framings[index] ?? [s(""), s("")];
  const [head, tail] = f;
  // many framings add only a prefix or only a suffix: an empty side is left out of the join
  const text =
    head.el === 0
      ? tail.el === 0
        ? body
        : join(body, tail)
      : tail.el === 0
        ? join(head, body)
        : join(head, body, tail);
  return { text, index };
}

/** Framing pairs from raw strings. */
export function framings(raw: readonly (readonly [string, string])[]): (readonly [Snip, Snip])[] {
  return raw.map(([a, b]) => [s(a), s(b)] as const);
}
