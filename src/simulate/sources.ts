// Where the merger gets a shard's batches from: a renderer on the calling thread, or one in a
// pooled worker thread. Pooled workers outlive a run (unref'd, so they never hold the process
// open) because loading the corpora costs each of them seconds; the next run reuses them.
import { Worker } from "node:worker_threads";
import { newBatch, transferList, type Batch } from "./batch.js";
import type { Corpora } from "./corpus.js";
import { ShardRenderer, type AccountInfo, type ShardJob } from "./shard.js";
import type { FromWorker, ToWorker } from "./shard-worker.js";

/** One shard's stream of batches; `next` is only called until a batch with `done` arrives. */
export interface ShardSource {
  readonly accounts: readonly AccountInfo[];
  readonly expected: number;
  next(): Promise<Batch>;
  /** Hands a consumed batch back for reuse. */
  release(b: Batch): void;
  /** Ends the source (returns a worker to the pool). */
  close(): void;
}

/** Renders on the calling thread. */
export class LocalSource implements ShardSource {
  private readonly renderer: ShardRenderer;
  private readonly spare: Batch[] = [];

  constructor(job: ShardJob, corpora: Corpora) {
    this.renderer = new ShardRenderer(job, corpora);
  }

  get accounts(): readonly AccountInfo[] {
    return this.renderer.accounts;
  }

  get expected(): number {
    return this.renderer.expected;
  }

  next(): Promise<Batch> {
    const b = this.spare.pop() ?? newBatch();
    this.renderer.fill(b);
    return Promise.resolve(b);
  }

  release(b: Batch): void {
    this.spare.push(b);
  }

  close(): void {}
}

// batches a worker may render ahead of the merger; 3 keeps both sides busy through jitter
const CREDIT = 3;
const idle = new Map<string, Worker[]>();

function workerUrl(): { url: URL; entry?: string } {
  // under tsx/vitest this module is TypeScript, and workers don't inherit the loader hooks
  if (import.meta.url.endsWith(".ts"))
    return {
      url: new URL("./worker-dev.mjs", import.meta.url),
      entry: new URL("./shard-worker.ts", import.meta.url).href,
    };
  return { url: new URL("./shard-worker.js", import.meta.url) };
}

function takeWorker(corporaDir: string): Worker {
  const w = idle.get(corporaDir)?.pop();
  if (w) return w;
  const { url, entry } = workerUrl();
  return new Worker(url, { workerData: { entry } });
}

/** Stops every pooled worker (tests, or a host that wants its threads back). */
export async function closeShardWorkers(): Promise<void> {
  const all = [...idle.values()].flat();
  idle.clear();
  await Promise.all(all.map((w) => w.terminate()));
}

/** Renders in a worker thread. */
export class WorkerSource implements ShardSource {
  accounts: readonly AccountInfo[] = [];
  expected = 0;
  private readonly queue: Batch[] = [];
  private waiter: { resolve: (b: Batch) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  private broken = false;
  private finished = false;
  private readonly onMessage = (m: FromWorker): void => this.receive(m);
  private readonly onError = (e: Error): void => {
    this.broken = true;
    this.fail(e);
  };

  private constructor(
    private readonly worker: Worker,
    private readonly corporaDir: string,
  ) {}

  /** Starts a shard job on a pooled worker; resolves once the worker has planned it. */
  static async open(job: ShardJob, corporaDir: string): Promise<WorkerSource> {
    const s = new WorkerSource(takeWorker(corporaDir), corporaDir);
    s.worker.ref();
    s.worker.on("message", s.onMessage);
    s.worker.on("error", s.onError);
    const ready = new Promise<void>((resolve, reject) => (s.readyWaiter = { resolve, reject }));
    s.post({ type: "job", job, corporaDir, credit: CREDIT });
    await ready;
    return s;
  }

  private readyWaiter: { resolve: () => void; reject: (e: Error) => void } | null = null;

  private post(m: ToWorker, transfer?: ArrayBuffer[]): void {
    this.worker.postMessage(m, transfer);
  }

  private receive(m: FromWorker): void {
    if (m.type === "ready") {
      this.accounts = m.accounts;
      this.expected = m.expected;
      this.readyWaiter?.resolve();
      this.readyWaiter = null;
    } else if (m.type === "batch") {
      if (m.batch.done) this.finished = true;
      const w = this.waiter;
      this.waiter = null;
      if (w) w.resolve(m.batch);
      else this.queue.push(m.batch);
    } else {
      const e = new Error(`simulator worker: ${m.message}`);
      if (m.stack) e.stack = m.stack;
      this.fail(e);
    }
  }

  private fail(e: Error): void {
    this.failure = e;
    this.readyWaiter?.reject(e);
    this.readyWaiter = null;
    this.waiter?.reject(e);
    this.waiter = null;
  }

  next(): Promise<Batch> {
    const b = this.queue.shift();
    if (b) return Promise.resolve(b);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  release(b: Batch): void {
    if (!this.broken) this.post({ type: "more", batch: b }, transferList(b));
  }

  close(): void {
    this.worker.off("message", this.onMessage);
    this.worker.off("error", this.onError);
    // a worker stopped mid-job would still be rendering that job: never reuse it
    if (this.broken || this.failure || !this.finished) {
      void this.worker.terminate();
      return;
    }
    this.worker.unref();
    const list = idle.get(this.corporaDir) ?? [];
    list.push(this.worker);
    idle.set(this.corporaDir, list);
  }
}
