// Reads an analysis folder's accounts.jsonl (contract §2) into a per-account map of what the
// evaluator needs: the verdict, the predicted campaign and when the account was first flagged.
import { z } from "zod";
import { parseTimestamp } from "../events/contract.js";
import { parseJsonLine, readLineBatches } from "./read-lines.js";

const timestamp = z
  .union([z.string().min(1), z.number().finite()])
  .refine((v) => parseTimestamp(v) !== null, {
    message: "not an RFC 3339 time or epoch ms",
  });

const resultSchema = z.looseObject({
  account: z.string().min(1),
  score: z.number().min(0).max(100),
  verdict: z.enum(["attack", "review", "benign"]),
  campaign: z.string().nullable().optional(),
  first_flagged_at: timestamp.nullable().optional(),
  reasons: z.array(z.unknown()).optional(),
});

/** The detector's decision on one account. */
export interface ResultAccount {
  verdict: "attack" | "review" | "benign";
  /** Predicted campaign; null when none (an empty string counts as none). */
  campaign: string | null;
  /** Epoch ms of `first_flagged_at`; null when absent. */
  firstFlaggedMs: number | null;
}

/** Reads accounts.jsonl into account → result; a later line for the same account replaces an earlier one. */
export async function readResult(file: string): Promise<Map<string, ResultAccount>> {
  const result = new Map<string, ResultAccount>();
  for await (const batch of readLineBatches(file)) {
    for (const line of batch) {
      const r = parseJsonLine(file, line, resultSchema);
      const flagged = r.first_flagged_at ?? null;
      result.set(r.account, {
        verdict: r.verdict,
        campaign: r.campaign ? r.campaign : null,
        firstFlaggedMs: flagged === null ? null : parseTimestamp(flagged),
      });
    }
  }
  return result;
}
