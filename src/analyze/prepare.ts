// The per-line work of analysis that needs no shared state, so it can run in worker threads:
// decode and validate each line, reduce it to facts, score its content and compute its
// template band keys. Request text is dropped from the facts once an account has enough
// evidence samples (saves copying kilobytes per exchange between threads).
import { LineDecoder, type Rejection } from "../events/decode.js";
import { toFacts } from "../events/normalize.js";
import type { Exchange } from "../events/contract.js";
import type { LineBatch } from "../events/read-lines.js";
import type { ContentModel } from "../signals/content/index.js";
import { annotateContent, templateText } from "../signals/annotate.js";
import { templateKeys } from "../signals/template/index.js";
import type { PreparedBatch, PreparedExchange } from "./prepared.js";

export type { PoolBatch, PreparedBatch, PreparedExchange } from "./prepared.js";

const SAMPLE_CHARS = 2000;

/** Prepares batches of one file's lines (holds the file's importer choice). */
export class BatchPreparer {
  private readonly decoders = new Map<string, LineDecoder>();
  private readonly samples = new Map<string, number>();
  constructor(
    private readonly model: ContentModel,
    private readonly format: string | undefined,
    private readonly samplesPerAccount: number,
  ) {}

  /** Decodes, validates and annotates one batch of lines of `file`. */
  prepare(file: string, batch: LineBatch): PreparedBatch {
    let decoder = this.decoders.get(file);
    if (!decoder) this.decoders.set(file, (decoder = new LineDecoder(file, this.format)));
    const exchanges: Exchange[] = [];
    const rejected: Rejection[] = [];
    for (let i = 0; i < batch.lines.length; i++)
      decoder.decode(batch.lines[i]!, batch.firstLine + i, exchanges, rejected);
    const items: PreparedExchange[] = [];
    for (const e of exchanges) {
      const facts = toFacts(e);
      const content = annotateContent(this.model, facts);
      const keys = templateKeys(facts.system, templateText(facts));
      const seen = this.samples.get(facts.account) ?? 0;
      const sampled = seen < this.samplesPerAccount;
      if (sampled) {
        this.samples.set(facts.account, seen + 1);
        facts.system = facts.system.slice(0, SAMPLE_CHARS);
        facts.prompt = facts.prompt.slice(0, SAMPLE_CHARS);
        facts.opener = facts.opener?.slice(0, SAMPLE_CHARS);
      } else {
        facts.system = "";
        facts.prompt = "";
        facts.opener = undefined;
        facts.output = undefined;
      }
      items.push({ facts, content, templateKeys: keys, sampled });
    }
    return { items, rejected, lines: batch.lines.length, bytesRead: batch.bytesRead, format: decoder.format };
  }
}
