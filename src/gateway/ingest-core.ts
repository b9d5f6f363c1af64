// One finished exchange into the detector: the request body parsed (here, off the request path;
// a body that is not a JSON object is rejected and counted, not an engine failure), contract
// record, facts, ingest, the account's decaying signal average, a verdict read at most every
// `verdictRefreshMs`, and the row to store. Shared by the in-process link (tests inject a
// Detector) and the detector worker thread.
import type { Detector, ExchangeSignals } from "../engine/types.js";
import { toFacts } from "../events/normalize.js";
import type { AccountVerdict } from "../scoring/types.js";
import type { ExchangeRow } from "../store/types.js";
import { toExchange, type FinishedExchange } from "./exchange-record.js";
import { bodyProblem, readRequest, templateKeyOf } from "./request-view.js";

/** What one ingest changed, for the fast path's tables and the store. */
export interface IngestOutcome {
  account: string;
  /** The account's signals after this exchange (decaying average). */
  signals: Record<string, number>;
  /** Mined template of the exchange, when the detector assigned one. */
  template?: string;
  /** With `template`: the request's template key (see `templateKeyOf`), when it has a system prompt. */
  templateKey?: string;
  /** Verdict read back (at most every `verdictRefreshMs` per account). */
  verdict?: AccountVerdict;
  row?: ExchangeRow;
}

const signalMemory = 0.3;
const verdictRefreshMs = 100;

/** Detector plus the per-account state the link keeps around it. */
export class IngestCore {
  private readonly accountSignals = new Map<string, Record<string, number>>();
  private readonly refreshedAt = new Map<string, number>();
  /** Set while the last ingest failed. */
  failedAt: number | undefined;
  lastError: string | undefined;
  ingested = 0;
  /** Exchanges whose request body was not a JSON object: relayed, but nothing to learn from. */
  rejected = 0;
  lastRejection: string | undefined;

  constructor(readonly detector: Detector) {}

  /** Ingests `x` (queued at `at`); undefined when its body was rejected or the detector threw. */
  ingest(x: FinishedExchange, at: number, wantRow: boolean): IngestOutcome | undefined {
    const view = x.view ?? readRequest(x.api, x.raw);
    if (!view) {
      this.rejected += 1;
      this.lastRejection = `${x.id}: ${bodyProblem(x.raw) ?? "unreadable request body"}`;
      return undefined;
    }
    let signals: ExchangeSignals;
    let verdict: AccountVerdict | undefined;
    let facts;
    try {
      facts = toFacts(toExchange(x, view));
      signals = this.detector.ingest(facts);
      verdict = this.refreshDue(facts.account, at) ? this.detector.verdict(facts.account) : undefined;
    } catch (e) {
      this.failedAt = Date.now();
      this.lastError = e instanceof Error ? e.message : String(e);
      return undefined;
    }
    // One successful round trip shows the detector is back.
    this.failedAt = undefined;
    this.ingested += 1;
    const out: IngestOutcome = { account: facts.account, signals: this.remember(facts.account, signals) };
    if (signals.template) {
      out.template = signals.template;
      const templateKey = templateKeyOf(view);
      if (templateKey !== undefined) out.templateKey = templateKey;
    }
    if (verdict) out.verdict = verdict;
    if (wantRow) {
      const row: ExchangeRow = {
        id: facts.id,
        ts: facts.ts,
        account: facts.account,
        template: signals.template,
        capability: signals.capability,
        inputTokens: facts.inputTokens,
        outputTokens: facts.outputTokens,
        signals: signals.scores,
      };
      if (facts.key !== undefined) row.key = facts.key;
      if (facts.ip !== undefined) row.ip = facts.ip;
      if (facts.asn !== undefined) row.asn = facts.asn;
      if (facts.payment !== undefined) row.payment = facts.payment;
      if (facts.userAgent !== undefined) row.userAgent = facts.userAgent;
      if (facts.model !== undefined) row.model = facts.model;
      if (facts.endpoint !== undefined) row.endpoint = facts.endpoint;
      if (facts.endUser !== undefined) row.endUser = facts.endUser;
      out.row = row;
    }
    return out;
  }

  /** Reads an account's verdict at most every `verdictRefreshMs` (it costs ~10 µs with reasons); changes in between arrive through onVerdicts. */
  private refreshDue(account: string, now: number): boolean {
    const last = this.refreshedAt.get(account);
    if (last !== undefined && now - last < verdictRefreshMs) return false;
    if (this.refreshedAt.size >= 500_000) this.refreshedAt.clear();
    this.refreshedAt.set(account, now);
    return true;
  }

  private remember(account: string, s: ExchangeSignals): Record<string, number> {
    const prev = this.accountSignals.get(account);
    const next: Record<string, number> = { ...prev };
    for (const id in s.scores) {
      const p = s.scores[id]!;
      const before = prev?.[id];
      next[id] = before === undefined ? p : before * (1 - signalMemory) + p * signalMemory;
    }
    if (this.accountSignals.size >= 500_000) this.accountSignals.clear();
    this.accountSignals.set(account, next);
    return next;
  }
}
