// Account-level scoring (contract §3): `verdict == "attack"` against `label == "attack"`, an
// account missing from accounts.jsonl counting as benign; benign accounts also tallied by persona.
import type { AccountScores, EvalReport, PersonaScores } from "./report.js";
import type { ResultAccount } from "./read-result.js";
import type { TruthAccount } from "./read-truth.js";
import { isHardNegativePersona } from "./personas.js";
import { ratio } from "./ratio.js";

/** Confusion counts, precision, recall, F1 and FPR over all truth accounts. */
export function scoreAccounts(
  truth: Map<string, TruthAccount>,
  result: Map<string, ResultAccount>,
): AccountScores {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  const review = { attack: 0, benign: 0 };
  for (const [account, t] of truth) {
    const verdict = result.get(account)?.verdict ?? "benign";
    const flagged = verdict === "attack";
    if (verdict === "review") review[t.label] += 1;
    if (t.label === "attack") {
      if (flagged) tp += 1;
      else fn += 1;
    } else if (flagged) fp += 1;
    else tn += 1;
  }
  // 0/0 conventions: no flag → no wrong flag (precision 1); no attacker → none missed (recall 1).
  const precision = ratio(tp, tp + fp, 1);
  const recall = ratio(tp, tp + fn, 1);
  const f1 = ratio(2 * precision * recall, precision + recall, 0);
  return { tp, fp, fn, tn, precision, recall, f1, fpr: ratio(fp, fp + tn, 0), review };
}

/** Benign accounts per persona, and the hard-negative personas pooled. */
export function scorePersonas(
  truth: Map<string, TruthAccount>,
  result: Map<string, ResultAccount>,
  extraHard: readonly string[] = [],
): Pick<EvalReport, "personas" | "hard_negatives"> {
  const personas: Record<string, PersonaScores> = {};
  for (const [account, t] of truth) {
    if (t.label !== "benign") continue;
    const p = (personas[t.persona] ??= {
      accounts: 0,
      flagged: 0,
      fpr: 0,
      hard: isHardNegativePersona(t.persona, extraHard),
    });
    p.accounts += 1;
    if (result.get(account)?.verdict === "attack") p.flagged += 1;
  }
  const hard = { accounts: 0, flagged: 0, fpr: 0, personas: [] as string[] };
  for (const [name, p] of Object.entries(personas)) {
    p.fpr = ratio(p.flagged, p.accounts, 0);
    if (!p.hard) continue;
    hard.accounts += p.accounts;
    hard.flagged += p.flagged;
    hard.personas.push(name);
  }
  hard.fpr = ratio(hard.flagged, hard.accounts, 0);
  hard.personas.sort();
  return { personas, hard_negatives: hard };
}
