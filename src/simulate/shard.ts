// Renders the exchanges of one shard of accounts, in (ts, account index) order, into batches.
// Every shard plans the whole scenario (planning draws from one sequential stream, so it can't
// be split) but only runs its own accounts; the merger interleaves shards by the same key, so
// the output bytes are the same whatever the number of shards.
import { Actor } from "./actor.js";
import { META_FIXED, type Batch } from "./batch.js";
import type { Corpora } from "./corpus.js";
import { TimeHeap } from "./heap.js";
import type { AccountPlan } from "./plan.js";
import { LineBuf } from "./line-buf.js";
import { hash32 } from "./rng.js";
import { planScenario } from "./plan-scenario.js";

/** Which part of which run a renderer produces. */
export interface ShardJob {
  readonly scenario: string;
  readonly seed: number;
  readonly scale: number;
  /** Share of ordinary chat every campaign account mixes into its traffic (0: none). */
  readonly camouflage?: number;
  /** Whether every campaign account keeps one exit of its own instead of rotating through its pool. */
  readonly fixedExits?: boolean;
  readonly shard: number;
  readonly shards: number;
}

/** What truth.jsonl says about an account, plus its global index. */
export interface AccountInfo {
  readonly index: number;
  readonly id: string;
  readonly label: "attack" | "benign";
  readonly campaign: string | null;
  readonly persona: string;
}

/** The id prefix (`req_` + per-run salt) the merger must know to place the counter digits. */
export function idPrefix(seed: number, scenario: string): string {
  return `req_${hash32(seed, scenario).toString(36)}`;
}

/** Splits accounts over shards by planned budget, largest first onto the least-loaded shard (LPT). */
export function assignShards(plans: readonly AccountPlan[], shards: number): Int32Array {
  const owner = new Int32Array(plans.length);
  if (shards <= 1) return owner;
  const order = plans
    .map((p, i) => i)
    .sort((a, b) => (plans[b]?.budget ?? 0) - (plans[a]?.budget ?? 0) || a - b);
  const load = new Float64Array(shards);
  for (const i of order) {
    let best = 0;
    for (let s = 1; s < shards; s++) if ((load[s] ?? 0) < (load[best] ?? 0)) best = s;
    owner[i] = best;
    load[best] = (load[best] ?? 0) + (plans[i]?.budget ?? 0);
  }
  return owner;
}

/** Produces one shard's exchanges batch by batch. */
export class ShardRenderer {
  readonly accounts: AccountInfo[] = [];
  readonly expected: number;
  private readonly actors: Actor[] = [];
  private readonly global: number[] = [];
  private readonly heap: TimeHeap;
  /** Renders records straight into the batch being filled. */
  private readonly line: LineBuf;
  /** A rendered record (line, then tsv row) that did not fit the last batch: it opens the next. */
  private pending = false;
  private lineLen = 0;
  /** Id marks in the line (the truth row's id, rendered after them, is found by position). */
  private lineMarks = 0;
  private ts = 0;
  private actor = 0;

  constructor(job: ShardJob, corpora: Corpora) {
    const { plans, releaseAt, expected } = planScenario(job.scenario, job.seed, job.scale, {
      camouflage: job.camouflage,
      fixedExits: job.fixedExits,
    });
    this.expected = expected;
    const owner = assignShards(plans, job.shards);
    const ctx = { corpora, releaseAt };
    plans.forEach((p, i) => {
      if (owner[i] !== job.shard) return;
      this.accounts.push({ index: i, id: p.id, label: p.label, campaign: p.campaign, persona: p.persona });
      this.actors.push(new Actor(p, ctx));
      this.global.push(i);
    });
    // local indices follow global order, so the heap's index tie-break matches the merger's
    this.heap = new TimeHeap(this.actors.length);
    this.actors.forEach((a, i) => {
      if (Number.isFinite(a.nextTs)) this.heap.push(a.nextTs, i);
    });
    this.line = new LineBuf(idPrefix(job.seed, job.scenario));
  }

