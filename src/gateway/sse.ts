// Server-sent events framing (WHATWG HTML §9.2): events end at a blank line; `data:` lines join
// with newlines. Used on the side to read a captured stream, and in line to filter degraded streams.
import { StringDecoder } from "node:string_decoder";

/** One SSE event: its `event:` name (if any) and its joined `data:` payload. */
export interface SseEvent {
  event?: string;
  data: string;
}

/** Parses one raw event block (without the terminating blank line). */
export function parseSseBlock(block: string): SseEvent | undefined {
  let event: string | undefined;
  const data: string[] = [];
  for (const line of block.split(/\r\n|\r|\n/)) {
    if (line.startsWith("data:")) data.push(line.slice(line.charCodeAt(5) === 32 ? 6 : 5));
    else if (line.startsWith("event:")) event = line.slice(6).trim();
  }
  if (data.length === 0 && event === undefined) return undefined;
  return event === undefined ? { data: data.join("\n") } : { event, data: data.join("\n") };
}

const boundary = /\r\n\r\n|\n\n|\r\r/;

/** Splits a whole captured stream into events. */
export function parseSseText(text: string): SseEvent[] {
  const out: SseEvent[] = [];
  for (const block of text.split(boundary)) {
    const e = parseSseBlock(block);
    if (e) out.push(e);
  }
  return out;
}

/** Incremental splitter: feed chunks, get complete raw event blocks (boundary included) as they close. */
export class SseSplitter {
  private readonly decoder = new StringDecoder("utf8");
  private buffer = "";

  /** Adds a chunk; returns the raw event blocks it completed. */
  push(chunk: Buffer): string[] {
    this.buffer += this.decoder.write(chunk);
    const blocks: string[] = [];
    for (;;) {
      const m = boundary.exec(this.buffer);
      if (!m) break;
      const end = m.index + m[0].length;
      blocks.push(this.buffer.slice(0, end));
      this.buffer = this.buffer.slice(end);
    }
    return blocks;
  }

  /** Whatever is left when the stream ends (an unterminated last event). */
  flush(): string {
    const rest = this.buffer + this.decoder.end();
    this.buffer = "";
    return rest;
  }
}
