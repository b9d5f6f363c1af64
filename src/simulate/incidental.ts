// Incidental request/account fields. Attack and benign accounts draw these from the SAME
// samplers, so no single artefact field (SDK, system-prompt placement, temperature, e-mail
// domain, verification) separates a campaign from customers; detectors must use behaviour.
import type { Rng } from "./rng.js";

/** Where an account's client puts the system prompt. */
export type SystemPlacement = "system-field" | "system-role" | "developer-role" | "none";

/** The SDK/tooling an account's code runs on, which fixes UA, endpoint and prompt shape. */
export interface ClientStack {
  readonly family: string;
  readonly userAgent: string;
  readonly endpoint: "chat" | "messages" | "responses" | "completions";
  readonly placement: SystemPlacement;
}

/** An account's habitual sampling parameters. */
export interface SamplingStyle {
  readonly temperature: number | null;
  readonly topP: number | null;
  readonly maxTokens: number | null;
  readonly stream: boolean;
  readonly seedParam: boolean;
  readonly reasoningShare: number;
  readonly systemShare: number;
}

const v = (r: Rng, major: number, minors: number, patches: number): string =>
  `${major}.${r.int(minors)}.${r.int(patches)}`;

// shares loosely follow public SDK download counts; what matters is that everyone draws here
const families: readonly (readonly [string, number])[] = [
  ["openai-python", 30],
  ["openai-node", 12],
  ["anthropic-sdk-python", 14],
  ["anthropic-sdk-typescript", 8],
  ["langchain", 7],
  ["litellm", 7],
  ["curl", 5],
  ["python-requests", 7],
  ["go-http-client", 3],
  ["axios", 3],
  ["okhttp", 2],
  ["llamaindex", 2],
];

/** Draws the client stack one account uses. */
export function sampleClientStack(r: Rng): ClientStack {
  const family = r.choose(families);
  const py = `Python/3.${r.range(9, 13)}`;
  switch (family) {
    case "openai-python":
      return openaiStack(r, family, `OpenAI/Python ${v(r, 1, 60, 5)}`);
    case "openai-node":
      return openaiStack(r, family, `OpenAI/JS ${v(r, 4, 80, 4)}`);
    case "anthropic-sdk-python":
      return {
        family,
        userAgent: `Anthropic/Python 0.${r.range(30, 72)}.${r.int(3)}`,
        endpoint: "messages",
        placement: r.chance(0.85) ? "system-field" : "none",
      };
    case "anthropic-sdk-typescript":
      return {
        family,
        userAgent: `Anthropic/JS 0.${r.range(20, 65)}.${r.int(3)}`,
        endpoint: "messages",
        placement: r.chance(0.85) ? "system-field" : "none",
      };
    case "langchain":
      return r.chance(0.5)
        ? openaiStack(
            r,
            family,
            `langchain-openai/0.${r.range(1, 3)}.${r.int(30)} OpenAI/Python ${v(r, 1, 60, 5)}`,
          )
        : {
            family,
            userAgent: `langchain-anthropic/0.${r.range(1, 3)}.${r.int(20)} Anthropic/Python 0.${r.range(30, 72)}.0`,
            endpoint: "messages",
            placement: "system-field",
          };
    case "litellm":
      return r.chance(0.6)
        ? openaiStack(r, family, `litellm/1.${r.range(30, 75)}.${r.int(12)}`)
        : {
            family,
            userAgent: `litellm/1.${r.range(30, 75)}.${r.int(12)}`,
            endpoint: "messages",
            placement: "system-field",
          };
    case "curl":
      return anyStack(
        r,
        family,
        `curl/${r.choose([
          ["7.81.0", 3],
          ["7.88.1", 3],
          ["8.5.0", 3],
          ["8.7.1", 2],
          ["8.11.1", 1],
        ] as const)}`,
      );
    case "python-requests":
      return anyStack(r, family, `python-requests/2.${r.range(25, 32)}.${r.int(4)} ${py}`);
    case "go-http-client":
      return anyStack(r, family, r.chance(0.7) ? "Go-http-client/2.0" : "Go-http-client/1.1");
    case "axios":
      return anyStack(r, family, `axios/1.${r.range(4, 7)}.${r.int(9)}`);
    case "okhttp":
      return anyStack(r, family, `okhttp/4.${r.range(9, 12)}.0`);
    default:
      return openaiStack(
        r,
        family,
        `llama-index-llms-openai/0.${r.range(1, 3)}.${r.int(20)} OpenAI/Python ${v(r, 1, 60, 5)}`,
      );
  }
}

function openaiStack(r: Rng, family: string, userAgent: string): ClientStack {
  const endpoint = r.choose([
    ["chat", 7],
    ["responses", 3],
  ] as const);
  const placement: SystemPlacement =
    endpoint === "responses"
      ? r.choose([
          ["developer-role", 6],
          ["system-role", 2],
          ["none", 2],
        ] as const)
      : r.choose([
          ["system-role", 6],
          ["developer-role", 2],
          ["none", 2],
        ] as const);
  return { family, userAgent, endpoint, placement };
}

