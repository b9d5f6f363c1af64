// The gateway's live link to the detector. Finished exchanges are queued and ingested off the
// request path; the detector's verdicts land in an in-memory table that the fast path reads.
// Detector errors and backlog are tracked so the policy can fail open or closed
// (config.policy.failMode / maxDecisionAgeMs). Two implementations: `DetectorLink` runs an
// injected Detector on this thread (setImmediate slices; tests and embedders), `WorkerDetectorLink`
// (worker-link.ts) runs the engine in a worker thread so ingest never holds up a request.
import type { Detector } from "../engine/types.js";
import type { PolicyVerdict } from "../policy/index.js";
import type { AccountVerdict } from "../scoring/types.js";
import type { ExchangeRow } from "../store/types.js";
import type { FinishedExchange } from "./exchange-record.js";
import { IngestCore, type IngestOutcome } from "./ingest-core.js";

/** Whether the detector's verdicts can be trusted right now, and why not. */
export interface DetectorHealth {
  healthy: boolean;
  reason?: "detector-error" | "verdicts-lagging";
  /** Age of the oldest exchange waiting to be ingested, ms. */
  lagMs: number;
  queued: number;
  ingested: number;
  dropped: number;
  /** Exchanges whose request body was not a JSON object (relayed as sent, not learnt from). */
  rejected: number;
  /** Which exchange was last rejected, and why. */
  lastRejection?: string;
  lastError?: string;
  /** Worker mode: how often the detector thread was restarted after a crash. */
  restarts?: number;
}

/** Options of the link. */
export interface DetectorLinkOptions {
  maxDecisionAgeMs: number;
  /** Exchanges kept waiting at most; beyond that new ones are dropped (and counted). */
  maxQueue?: number;
  /** Called with each ingested exchange's row, to persist it. */
  onRow?: (row: ExchangeRow) => void;
  /** Called with verdicts that changed, to persist them. */
  onVerdicts?: (changed: AccountVerdict[]) => void;
}

/** What the fast path and the admin endpoints need from a live detector. */
export interface LiveDetector {
  /** The account's latest verdict, from memory. */
  verdictOf(account: string): PolicyVerdict | undefined;
  /** All verdicts currently held. */
  verdicts(): IterableIterator<[string, PolicyVerdict]>;
  /** Recent detector signals of the account (decaying average). */
  signalsOf(account: string): Record<string, number> | undefined;
  /** The mined template of a request with this template key, else the account's last template. */
  templateOf(templateKey: string | undefined, account: string): string | undefined;
  /** Queues a finished exchange for ingestion. */
  record(x: FinishedExchange): void;
  /** Just the healthy flag (no allocation), for the per-request decision. */
  healthy(now: number): boolean;
  /** Health as the admin endpoint and the health audit need it. */
  health(now?: number): DetectorHealth;
  /** Resolves once everything recorded so far has been ingested (tests and shutdown). */
  idle(): Promise<void>;
  /** Stops the link. */
  close(): void;
}

interface Queued {
  x: FinishedExchange;
  at: number;
}

const sliceBudgetMs = 4;

/** The verdict table, signal and template maps the fast path reads; filled from ingest outcomes. */
export class VerdictTables {
  readonly verdictTable = new Map<string, PolicyVerdict>();
  readonly accountSignals = new Map<string, Record<string, number>>();
  private readonly templates = new Map<string, string>();
  private readonly accountTemplates = new Map<string, string>();

  setVerdict(
    account: string,
    score: number,
    verdict: PolicyVerdict["verdict"],
    campaign: string | null,
  ): void {
    this.verdictTable.set(account, { score, verdict, campaign });
  }

  templateOf(templateKey: string | undefined, account: string): string | undefined {
    return (
      (templateKey !== undefined ? this.templates.get(templateKey) : undefined) ??
      this.accountTemplates.get(account)
    );
  }

  /** Applies what one ingest changed. */
  apply(o: IngestOutcome): void {
    if (o.verdict) this.setVerdict(o.verdict.account, o.verdict.score, o.verdict.verdict, o.verdict.campaign);
    this.setSignals(o.account, o.signals);
    if (o.template) this.setTemplate(o.account, o.templateKey, o.template);
  }

