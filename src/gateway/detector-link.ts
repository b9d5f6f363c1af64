// The gateway's live link to the detector. Finished exchanges are queued and ingested off the
// request path (setImmediate, in small slices so requests interleave); the detector's verdicts
// land in an in-memory table that the fast path reads. Detector errors and backlog are tracked so
// the policy can fail open or closed (config.policy.failMode / maxDecisionAgeMs).
import type { ExchangeSignals, Detector } from "../engine/types.js";
import { toFacts } from "../events/normalize.js";
import type { PolicyVerdict } from "../policy/index.js";
import type { AccountVerdict } from "../scoring/types.js";
import type { ExchangeRow } from "../store/types.js";
import { toExchange, type FinishedExchange } from "./exchange-record.js";

/** Whether the detector's verdicts can be trusted right now, and why not. */
export interface DetectorHealth {
  healthy: boolean;
  reason?: "detector-error" | "verdicts-lagging";
  /** Age of the oldest exchange waiting to be ingested, ms. */
  lagMs: number;
  queued: number;
  ingested: number;
  dropped: number;
  lastError?: string;
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

interface Queued {
  x: FinishedExchange;
  templateKey: string | undefined;
  at: number;
}

const sliceBudgetMs = 4;
const signalMemory = 0.3;
const verdictRefreshMs = 100;

/** Queue, verdict table and health around one Detector. */
export class DetectorLink {
  private readonly queue: (Queued | undefined)[] = [];
  private head = 0;
  private scheduled = false;
  private readonly verdictTable = new Map<string, PolicyVerdict>();
  private readonly accountSignals = new Map<string, Record<string, number>>();
  private readonly templates = new Map<string, string>();
  private readonly accountTemplates = new Map<string, string>();
  private readonly refreshedAt = new Map<string, number>();
  private failedAt: number | undefined;
  private lastError: string | undefined;
  private counts = { ingested: 0, dropped: 0 };
  private readonly unsubscribe: () => void;

  constructor(
    private readonly detector: Detector,
    private readonly opts: DetectorLinkOptions,
  ) {
    this.unsubscribe = detector.onVerdicts((changed) => {
      for (const v of changed) this.verdictTable.set(v.account, { score: v.score, verdict: v.verdict, campaign: v.campaign });
      opts.onVerdicts?.(changed);
    });
  }

  /** The account's latest verdict, from memory. */
  verdictOf(account: string): PolicyVerdict | undefined {
    return this.verdictTable.get(account);
  }

  /** All verdicts currently held. */
  verdicts(): IterableIterator<[string, PolicyVerdict]> {
    return this.verdictTable.entries();
  }

  /** Recent detector signals of the account (decaying average). */
  signalsOf(account: string): Record<string, number> | undefined {
    return this.accountSignals.get(account);
  }

  /** The mined template of a request with this template key, else the account's last template. */
  templateOf(templateKey: string | undefined, account: string): string | undefined {
    return (templateKey !== undefined ? this.templates.get(templateKey) : undefined) ?? this.accountTemplates.get(account);
  }

  /** Queues a finished exchange for ingestion. */
  record(x: FinishedExchange, templateKey: string | undefined): void {
    if (this.queue.length - this.head >= (this.opts.maxQueue ?? 100_000)) {
      this.counts.dropped += 1;
      return;
    }
    this.queue.push({ x, templateKey, at: Date.now() });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }

  /** Health as the policy needs it. */
  health(now = Date.now()): DetectorHealth {
    const oldest = this.queue[this.head];
    const lagMs = oldest ? now - oldest.at : 0;
    const h: DetectorHealth = { healthy: true, lagMs, queued: this.queue.length - this.head, ...this.counts };
    if (this.lastError !== undefined) h.lastError = this.lastError;
    if (this.failedAt !== undefined) {
      h.healthy = false;
      h.reason = "detector-error";
    } else if (lagMs > this.opts.maxDecisionAgeMs) {
      h.healthy = false;
      h.reason = "verdicts-lagging";
    }
    return h;
  }

  /** Resolves once everything queued so far has been ingested (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.queue.length - this.head > 0 || this.scheduled) await new Promise((r) => setImmediate(r));
  }

  /** Stops listening to the detector. */
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
    if (this.head < this.queue.length) setImmediate(() => this.drain());
    else this.scheduled = false;
  }

  private ingestOne(q: Queued): void {
    const facts = toFacts(toExchange(q.x));
    let signals: ExchangeSignals;
    let verdict: AccountVerdict | undefined;
    try {
      signals = this.detector.ingest(facts);
      verdict = this.refreshDue(facts.account, q.at) ? this.detector.verdict(facts.account) : undefined;
    } catch (e) {
      this.failedAt = Date.now();
      this.lastError = e instanceof Error ? e.message : String(e);
      return;
    }
    // One successful round trip shows the detector is back.
    this.failedAt = undefined;
    this.counts.ingested += 1;
    if (verdict) this.verdictTable.set(verdict.account, { score: verdict.score, verdict: verdict.verdict, campaign: verdict.campaign });
    this.remember(facts.account, q.templateKey, signals);
    this.opts.onRow?.({
      id: facts.id,
      ts: facts.ts,
      account: facts.account,
      ...(facts.key !== undefined && { key: facts.key }),
      ...(facts.ip !== undefined && { ip: facts.ip }),
      ...(facts.asn !== undefined && { asn: facts.asn }),
      ...(facts.payment !== undefined && { payment: facts.payment }),
      ...(facts.userAgent !== undefined && { userAgent: facts.userAgent }),
      ...(facts.model !== undefined && { model: facts.model }),
      ...(facts.endpoint !== undefined && { endpoint: facts.endpoint }),
      ...(facts.endUser !== undefined && { endUser: facts.endUser }),
      template: signals.template,
      capability: signals.capability,
      inputTokens: facts.inputTokens,
      outputTokens: facts.outputTokens,
      signals: signals.scores,
    });
  }

  /** Reads an account's verdict at most every `verdictRefreshMs` (it costs ~10 µs with reasons); changes in between arrive through onVerdicts. */
  private refreshDue(account: string, now: number): boolean {
    const last = this.refreshedAt.get(account);
    if (last !== undefined && now - last < verdictRefreshMs) return false;
    if (this.refreshedAt.size >= 500_000) this.refreshedAt.clear();
    this.refreshedAt.set(account, now);
    return true;
  }

  private remember(account: string, templateKey: string | undefined, s: ExchangeSignals): void {
    const prev = this.accountSignals.get(account);
    const next: Record<string, number> = { ...prev };
    for (const [id, p] of Object.entries(s.scores)) next[id] = prev?.[id] === undefined ? p : prev[id] * (1 - signalMemory) + p * signalMemory;
    this.accountSignals.set(account, next);
    if (s.template) {
      this.accountTemplates.set(account, s.template);
      if (templateKey !== undefined) {
        if (this.templates.size >= 200_000) this.templates.clear();
        this.templates.set(templateKey, s.template);
      }
    }
  }
}
