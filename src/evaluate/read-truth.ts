// Reads truth.jsonl (contract §3): one labelled account per line, kept as a per-account map.
import { z } from "zod";
import { badLine, parseJsonLine, readLineBatches } from "./read-lines.js";

const truthSchema = z.looseObject({
  account: z.string().min(1),
  label: z.enum(["attack", "benign"]),
  campaign: z.string().min(1).nullable().optional(),
  persona: z.string().nullable().optional(),
});

/** What the ground truth says about one account. */
export interface TruthAccount {
  label: "attack" | "benign";
  /** The true campaign; null for benign accounts (a campaign on a benign line is ignored). */
  campaign: string | null;
  persona: string;
}

/** Persona recorded for truth lines that carry none. */
export const unknownPersona = "(none)";

/** Reads truth.jsonl into account → truth; a bad or duplicate line throws naming its line number. */
export async function readTruth(file: string): Promise<Map<string, TruthAccount>> {
  const truth = new Map<string, TruthAccount>();
  for await (const batch of readLineBatches(file)) {
    for (const line of batch) {
      const t = parseJsonLine(file, line, truthSchema);
      if (truth.has(t.account)) throw badLine(file, line.lineNo, `account ${t.account} appears twice`);
      truth.set(t.account, {
        label: t.label,
        campaign: t.label === "attack" ? (t.campaign ?? null) : null,
        persona: t.persona ?? unknownPersona,
      });
    }
  }
  return truth;
}
