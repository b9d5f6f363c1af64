// Decisions in a JetStream KV bucket: one key per account holding its latest verdict. Gateways
// watch the bucket, so an update reaches each of them within one round trip of the server.
import { Kvm, type KV } from "@nats-io/kv";
import type { NatsConnection } from "@nats-io/transport-node";
import { decodeDecision, encodeDecision } from "../envelope.js";
import type { DecisionUpdate } from "../types.js";

/** KV keys allow `[-/_=.a-zA-Z0-9]`; other bytes (and `.`, a token separator) become `=XX`. */
export function decisionKey(account: string): string {
  let out = "";
  for (const b of new TextEncoder().encode(account)) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9_-]/.test(c) ? c : `=${b.toString(16).padStart(2, "0")}`;
  }
  return out;
}

/** Opens (creating if needed) the decision bucket. */
export async function openDecisionBucket(nc: NatsConnection, bucket: string): Promise<KV> {
  return new Kvm(nc).create(bucket, { history: 1 });
}

/** Puts one decision per account (concurrently; KV puts are independent). */
export async function putDecisions(kv: KV, updates: DecisionUpdate[]): Promise<void> {
  await Promise.all(updates.map((u) => kv.put(decisionKey(u.account), encodeDecision(u))));
}

/** Watches the bucket: current values first, then updates, until the returned function is called. */
export async function watchDecisions(
  kv: KV,
  onUpdate: (u: DecisionUpdate) => void,
): Promise<() => Promise<void>> {
  const iter = await kv.watch();
  const done = (async () => {
    for await (const e of iter) {
      if (e.operation !== "PUT") continue;
      const u = decodeDecision(e.value);
      if (u) onUpdate(u);
    }
  })();
  return async () => {
    iter.stop();
    await done;
  };
}
