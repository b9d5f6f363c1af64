// Sample records per format, for tests and detection checks.
import { anthropicSamples } from "./anthropic.js";
import { heliconeSamples } from "./helicone.js";
import { jsonlSamples } from "./jsonl.js";
import { langfuseSamples } from "./langfuse.js";
import { litellmSamples } from "./litellm.js";
import { openaiSamples } from "./openai.js";
import { otelSamples } from "./otel.js";
import { portkeySamples } from "./portkey.js";

/** Sample records keyed by the `--format` name that should read them. */
export const samplesByFormat: Record<string, readonly unknown[]> = {
  jsonl: jsonlSamples,
  openai: openaiSamples,
  anthropic: anthropicSamples,
  litellm: litellmSamples,
  langfuse: langfuseSamples,
  helicone: heliconeSamples,
  portkey: portkeySamples,
  otel: otelSamples,
};
