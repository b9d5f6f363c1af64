// The per-line work of analysis that needs no shared state, so it can run in worker threads:
// decode and validate each line, reduce it to facts, score its content and compute its
// template band keys. Request text is dropped from the facts once an account has enough
// evidence samples (saves copying kilobytes per exchange between threads).
import { LineDecoder, type Rejection } from "../events/decode.js";
import { toFacts } from "../events/normalize.js";
import type { Exchange } from "../events/contract.js";
import type { LineBatch } from "../events/read-lines.js";
import { chunkLines } from "../events/read-chunks.js";
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
    return this.prepareLines(file, batch.lines, batch.firstLine, batch.bytesRead);
  }

  /** Like `prepare`, for a chunk of raw line bytes (see `chunkLines`); its lines are numbered from 1. */
  prepareBytes(file: string, bytes: Uint8Array, bytesRead: number): PreparedBatch {
    return this.prepareLines(file, chunkLines(bytes), 1, bytesRead);
  }

  private prepareLines(
    file: string,
    lines: Iterable<string>,
    firstLine: number,
    bytesRead: number,
  ): PreparedBatch {
    let decoder = this.decoders.get(file);
    if (!decoder) this.decoders.set(file, (decoder = new LineDecoder(file, this.format)));
    const exchanges: Exchange[] = [];
    const rejected: Rejection[] = [];
    const items: PreparedExchange[] = [];
    let line = firstLine;
    for (const text of lines) {
      decoder.decode(text, line++, exchanges, rejected);
      // Each line's records are reduced at once, so they die young: decoding the whole batch
      // first kept ~2 MB of parsed records alive across young-generation collections.
      for (const e of exchanges) items.push(this.prepareOne(e));
      exchanges.length = 0;
    }
    return { items, rejected, lines: line - firstLine, bytesRead, format: decoder.format };
  }

  private prepareOne(e: Exchange): PreparedExchange {
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
    return { facts, content, templateKeys: keys, sampled };
  }
}
