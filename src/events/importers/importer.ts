// The importer interface: each gateway/log format maps its records onto contract fields.
// Importers produce plain objects; the contract's zod schema validates them afterwards, so a
// bad record is reported with the same line-numbered reasons as native JSONL.

/** One record mapped onto the exchange contract (not yet validated). */
export type ExchangeCandidate = Record<string, unknown>;

/** A log format distillwatch can read. */
export interface Importer {
  /** Name used with `--format` (e.g. `litellm`). */
  readonly name: string;
  /** One line describing the format, for `--help`. */
  readonly description: string;
  /** True when a decoded record looks like this format (used for auto-detection). */
  detect(record: unknown): boolean;
  /**
   * Maps one decoded record (one JSONL line, or one element of a JSON array export) to zero or
   * more exchange candidates (an OTLP export line holds many spans). Throws an Error whose
   * message names the field when the record cannot be mapped.
   */
  toExchanges(record: unknown): ExchangeCandidate[];
}