  /** Fills `b` with the next exchanges; sets `b.done` on the last batch. May grow `b.data`. */
  fill(b: Batch): void {
    if (this.pending) {
      // a record larger than a whole batch (rare) gets buffers of its own size
      const rowLen = this.line.record().length - this.lineLen;
      const metaBytes = 4 * (META_FIXED + this.lineMarks);
      if (this.lineLen > b.data.byteLength) b.data = new ArrayBuffer(this.lineLen);
      if (rowLen > b.tsv.byteLength) b.tsv = new ArrayBuffer(rowLen);
      if (metaBytes > b.meta.byteLength) b.meta = new ArrayBuffer(metaBytes);
    }
    const data = Buffer.from(b.data);
    const tsv = Buffer.from(b.tsv);
    const meta = new Int32Array(b.meta);
    const ts = new Float64Array(b.ts);
    const line = this.line;
    let m = 0;
    let count = 0;
    let tsvOff = 0;
    if (this.pending) {
      // the record waits in the line's side buffer (line, then truth row): it opens this batch
      const rec = line.record();
      const lineLen = this.lineLen;
      rec.copy(data, 0, 0, lineLen);
      tsvOff = rec.copy(tsv, 0, lineLen);
      this.pending = false;
      m = this.describe(meta, m, lineLen, tsvOff);
      ts[count++] = this.ts;
      line.target(data, lineLen);
    } else line.target(data, 0);
    while (count < ts.length && this.heap.size > 0) {
      line.begin();
      this.next();
      const lineEnd = line.start + this.lineLen;
      const tsvLen = line.off - lineEnd;
      if (line.spilled || m + META_FIXED + line.markCount > meta.length || tsvOff + tsvLen > tsv.length) {
        this.pending = true;
        if (!line.spilled) line.spill();
        if (count > 0) break;
        // not even one record fits an empty batch: place it now, in a batch of its own size
        this.fill(b);
        return;
      }
      if (tsvLen > 0) {
        // the truth row was rendered after the line; it goes to the batch's truth rows
        tsvOff += line.buf.copy(tsv, tsvOff, lineEnd, line.off);
        line.off = lineEnd;
      }
      m = this.describe(meta, m, this.lineLen, tsvLen);
      ts[count++] = this.ts;
    }
    b.count = count;
    b.done = !this.pending && this.heap.size === 0;
  }

  /** Writes one record's metadata at `m` (see batch.ts); returns the next free slot. */
  private describe(meta: Int32Array, m: number, lineLen: number, tsvLen: number): number {
    const line = this.line;
    const marks = this.lineMarks;
    meta[m] = this.actor;
    meta[m + 1] = lineLen;
    meta[m + 2] = tsvLen;
    meta[m + 3] = marks;
    for (let k = 0; k < marks; k++) meta[m + META_FIXED + k] = line.marks[k] as number;
    return m + META_FIXED + marks;
  }

  /** Renders the next record (its line, then its truth row if it belongs to a campaign). */
  private next(): void {
    const heap = this.heap;
    const i = heap.peek();
    const a = this.actors[i];
    if (!a) throw new Error("heap holds an unknown actor");
    const line = this.line;
    const ts = a.nextTs;
    this.ts = ts;
    this.actor = this.global[i] ?? -1;
    a.emit(line);
    line.byte(10);
    this.lineLen = line.off - line.start;
    this.lineMarks = line.markCount;
    const campaign = a.lastCampaign;
    if (campaign !== null) {
      line.id();
      line.byte(9);
      line.raw(a.idBytes);
      line.byte(9);
      line.int(ts);
      line.byte(9);
      line.raw(campaign);
      line.byte(10);
    }
    if (Number.isFinite(a.nextTs)) heap.updateTop(a.nextTs);
    else heap.pop();
  }
}
