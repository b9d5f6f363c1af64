// A partition reader over one durable pull consumer. It runs a continuous `consume()` (the
// client keeps pull requests open and refills them) into a local queue, and `fetch` takes what
// is there. A one-shot `fetch()` per batch would wait out its full expiry whenever fewer
// messages than asked are pending, and fails when a busy event loop misses two heartbeats;
// `consume()` recovers from missed heartbeats by itself. The local queue is bounded by the
// consumer's max_ack_pending (1,000), since the server stops delivering until acks come back;
// that bound must be small enough for a queued message to be processed and acked within the
// ack wait, or JetStream redelivers it while it still waits here (measured: with 10,000 a
// prefilled stream took two workers twice as long as one, mostly re-checking redeliveries).
import type { Consumer, ConsumerInfo, JsMsg } from "@nats-io/jetstream";
import { decodeEnvelope } from "../envelope.js";
import type { Delivery, PartitionReader } from "../types.js";

/** Starts consuming and returns the reader. */
export async function startPartitionReader(
  partition: number,
  consumer: Consumer,
  prefetch: number,
): Promise<PartitionReader & { stop(): void }> {
  const queue: JsMsg[] = [];
  let wake: (() => void) | undefined;
  const messages = await consumer.consume({
    max_messages: prefetch,
    callback: (m) => {
      queue.push(m);
      wake?.();
    },
  });
  const toDelivery = (m: JsMsg): Delivery => ({
    envelope: decodeEnvelope(m.data),
    redelivered: m.info.redelivered,
    ack: () => m.ack(),
    term: () => m.term(),
  });
  return {
    partition,
    async fetch(max, expiresMs) {
      if (queue.length === 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, expiresMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
      return queue.splice(0, max).map(toDelivery);
    },
    async backlog() {
      const info: ConsumerInfo = await consumer.info(false);
      return info.num_pending + info.num_ack_pending;
    },
    stop() {
      messages.stop();
      wake?.();
    },
  };
}
