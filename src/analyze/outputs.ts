// Writers for the analysis folder (contract §2): accounts.jsonl, campaigns.jsonl, rejected.jsonl
// and summary.json. Times are written as RFC 3339 strings.
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import type { AccountVerdict, Campaign } from "../scoring/index.js";
import type { Rejection } from "../events/decode.js";

/** RFC 3339 (UTC) of epoch ms, or null. */
export function iso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined || !Number.isFinite(ms) ? null : new Date(ms).toISOString();
}

/** One accounts.jsonl line. */
export function accountLine(v: AccountVerdict): string {
  return JSON.stringify({
    account: v.account,
    score: v.score,
    verdict: v.verdict,
    campaign: v.campaign,
    first_flagged_at: iso(v.firstFlaggedAt),
    reasons: v.reasons,
    requests: v.requests,
    first_seen: iso(v.firstSeen),
    last_seen: iso(v.lastSeen),
  });
}

/** One campaigns.jsonl line. */
export function campaignLine(c: Campaign): string {
  return JSON.stringify({
    campaign: c.campaign,
    accounts: c.accounts,
    score: c.score,
    requests: c.requests,
    first_seen: iso(c.firstSeen),
    last_seen: iso(c.lastSeen),
    targets: c.targets,
    indicators: c.indicators,
    reasons: c.reasons,
  });
}

/** One rejected.jsonl line. */
export function rejectionLine(r: Rejection): string {
  return JSON.stringify({ file: r.file, line: r.line, reason: r.reason, text: r.text });
}

/** A JSONL writer honouring back-pressure. */
export class JsonlWriter {
  private readonly stream: WriteStream;
  count = 0;
  constructor(path: string) {
    this.stream = createWriteStream(path);
  }
  /** Writes one line (already serialised). */
  async write(line: string): Promise<void> {
    this.count += 1;
    if (!this.stream.write(line + "\n")) await once(this.stream, "drain");
  }
  /** Flushes and closes the file. */
  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, "finish");
  }
}
