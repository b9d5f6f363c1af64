// Batches the gateway's writes (audit entries, exchange rows, verdicts, review cases) and flushes
// them on a timer, off the request path: a request never waits for the store.
import type { AccountVerdict } from "../scoring/types.js";
import type { AuditEntry, ExchangeRow, ReviewCase, Store } from "../store/types.js";

/** Counters exposed on the health endpoint. */
export interface WriterStats {
  pending: number;
  written: number;
  failedBatches: number;
  lastError?: string;
}

/** Queues writes and flushes them in batches; without a store it only counts. */
export class StoreWriter {
  private audit: AuditEntry[] = [];
  private rows: ExchangeRow[] = [];
  private verdicts = new Map<string, AccountVerdict>();
  private cases: ReviewCase[] = [];
  private readonly openCases = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private readonly stats: WriterStats = { pending: 0, written: 0, failedBatches: 0 };

  constructor(
    private readonly store: Store | undefined,
    private readonly intervalMs = 200,
    /** Keeps the in-memory audit tail bounded when there is no store. */
    private readonly maxPending = 50_000,
  ) {}

  /** Queues an audit entry. */
  appendAudit(e: AuditEntry): void {
    if (this.audit.length < this.maxPending) this.audit.push(e);
    this.schedule();
  }

  /** Queues an exchange row. */
  insertExchange(row: ExchangeRow): void {
    if (this.rows.length < this.maxPending) this.rows.push(row);
    this.schedule();
  }

  /** Queues verdict upserts (the newest per account wins). */
  putVerdicts(vs: readonly AccountVerdict[]): void {
    for (const v of vs) this.verdicts.set(v.account, v);
    if (vs.length > 0) this.schedule();
  }

  /** Queues a review case, once per subject for the life of the gateway (the store dedupes too). */
  openCase(c: ReviewCase): void {
    if (this.openCases.has(c.subject)) return;
    this.openCases.add(c.subject);
    this.cases.push(c);
    this.schedule();
  }

  /** Counters, including what is still queued. */
  snapshot(): WriterStats {
    return {
      ...this.stats,
      pending: this.audit.length + this.rows.length + this.verdicts.size + this.cases.length,
    };
  }

  private schedule(): void {
    if (this.timer || !this.store) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Writes everything queued so far; resolves when it is stored. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeBatch());
    return this.flushing;
  }

  private async writeBatch(): Promise<void> {
    const store = this.store;
    if (!store) {
      this.audit = [];
      this.rows = [];
      this.verdicts.clear();
      this.cases = [];
      return;
    }
    const audit = this.audit;
    const rows = this.rows;
    const verdicts = [...this.verdicts.values()];
    const cases = this.cases;
    this.audit = [];
    this.rows = [];
    this.verdicts.clear();
    this.cases = [];
    const jobs: Promise<unknown>[] = [];
    if (rows.length) jobs.push(store.insertExchanges(rows));
    if (verdicts.length) jobs.push(store.putAccounts(verdicts));
    for (const c of cases) jobs.push(store.openCase(c));
    // Audit entries keep their order: appended one after another.
    jobs.push(audit.reduce<Promise<void>>((p, e) => p.then(() => store.appendAudit(e)), Promise.resolve()));
    const results = await Promise.allSettled(jobs);
    for (const r of results) {
      if (r.status === "rejected") {
        this.stats.failedBatches += 1;
        this.stats.lastError = r.reason instanceof Error ? r.reason.message : String(r.reason);
      }
    }
    this.stats.written += audit.length + rows.length + verdicts.length + cases.length;
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
