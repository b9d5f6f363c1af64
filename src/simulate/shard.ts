// Renders the exchanges of one shard of accounts, in (ts, account index) order, into batches.
// Every shard plans the whole scenario (planning draws from one sequential stream, so it can't
// be split) but only runs its own accounts; the merger interleaves shards by the same key, so
// the output bytes are the same whatever the number of shards.
import { Actor } from "./actor.js";
import { ID_DIGITS, ID_MARK, META_FIXED, type Batch } from "./batch.js";
import type { Corpora } from "./corpus.js";
import { TimeHeap } from "./heap.js";
import type { AccountPlan } from "./plan.js";
import { hash32 } from "./rng.js";
import { planScenario } from "./plan-scenario.js";

/** Which part of which run a renderer produces. */
export interface ShardJob {
  readonly scenario: string;
  readonly seed: number;
  readonly scale: number;
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
  const order = plans.map((p, i) => i).sort((a, b) => (plans[b]?.budget ?? 0) - (plans[a]?.budget ?? 0) || a - b);
  const load = new Float64Array(shards);
  for (const i of order) {
    let best = 0;
    for (let s = 1; s < shards; s++) if ((load[s] ?? 0) < (load[best] ?? 0)) best = s;
    owner[i] = best;
    load[best] = (load[best] ?? 0) + (plans[i]?.budget ?? 0);
  }
  return owner;
}

interface Pending {
  line: string;
  tsv: string;
  ts: number;
  actor: number;
}

/** Produces one shard's exchanges batch by batch. */
export class ShardRenderer {
  readonly accounts: AccountInfo[] = [];
  readonly expected: number;
  private readonly actors: Actor[] = [];
  private readonly global: number[] = [];
  private readonly heap: TimeHeap;
  private readonly markedId: string;
  private pending: Pending | null = null;

  constructor(job: ShardJob, corpora: Corpora) {
    const { plans, releaseAt, expected } = planScenario(job.scenario, job.seed, job.scale);
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
    this.markedId = idPrefix(job.seed, job.scenario) + String.fromCharCode(ID_MARK).repeat(ID_DIGITS);
  }

  /** Fills `b` with the next exchanges; sets `b.done` on the last batch. May grow `b.data`. */
  fill(b: Batch): void {
    let data = Buffer.from(b.data);
    const meta = new Int32Array(b.meta);
    const ts = new Float64Array(b.ts);
    let off = 0;
    let m = 0;
    let count = 0;
    for (;;) {
      const rec = this.pending ?? this.next();
      this.pending = null;
      if (!rec) break;
      const worst = (rec.line.length + rec.tsv.length) * 3;
      if (count === ts.length || m + META_FIXED + rec.line.length / ID_DIGITS > meta.length || off + worst > data.length) {
        if (count > 0) {
          this.pending = rec;
          break;
        }
        data = Buffer.from(new ArrayBuffer(worst)); // a line larger than a whole batch: rare, give it its own
        b.data = data.buffer;
      }
      const start = off;
      const lineBytes = data.write(rec.line, off);
      off += lineBytes;
      const tsvBytes = rec.tsv.length ? data.write(rec.tsv, off) : 0;
      off += tsvBytes;
      meta[m] = rec.actor;
      meta[m + 1] = start;
      meta[m + 2] = lineBytes;
      meta[m + 3] = tsvBytes;
      let marks = 0;
      for (let p = rec.line.indexOf("\u0001"); p >= 0; p = rec.line.indexOf("\u0001", p + ID_DIGITS)) {
        // offsets are in bytes: convert only when the line has multi-byte characters
        meta[m + META_FIXED + marks++] = lineBytes === rec.line.length ? p : Buffer.byteLength(rec.line.slice(0, p));
      }
      meta[m + 4] = marks;
      m += META_FIXED + marks;
      ts[count++] = rec.ts;
    }
    b.count = count;
    b.done = count === 0 || (this.pending === null && this.heap.size === 0);
  }

  private next(): Pending | null {
    const heap = this.heap;
    if (heap.size === 0) return null;
    const i = heap.peek();
    const a = this.actors[i];
    if (!a) throw new Error("heap holds an unknown actor");
    const ts = a.nextTs;
    const line = a.emit(this.markedId);
    const tsv = a.lastCampaign === null ? "" : `${this.markedId}\t${a.plan.id}\t${ts}\t${a.lastCampaign}\n`;
    if (Number.isFinite(a.nextTs)) heap.updateTop(a.nextTs);
    else heap.pop();
    return { line: line + "\n", tsv, ts, actor: this.global[i] ?? -1 };
  }
}
