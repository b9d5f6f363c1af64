// Hard negatives: benign customers whose traffic looks like harvesting (eval harnesses,
// synthetic-data buyers, classrooms and companies behind one NAT address). Their false-positive
// rate is reported apart, since that is where a detector's precision is really tested.

/** Benign personas counted as hard negatives by exact (case-insensitive) name; pass more via `extraHard`. */
export const hardNegativePersonas: readonly string[] = [
  "eval-lab",
  "eval-harness",
  "benchmark",
  "benchmark-runner",
  "synthetic-data",
  "synthetic-data-customer",
  "university",
  "university-lab",
  "enterprise-nat",
  "enterprise",
  "research-lab",
];

// Words that make any persona a hard negative. Matched per word of the name (split on
// non-letters and camelCase) as a prefix ("evaluator", "benchmarking", "universities");
// `nat` must end its word ("enterprise-nat", "cgnat") so that "national", "native" or
// "signature" do not count, which a plain substring test would do.
const prefixWords = ["eval", "benchmark", "synthetic", "universit", "enterprise"];

/** Lower-case words of a persona name: `enterpriseNAT_v2` → enterprise, nat, v. */
function wordsOf(persona: string): string[] {
  return persona
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w !== "");
}

/** True when `persona` is a hard negative: listed (in the defaults or `extraHard`) or named like one. */
export function isHardNegativePersona(persona: string, extraHard: readonly string[] = []): boolean {
  const name = persona.toLowerCase();
  if (hardNegativePersonas.includes(name) || extraHard.some((p) => p.toLowerCase() === name)) return true;
  return wordsOf(persona).some((w) => w.endsWith("nat") || prefixWords.some((p) => w.startsWith(p)));
}
