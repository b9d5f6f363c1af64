// The terminal form of an EvalReport: the same figures as eval.json, as aligned text tables.
import type { EvalReport } from "./report.js";

/** Aligns rows into columns: first column left, the rest right. */
function columns(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}

/** A share as a fixed 3-decimal number. */
const fix = (x: number): string => x.toFixed(3);

/** A duration in ms as a short human string (e.g. `-2.5 s`, `3.2 h`), or `—` when unknown. */
function duration(ms: number | null): string {
  if (ms === null) return "—";
  const a = Math.abs(ms);
  if (a < 1_000) return `${ms} ms`;
  if (a < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  if (a < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (a < 86_400_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  return `${(ms / 86_400_000).toFixed(1)} d`;
}

/** Readable multi-section table of an evaluation report, for the terminal. */
export function formatEvalTable(r: EvalReport): string {
  const a = r.accounts;
  const out: string[] = ["Accounts"];
  out.push(
    ...columns([
      ["", "tp", "fp", "fn", "tn", "precision", "recall", "f1", "fpr"],
      [
        "",
        `${a.tp}`,
        `${a.fp}`,
        `${a.fn}`,
        `${a.tn}`,
        fix(a.precision),
        fix(a.recall),
        fix(a.f1),
        fix(a.fpr),
      ],
    ]).map((l) => ` ${l}`),
  );
  if (a.review.attack + a.review.benign > 0)
    out.push(` review (not flagged): ${a.review.attack} attack, ${a.review.benign} benign`);

  const personaRows = (hard: boolean) =>
    Object.entries(r.personas)
      .filter(([, p]) => p.hard === hard)
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([name, p]) => [`  ${name}`, `${p.accounts}`, `${p.flagged}`, fix(p.fpr)]);
  const h = r.hard_negatives;
  out.push(
    "",
    ...columns([
      ["Benign personas", "accounts", "flagged", "fpr"],
      ...personaRows(false),
      ["Hard negatives", `${h.accounts}`, `${h.flagged}`, fix(h.fpr)],
      ...personaRows(true),
    ]),
  );

  const c = r.campaigns;
  out.push("", `Campaigns: ${c.count}   ARI ${fix(c.ari)}`);
  out.push(
    ...columns([
      ["", "caught", "time to detect", "harvest before flag"],
      ...Object.keys(c.caught).map((name) => [
        `  ${name}`,
        fix(c.caught[name] ?? 0),
        duration(c.time_to_detect_ms[name] ?? null),
        c.harvest_before_flag[name] === undefined ? "—" : fix(c.harvest_before_flag[name]),
      ]),
    ]),
  );

  const basis =
    r.harvest_basis === "exchanges"
      ? `${r.harvest.harvested} of ${r.harvest.exchanges} campaign exchanges`
      : "approximate: per account, no truth-exchanges.tsv";
  out.push("", `Harvest before flag: ${fix(r.harvest_before_flag)} (${basis})`);
  if (r.harvest.flagged_without_time > 0) {
    out.push(
      `  ${r.harvest.flagged_without_time} flagged attack accounts had no first_flagged_at; their traffic counts as harvested`,
    );
  }
  if (r.inputs.unknown_accounts > 0)
    out.push(`  ${r.inputs.unknown_accounts} result accounts are not in the truth (ignored)`);
  return `${out.join("\n")}\n`;
}
