// Stream, consumer and bucket names and configuration. One stream per deployment holds every
// partition as its own subject; JetStream dedupes publishes by Nats-Msg-Id inside the
// duplicate window, which is therefore as long as a publisher may plausibly retry a file.
import { AckPolicy, DeliverPolicy, type JetStreamManager } from "@nats-io/jetstream";
import { nanos } from "@nats-io/transport-node";

/** Subject prefix of a stream: `dw` for the default stream, `dw.<name>` for others (so streams never overlap). */
export function subjectPrefix(stream: string): string {
  return stream === "DISTILLWATCH" ? "dw" : `dw.${stream.toLowerCase()}`;
}

/** Subject of one partition, e.g. `dw.ex.3`. */
export function partitionSubject(stream: string, partition: number): string {
  return `${subjectPrefix(stream)}.ex.${partition}`;
}

/** KV bucket holding the latest decision per account. */
export function decisionBucket(stream: string): string {
  return `${stream}_decisions`;
}

/** Creates the stream when missing (idempotent; an existing stream is left as it is). */
export async function ensureStream(
  jsm: JetStreamManager,
  stream: string,
  duplicateWindowMs: number,
): Promise<void> {
  try {
    await jsm.streams.info(stream);
    return;
  } catch (err) {
    if (!/stream not found/i.test((err as Error).message)) throw err;
  }
  await jsm.streams.add({
    name: stream,
    subjects: [`${subjectPrefix(stream)}.ex.*`],
    duplicate_window: nanos(duplicateWindowMs),
  });
}

/** Creates (or reuses) the durable pull consumer of one partition and returns its name. */
export async function ensureConsumer(
  jsm: JetStreamManager,
  stream: string,
  partition: number,
  ackWaitMs: number,
  maxAckPending: number,
): Promise<string> {
  const name = `p${partition}`;
  await jsm.consumers.add(stream, {
    durable_name: name,
    filter_subject: partitionSubject(stream, partition),
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    // A worker acks only after its state snapshot is stored; ack_wait must exceed that interval.
    ack_wait: nanos(ackWaitMs),
    max_ack_pending: maxAckPending,
  });
  return name;
}
