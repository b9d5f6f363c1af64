// Decodes raw lines into validated exchanges: JSON.parse, the importer's mapping, then the
// contract's zod schema. Each bad line becomes a Rejection naming its line and reason; the
// good lines of the same batch are unaffected.
import { validateExchange, type Exchange } from "./contract.js";
import { detectImporter, getImporter } from "./importers/index.js";
import type { Importer } from "./importers/importer.js";

/** A line that is not an exchange. */
export interface Rejection {
  file: string;
  line: number;
  reason: string;
  /** The first 200 characters of the line, for the quarantine file. */
  text: string;
}

/** Chooses the importer per file: fixed by `--format`, else detected from the first record. */
export class LineDecoder {
  private importer: Importer | undefined;
  constructor(
    private readonly file: string,
    format?: string,
  ) {
    if (format && format !== "auto") this.importer = getImporter(format);
  }

  /** Name of the importer in use (after the first decodable record). */
  get format(): string | undefined {
    return this.importer?.name;
  }

  /** Decodes one line; pushes exchanges into `out` and rejections into `rejected`. */
  decode(text: string, line: number, out: Exchange[], rejected: Rejection[]): void {
    if (text.length === 0 || text.trim().length === 0) return;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (e) {
      rejected.push({
        file: this.file,
        line,
        reason: `not valid JSON: ${(e as Error).message}`,
        text: text.slice(0, 200),
      });
      return;
    }
    let importer = this.importer;
    if (!importer) {
      importer = detectImporter(record);
      if (!importer) {
        // Fall back to the contract itself so the reason names the missing/wrong field.
        const v = validateExchange(record);
        if (v.ok) out.push(v.exchange);
        else rejected.push({ file: this.file, line, reason: v.reason, text: text.slice(0, 200) });
        return;
      }
      this.importer = importer;
    }
    let candidates: Record<string, unknown>[];
    try {
      candidates = importer.toExchanges(record);
    } catch (e) {
      rejected.push({
        file: this.file,
        line,
        reason: `${importer.name}: ${(e as Error).message}`,
        text: text.slice(0, 200),
      });
      return;
    }
    for (const c of candidates) {
      const v = validateExchange(c);
      if (v.ok) out.push(v.exchange);
      else rejected.push({ file: this.file, line, reason: v.reason, text: text.slice(0, 200) });
    }
  }
}
