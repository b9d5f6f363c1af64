// File readers for the shared corpora, each handling one of the MANIFEST parsing caveats:
// lines split on "\n" only (Arena-Hard v2 holds U+2028), JSONL lines that fail to parse are
// skipped and counted (InstructionWild's bad escapes), gzip files, header-less quoted CSV.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

/** Called once per record a reader had to drop. */
export type SkipHandler = (file: string, reason: string) => void;

/** Reads a UTF-8 file, gunzipping when the name ends in .gz. */
export function readText(path: string): string {
  const raw = readFileSync(path);
  return (path.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
}

/** Parses JSON Lines, splitting on "\n" only; unparseable lines go to onSkip. */
export function readJsonl(path: string, onSkip: SkipHandler): unknown[] {
  const out: unknown[] = [];
  for (const line of readText(path).split("\n")) {
    const t = line.trim();
    if (t === "") continue;
    try {
      out.push(JSON.parse(t));
    } catch {
      onSkip(path, "invalid JSON line");
    }
  }
  return out;
}

/** Parses a whole-file JSON document. */
export function readJson(path: string): unknown {
  return JSON.parse(readText(path));
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Literal values of a derived `extracts/*.literals.json` file, with the variable they were assigned to. */
export function readLiterals(path: string): { name: string; value: string; kind: string }[] {
  const doc = readJson(path);
  const lits = isRecord(doc) && Array.isArray(doc.literals) ? doc.literals : [];
  return lits.flatMap((l: unknown) =>
    isRecord(l) && typeof l.value === "string"
      ? [
          {
            name: typeof l.assigned_to === "string" ? l.assigned_to : "",
            value: l.value,
            kind: String(l.kind ?? ""),
          },
        ]
      : [],
  );
}

/** Files directly inside dir whose names end with ext, sorted; [] if dir is missing. */
export function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => join(dir, f));
}

/** Narrows unknown to a plain object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The string field key of v, or '' when absent or not a string. */
export function str(v: unknown, key: string): string {
  return isRecord(v) && typeof v[key] === "string" ? v[key] : "";
}

/** Joins an instruction and its optional input the way Alpaca-style prompts present them. */
export function withInput(instruction: string, input: string): string {
  const i = input.trim();
  return i === "" || i === "<noinput>" ? instruction : `${instruction}\n\n${i}`;
}
