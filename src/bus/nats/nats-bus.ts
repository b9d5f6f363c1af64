// EventBus on NATS JetStream: partition subjects in one stream, durable pull consumers with
// explicit acks, and a KV bucket of decisions.
import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
  type PubAck,
} from "@nats-io/jetstream";
import type { KV } from "@nats-io/kv";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { DistillwatchError } from "../../errors.js";
import { encodeEnvelope } from "../envelope.js";
import { partitionOf } from "../partition.js";
import type { EventBus, ExchangeEnvelope, PartitionReader, PublishResult } from "../types.js";
import { openDecisionBucket, putDecisions, watchDecisions } from "./decisions.js";
import { startPartitionReader } from "./partition-reader.js";
import { decisionBucket, ensureConsumer, ensureStream, partitionSubject } from "./streams.js";

export interface NatsBusOptions {
  url: string;
  stream: string;
  partitions: number;
  ackWaitMs?: number;
  maxAckPending?: number;
  /** Messages each partition reader keeps requested ahead of processing. */
  prefetch?: number;
  duplicateWindowMs?: number;
}

/** Connects to NATS and makes sure the stream and decision bucket exist. */
export async function openNatsBus(opts: NatsBusOptions): Promise<EventBus> {
  let nc: NatsConnection;
  try {
    nc = await connect({ servers: opts.url, timeout: 3000 });
  } catch (cause) {
    throw new DistillwatchError("upstream", `cannot connect to NATS at ${opts.url}`, { cause });
  }
  const jsm = await jetstreamManager(nc);
  await ensureStream(jsm, opts.stream, opts.duplicateWindowMs ?? 10 * 60_000);
  const kv = await openDecisionBucket(nc, decisionBucket(opts.stream));
  return new NatsBus(nc, jsm, jetstream(nc), kv, opts);
}

class NatsBus implements EventBus {
  readonly partitions: number;
  private readonly readers: { stop(): void }[] = [];
  constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
    private readonly kv: KV,
    private readonly opts: NatsBusOptions,
  ) {
    this.partitions = opts.partitions;
  }

  async publishExchanges(envelopes: ExchangeEnvelope[]): Promise<PublishResult> {
    const result = { published: 0, duplicates: 0 };
    // Every send goes out synchronously, in call order, on one connection, before any ack is
    // awaited: so each partition keeps event-time order even when the caller has several
    // batches in flight. The caller bounds the batch size.
    const acks: Promise<PubAck>[] = [];
    for (const e of envelopes) {
      const subject = partitionSubject(this.opts.stream, partitionOf(e.facts.account, this.partitions));
      acks.push(this.js.publish(subject, encodeEnvelope(e), { msgID: e.facts.id }));
    }
    for (const a of await Promise.all(acks)) {
      if (a.duplicate) result.duplicates += 1;
      else result.published += 1;
    }
    return result;
  }

  async openPartition(partition: number): Promise<PartitionReader> {
    if (!(partition >= 0 && partition < this.partitions))
      throw new Error(`partition ${partition} out of range`);
    const name = await ensureConsumer(
      this.jsm,
      this.opts.stream,
      partition,
      this.opts.ackWaitMs ?? 10_000,
      this.opts.maxAckPending ?? 1000,
    );
    const consumer = await this.js.consumers.get(this.opts.stream, name);
    const reader = await startPartitionReader(partition, consumer, this.opts.prefetch ?? 500);
    this.readers.push(reader);
    return reader;
  }

  async publishDecisions(updates: Parameters<EventBus["publishDecisions"]>[0]): Promise<void> {
    await putDecisions(this.kv, updates);
  }

  async watchDecisions(onUpdate: Parameters<EventBus["watchDecisions"]>[0]): Promise<() => Promise<void>> {
    return watchDecisions(this.kv, onUpdate);
  }

  async close(): Promise<void> {
    if (this.nc.isClosed()) return;
    for (const r of this.readers) r.stop();
    await this.nc.drain();
  }
}
