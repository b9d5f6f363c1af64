// The live link with the engine in a worker thread. Each finished exchange is packed at once into
// the current batch buffer (binary, see BatchWriter); every 25 ms (or at 1024 exchanges / 256 KiB)
// the buffer is sealed and transferred to the worker — unless the proxy thread is busy, then
// sealed batches wait for the next lull, a second at most (BatchWindow). The worker acks each
// batch with the verdicts, signals and templates it learnt, which land in the tables the fast
// path reads. A worker that dies is restarted (with backoff); meanwhile the link reports a
// detector error, so the policy fails open (serving with the verdicts in memory) or closed, as
// configured.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Config } from "../config/index.js";
import type { VerdictLabel } from "../scoring/types.js";
import { BatchWindow } from "./batch-window.js";
import type { DetectorHealth, DetectorLinkOptions, LiveDetector } from "./detector-link.js";
import { TableReads } from "./detector-link.js";
import type { FinishedExchange } from "./exchange-record.js";
import {
  BatchWriter,
  type AckMessage,
  type BatchMessage,
  type DetectorWorkerData,
  type DetectorWorkerSpec,
  type FromWorker,
} from "./detector-worker-protocol.js";

interface InFlight {
  seq: number;
  count: number;
  oldestAt: number;
}

/** A packed batch not yet posted (held while the proxy thread is busy, or while no worker runs). */
interface Sealed {
  bytes: ArrayBuffer;
  used: number;
  count: number;
  oldestAt: number;
}

const batchMs = 25;
const batchMax = 1024;
// Sealing at a bounded size keeps buffers small and recyclable while batches are held: one
// ever-growing buffer would be reallocated and copied on the proxy thread.
const batchMaxBytes = 256 * 1024;
const restartMinMs = 100;
const restartMaxMs = 5000;

/** Where the worker entry is: compiled JS next to this file, else the TS source through the tsx shim. */
function workerEntry(): { file: string; entry?: string } {
  const js = fileURLToPath(new URL("./detector-worker.js", import.meta.url));
  if (import.meta.url.endsWith(".js") && existsSync(js)) return { file: js };
  return {
    file: fileURLToPath(new URL("./detector-worker-dev.mjs", import.meta.url)),
    entry: new URL("./detector-worker.ts", import.meta.url).href,
  };
}

/** Queue, verdict table and health around the engine in a worker thread. */
export class WorkerDetectorLink extends TableReads implements LiveDetector {
  private readonly pending = new BatchWriter();
  private readonly window = new BatchWindow();
  private sealed: Sealed[] = [];
  private sealedCount = 0;
  private sealedBytes = 0;
  private readonly inflight: InFlight[] = [];
  private inflightHead = 0;
  private inflightCount = 0;
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private worker: Worker | undefined;
  private closed = false;
  private restartDelay = restartMinMs;
  private restartTimer: NodeJS.Timeout | undefined;
  private failedAt: number | undefined;
  private lastError: string | undefined;
  private ingested = 0;
  private dropped = 0;
  private rejected = 0;
  private lastRejection: string | undefined;
  private restarts = 0;
  private waiters: (() => void)[] = [];
  private readonly tickBound = (): void => {
    this.timer = undefined;
    this.tick();
  };
  private readonly onMessageBound = (m: FromWorker): void => this.onMessage(m);

  constructor(
    private readonly config: Config,
    private readonly spec: DetectorWorkerSpec,
    private readonly opts: DetectorLinkOptions,
  ) {
    super();
    this.start();
  }

  record(x: FinishedExchange): void {
    if (this.queued() >= (this.opts.maxQueue ?? 100_000)) {
      this.dropped += 1;
      return;
    }
    this.pending.add({ x, at: Date.now() });
    if (this.pending.count >= batchMax || this.pending.size >= batchMaxBytes) {
      this.seal();
      this.tick();
    } else this.arm();
  }

  private queued(): number {
    return this.pending.count + this.sealedCount + this.inflightCount;
  }

  private oldestAt(): number | undefined {
    return (
      this.inflight[this.inflightHead]?.oldestAt ??
      this.sealed[0]?.oldestAt ??
      (this.pending.count > 0 ? this.pending.oldestAt : undefined)
    );
  }

  healthy(now: number): boolean {
    if (this.failedAt !== undefined) return false;
    const oldest = this.oldestAt();
    return oldest === undefined || now - oldest <= this.opts.maxDecisionAgeMs;
  }