function anyStack(r: Rng, family: string, userAgent: string): ClientStack {
  // raw HTTP clients hit whichever API the account chose, sometimes the legacy completions one
  const endpoint = r.choose([
    ["chat", 5],
    ["messages", 4],
    ["completions", 1],
  ] as const);
  if (endpoint === "messages")
    return { family, userAgent, endpoint, placement: r.chance(0.8) ? "system-field" : "none" };
  if (endpoint === "completions") return { family, userAgent, endpoint, placement: "none" };
  return {
    family,
    userAgent,
    endpoint,
    placement: r.choose([
      ["system-role", 7],
      ["developer-role", 1],
      ["none", 2],
    ] as const),
  };
}

/** Draws an account's habitual sampling parameters. */
export function sampleSampling(r: Rng): SamplingStyle {
  return {
    temperature: r.choose([
      [null, 25],
      [0, 14],
      [0.2, 8],
      [0.3, 5],
      [0.5, 6],
      [0.7, 20],
      [0.8, 6],
      [1, 13],
      [1.2, 3],
    ] as const),
    topP: r.choose([
      [null, 75],
      [0.9, 10],
      [0.95, 10],
      [1, 5],
    ] as const),
    maxTokens: r.choose([
      [null, 20],
      [256, 6],
      [512, 10],
      [1024, 16],
      [2048, 16],
      [4096, 18],
      [8192, 10],
      [16000, 4],
    ] as const),
    stream: r.chance(0.35),
    seedParam: r.chance(0.07),
    reasoningShare: r.choose([
      [0, 50],
      [0.2, 20],
      [0.6, 15],
      [1, 15],
    ] as const),
    systemShare: r.choose([
      [0, 30],
      [0.5, 20],
      [0.9, 30],
      [1, 20],
    ] as const),
  };
}

/** Kind of sign-up e-mail; the persona or campaign then supplies a concrete domain. */
export type EmailKind = "webmail" | "corporate" | "edu" | "privacy" | "regional";

/** Draws the e-mail kind of one account. */
export function sampleEmailKind(r: Rng): EmailKind {
  return r.choose([
    ["webmail", 52],
    ["corporate", 22],
    ["edu", 8],
    ["privacy", 8],
    ["regional", 10],
  ] as const);
}

const webmail = [
  ["gmail.com", 70],
  ["outlook.com", 12],
  ["hotmail.com", 6],
  ["yahoo.com", 6],
  ["icloud.com", 6],
] as const;
const privacy = [
  ["proton.me", 5],
  ["protonmail.com", 3],
  ["tutanota.com", 1],
  ["duck.com", 1],
  ["fastmail.com", 2],
] as const;
const regional = [
  ["qq.com", 3],
  ["163.com", 2],
  ["naver.com", 2],
  ["yandex.ru", 2],
  ["gmx.de", 2],
  ["web.de", 1],
  ["mail.ru", 1],
  ["yahoo.co.jp", 1],
  ["libero.it", 1],
  ["orange.fr", 1],
] as const;

/** A concrete domain of the given kind; `own` is the persona's company or university domain. */
export function emailDomain(r: Rng, kind: EmailKind, own: { corporate: string; edu: string }): string {
  if (kind === "webmail") return r.choose(webmail);
  if (kind === "privacy") return r.choose(privacy);
  if (kind === "regional") return r.choose(regional);
  return kind === "corporate" ? own.corporate : own.edu;
}

/** Draws a verification level (contract: none, email, phone, card, id, enterprise). */
export function sampleVerification(r: Rng): string {
  return r.choose([
    ["none", 6],
    ["email", 30],
    ["phone", 24],
    ["card", 26],
    ["id", 6],
    ["enterprise", 8],
  ] as const);
}

/** Channel the account's requests arrive through. */
export function sampleVia(r: Rng): string {
  return r.choose([
    ["direct", 86],
    ["aws-bedrock", 5],
    ["gcp-vertex", 4],
    ["azure", 5],
  ] as const);
}

/** HTTP status of one request; `pressure` ≥ 0 is how hard the account pushes its rate limit. */
export function sampleStatus(r: Rng, pressure: number): number {
  const x = r.next();
  const p429 = 0.006 + 0.05 * pressure;
  if (x < p429) return 429;
  if (x < p429 + 0.004) return 500;
  if (x < p429 + 0.007) return 529;
  if (x < p429 + 0.011) return 400;
  return 200;
}

/** A plausible random company domain (for corporate e-mail and shell companies alike). */
export function companyDomain(r: Rng): string {
  const a = r.pick([
    "north",
    "blue",
    "data",
    "quant",
    "terra",
    "bright",
    "apex",
    "lumen",
    "nova",
    "pixel",
    "core",
    "green",
    "vector",
    "iron",
    "silver",
    "cloud",
    "deep",
    "open",
  ]);
  const b = r.pick([
    "labs",
    "works",
    "soft",
    "tech",
    "systems",
    "ai",
    "analytics",
    "logic",
    "digital",
    "stack",
    "forge",
    "bridge",
    "point",
    "wave",
  ]);
  return `${a}${b}${r.chance(0.3) ? r.int(100) : ""}.${r.choose([
    ["com", 6],
    ["io", 3],
    ["ai", 2],
    ["co", 1],
    ["de", 1],
    ["cn", 1],
    ["sg", 1],
  ] as const)}`;
}
