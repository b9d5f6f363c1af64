// The event bus between publishers (importers, gateways), cluster workers and gateways
// watching decisions. Core code depends on this interface; bus/nats implements it on
// JetStream (stream + durable pull consumers + a KV bucket).
import type { ExchangeFacts } from "../events/normalize.js";
import type { AccountVerdict } from "../scoring/index.js";

/** How widely an exchange's template was shared when it arrived, as the template sequencer saw it. */
export interface TemplateUseWire {
  accounts: number;
  /** Exchanges of the template so far: the largest value is the newest, final count. */
  uses: number;
  harvest: number;
  newForAccount: boolean;
}

/** One exchange on the wire: facts plus the work done once, upstream, before partitioning. */
export interface ExchangeEnvelope {
  v: 1;
  /** Publisher's global sequence number (event-time order); orders accounts by first sight. */
  seq: number;
  facts: ExchangeFacts;
  content: { scores: Record<string, number>; capability: string };
  /** Global template id (0 = none), assigned by the single template sequencer. */
  template: number;
  use: TemplateUseWire;
  /** Whether the facts still carry request text for an evidence sample. */
  sampled: boolean;
}

/** Outcome of publishing a batch. */
export interface PublishResult {
  published: number;
  /** Messages JetStream dropped as repeats of an id inside its duplicate window. */
  duplicates: number;
}

/** One delivered message; nothing is removed from the partition until `ack`. */
export interface Delivery {
  /** Undefined when the payload failed validation (the worker terminates it). */
  envelope: ExchangeEnvelope | undefined;
  /** Whether this message was delivered before (to this or a crashed worker). */
  redelivered: boolean;
  ack(): void;
  /** Drops a poison message for good (no redelivery). */
  term(): void;
}

/** A durable, explicitly acknowledged reader of one partition. */
export interface PartitionReader {
  readonly partition: number;
  /** Up to `max` deliveries, waiting at most `expiresMs` for the first. */
  fetch(max: number, expiresMs: number): Promise<Delivery[]>;
  /** Messages not yet acknowledged (pending + in flight). */
  backlog(): Promise<number>;
}

/** A decision update as gateways see it: the latest verdict of one account. */
export interface DecisionUpdate {
  account: string;
  verdict: AccountVerdict["verdict"];
  score: number;
  campaign: string | null;
  /** Wall-clock time the decision was published (epoch ms). */
  at: number;
}

/** The bus every cluster component talks through. */
export interface EventBus {
  readonly partitions: number;
  /** Publishes envelopes to their account's partition; the exchange id is the dedupe key. */
  publishExchanges(envelopes: ExchangeEnvelope[]): Promise<PublishResult>;
  /** Opens (creating if needed) the durable consumer of one partition. */
  openPartition(partition: number): Promise<PartitionReader>;
  /** Publishes the latest decision per account. */
  publishDecisions(updates: DecisionUpdate[]): Promise<void>;
  /** Calls `onUpdate` with every current decision, then each new one; returns a stop function. */
  watchDecisions(onUpdate: (u: DecisionUpdate) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