  health(now = Date.now()): DetectorHealth {
    const oldest = this.oldestAt();
    const lagMs = oldest === undefined ? 0 : now - oldest;
    const h: DetectorHealth = {
      healthy: true,
      lagMs,
      queued: this.queued(),
      ingested: this.ingested,
      dropped: this.dropped,
      rejected: this.rejected,
      restarts: this.restarts,
    };
    if (this.lastRejection !== undefined) h.lastRejection = this.lastRejection;
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

  idle(): Promise<void> {
    this.seal();
    this.post();
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.timer = undefined;
    const w = this.worker;
    this.worker = undefined;
    if (w) void w.terminate();
    this.wake(true);
  }

  private isIdle(): boolean {
    return this.queued() === 0;
  }

  private wake(always = false): void {
    if (this.waiters.length === 0 || (!always && !this.isIdle())) return;
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }

  private start(): void {
    const where = workerEntry();
    const workerData: DetectorWorkerData = {
      config: this.config,
      spec: this.spec,
      wantRows: this.opts.onRow !== undefined || this.opts.onVerdicts !== undefined,
    };
    if (where.entry) workerData.entry = where.entry;
    const w = new Worker(where.file, { workerData });
    w.unref();
    w.on("message", this.onMessageBound);
    w.on("error", (e: Error) => this.onDeath(w, e.message));
    w.on("exit", (code) => this.onDeath(w, `detector worker exited with code ${code}`));
    this.worker = w;
    // Anything recorded while no worker ran goes out now.
    this.seal();
    this.post();
  }

  private onDeath(w: Worker, message: string): void {
    if (this.worker !== w || this.closed) return;
    this.worker = undefined;
    this.failedAt = Date.now();
    this.lastError = message;
    // Batches the dead worker held are lost: count them, keep the queue moving.
    this.dropped += this.inflightCount;
    this.inflight.length = 0;
    this.inflightHead = 0;
    this.inflightCount = 0;
    this.restarts += 1;
    const delay = this.restartDelay;
    this.restartDelay = Math.min(restartMaxMs, delay * 2);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (!this.closed) this.start();
    }, delay);
    this.restartTimer.unref();
    this.wake();
  }

  private arm(): void {
    if (this.timer) return;
    this.timer = setTimeout(this.tickBound, batchMs);
    this.timer.unref();
  }

  /** Posts what is waiting, or holds it for another tick while the proxy thread is busy. */
  private tick(): void {
    const oldest = this.sealed[0]?.oldestAt ?? (this.pending.count > 0 ? this.pending.oldestAt : undefined);
    if (oldest === undefined) return;
    if (this.window.hold(Date.now() - oldest, this.sealedBytes + this.pending.size)) {
      this.arm();
      return;
    }
    this.seal();
    this.post();
  }

  /** Closes the pending batch: its bytes move to the sealed list, a fresh buffer takes new ones. */
  private seal(): void {
    if (this.pending.count === 0) return;
    const oldestAt = this.pending.oldestAt;
    const { bytes, used, count } = this.pending.take();
    this.sealed.push({ bytes, used, count, oldestAt });
    this.sealedCount += count;
    this.sealedBytes += used;
  }

  /** Transfers every sealed batch to the worker, one message each. */
  private post(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const w = this.worker;
    if (!w || this.sealed.length === 0) return;
    const batches = this.sealed;
    this.sealed = [];
    this.sealedCount = 0;
    this.sealedBytes = 0;
    for (const { bytes, used, count, oldestAt } of batches) {
      const seq = ++this.seq;
      this.inflight.push({ seq, count, oldestAt });
      this.inflightCount += count;
      const m: BatchMessage = { seq, count, used, bytes };
      w.postMessage(m, [bytes]);
    }
  }

  private onMessage(m: FromWorker): void {
    if (m.type === "ready") return;
    this.applyVerdicts(m.verdicts);
    if (m.changed && m.changed.length > 0) this.opts.onVerdicts?.(m.changed);
    if (m.type === "verdicts") return;
    this.onAck(m);
  }

  private onAck(m: AckMessage): void {
    const f = this.inflight[this.inflightHead];
    if (f && f.seq === m.seq) {
      this.inflight[this.inflightHead] = undefined as unknown as InFlight;
      this.inflightHead += 1;
      this.inflightCount -= f.count;
      if (this.inflightHead > 64 && this.inflightHead * 2 > this.inflight.length) {
        this.inflight.splice(0, this.inflightHead);
        this.inflightHead = 0;
      }
    }
    if (m.bytes) this.pending.recycle(m.bytes);
    const s = m.signals;
    for (let i = 0; i + 1 < s.length; i += 2)
      this.tables.setSignals(s[i] as string, s[i + 1] as Record<string, number>);
    const t = m.templates;
    for (let i = 0; i + 2 < t.length; i += 3)
      this.tables.setTemplate(t[i]!, t[i + 1] ?? undefined, t[i + 2]!);
    if (m.rows && this.opts.onRow) for (const r of m.rows) this.opts.onRow(r);
    this.ingested += m.ingested;
    this.rejected += m.rejected;
    if (m.lastRejection !== null) this.lastRejection = m.lastRejection;
    if (m.failed) {
      this.failedAt ??= Date.now();
    } else {
      this.failedAt = undefined;
      this.restartDelay = restartMinMs;
    }
    if (m.lastError !== null) this.lastError = m.lastError;
    this.wake();
  }

  private applyVerdicts(v: (string | number | null)[]): void {
    for (let i = 0; i + 3 < v.length; i += 4)
      this.tables.setVerdict(
        v[i] as string,
        v[i + 1] as number,
        v[i + 2] as VerdictLabel,
        v[i + 3] as string | null,
      );
  }
}