  setSignals(account: string, signals: Record<string, number>): void {
    if (this.accountSignals.size >= 500_000 && !this.accountSignals.has(account)) this.accountSignals.clear();
    this.accountSignals.set(account, signals);
  }

  setTemplate(account: string, templateKey: string | undefined, template: string): void {
    if (this.accountTemplates.size >= 500_000 && !this.accountTemplates.has(account))
      this.accountTemplates.clear();
    this.accountTemplates.set(account, template);
    if (templateKey !== undefined) {
      if (this.templates.size >= 200_000) this.templates.clear();
      this.templates.set(templateKey, template);
    }
  }
}

/** Queue, verdict table and health around one Detector running on this thread. */
/** The fast-path reads every live detector serves from its verdict tables. */
export abstract class TableReads {
  protected readonly tables = new VerdictTables();

  verdictOf(account: string): PolicyVerdict | undefined {
    return this.tables.verdictTable.get(account);
  }

  verdicts(): IterableIterator<[string, PolicyVerdict]> {
    return this.tables.verdictTable.entries();
  }

  signalsOf(account: string): Record<string, number> | undefined {
    return this.tables.accountSignals.get(account);
  }

  templateOf(templateKey: string | undefined, account: string): string | undefined {
    return this.tables.templateOf(templateKey, account);
  }
}

export class DetectorLink extends TableReads implements LiveDetector {
  private readonly queue: (Queued | undefined)[] = [];
  private head = 0;
  private scheduled = false;
  private readonly core: IngestCore;
  private dropped = 0;
  private readonly unsubscribe: () => void;
  private readonly drainBound = (): void => this.drain();

  constructor(
    detector: Detector,
    private readonly opts: DetectorLinkOptions,
  ) {
    super();
    this.core = new IngestCore(detector);
    this.unsubscribe = detector.onVerdicts((changed) => {
      for (const v of changed) this.tables.setVerdict(v.account, v.score, v.verdict, v.campaign);
      opts.onVerdicts?.(changed);
    });
  }

  record(x: FinishedExchange): void {
    if (this.queue.length - this.head >= (this.opts.maxQueue ?? 100_000)) {
      this.dropped += 1;
      return;
    }
    this.queue.push({ x, at: Date.now() });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.drainBound);
    }
  }

  healthy(now: number): boolean {
    if (this.core.failedAt !== undefined) return false;
    const oldest = this.queue[this.head];
    return !oldest || now - oldest.at <= this.opts.maxDecisionAgeMs;
  }

  health(now = Date.now()): DetectorHealth {
    const oldest = this.queue[this.head];
    const lagMs = oldest ? now - oldest.at : 0;
    const h: DetectorHealth = {
      healthy: true,
      lagMs,
      queued: this.queue.length - this.head,
      ingested: this.core.ingested,
      dropped: this.dropped,
      rejected: this.core.rejected,
    };
    if (this.core.lastRejection !== undefined) h.lastRejection = this.core.lastRejection;
    if (this.core.lastError !== undefined) h.lastError = this.core.lastError;
    if (this.core.failedAt !== undefined) {
      h.healthy = false;
      h.reason = "detector-error";
    } else if (lagMs > this.opts.maxDecisionAgeMs) {
      h.healthy = false;
      h.reason = "verdicts-lagging";
    }
    return h;
  }

  async idle(): Promise<void> {
    while (this.queue.length - this.head > 0 || this.scheduled) await new Promise((r) => setImmediate(r));
  }

  close(): void {
    this.unsubscribe();
  }

  private drain(): void {
    const deadline = performance.now() + sliceBudgetMs;
    while (this.head < this.queue.length && performance.now() < deadline) {
      const q = this.queue[this.head];
      this.queue[this.head] = undefined;
      this.head += 1;
      if (q) this.ingestOne(q);
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    if (this.head < this.queue.length) setImmediate(this.drainBound);
    else this.scheduled = false;
  }

  private ingestOne(q: Queued): void {
    const o = this.core.ingest(q.x, q.at, this.opts.onRow !== undefined);
    if (!o) return;
    this.tables.apply(o);
    if (o.row) this.opts.onRow?.(o.row);
  }
}
