// The importers other modules may use, by name, and format auto-detection.
import { DistillwatchError } from "../../errors.js";
import { anthropicImporter } from "./anthropic.js";
import { heliconeImporter } from "./helicone.js";
import type { Importer } from "./importer.js";
import { jsonlImporter } from "./jsonl.js";
import { langfuseImporter } from "./langfuse.js";
import { litellmImporter } from "./litellm.js";
import { openaiImporter } from "./openai.js";
import { otelImporter } from "./otel.js";
import { portkeyImporter } from "./portkey.js";

export type { ExchangeCandidate, Importer } from "./importer.js";

/**
 * Every importer, in detection order: native JSONL first, then the tools with distinctive
 * top-level fields, and the bare provider-body logs (OpenAI, Anthropic) last.
 */
export const importers: readonly Importer[] = [
  jsonlImporter,
  otelImporter,
  langfuseImporter,
  litellmImporter,
  heliconeImporter,
  portkeyImporter,
  anthropicImporter,
  openaiImporter,
];

/** The importer for a `--format` name; a usage error listing the valid names otherwise. */
export function getImporter(name: string): Importer {
  const found = importers.find((i) => i.name === name);
  if (found === undefined) {
    throw new DistillwatchError(
      "usage",
      `unknown format "${name}"; valid formats: ${importers.map((i) => i.name).join(", ")}`,
    );
  }
  return found;
}

/** The first importer whose `detect` accepts the record, or undefined. */
export function detectImporter(record: unknown): Importer | undefined {
  return importers.find((i) => i.detect(record));
}
