// The gateway with its detector in a worker thread: exchanges reach the worker in binary batches,
// verdicts come back and are enforced, a detector that throws or a worker that dies makes the
// gateway fail open (and the worker is restarted), and the real engine runs there too.
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../config/index.js";
import {
  decodeBatch,
  encodeBatch,
  type DetectorWorkerSpec,
  type QueuedExchange,
} from "./detector-worker-protocol.js";
import { startGateway, type RunningGateway } from "./index.js";
import { startLlmUpstream, type LlmUpstream } from "./testing/llm-upstream.js";

const adminKey = "admin-key-for-tests-0123456789";
const module = new URL("./testing/worker-detectors.ts", import.meta.url).href;
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
});

async function setup(
  worker: DetectorWorkerSpec,
  policy: Record<string, unknown> = {},
): Promise<{ upstream: LlmUpstream; gateway: RunningGateway }> {
  const upstream = await startLlmUpstream();
  open.push(upstream);
  const gateway = await startGateway({
    upstream: upstream.url,
    port: 0,
    config: parseConfig({ policy, gateway: { adminKey } }),
    detector: { worker },
  });
  open.push(gateway);
  return { upstream, gateway };
}

const chat = {
  model: "gpt-test",
  messages: [
    { role: "system", content: "Be terse." },
    { role: "user", content: "Explain hashing step by step" },
  ],
};
const call = (
  base: string,
  account: string,
  body: unknown = chat,
  extra: Record<string, string> = {},
): Promise<Response> =>
  fetch(`${base}/v1/chat/completions`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-distillwatch-account": account,
      authorization: "Bearer sk-w",
      ...extra,
    },
    body: JSON.stringify(body),
  });
interface AdminView {
  ok: boolean;
  detector: { healthy: boolean; ingested?: number; lastRejection?: string };
  accounts: Record<string, unknown>[];
}
const admin = async (base: string, path: string): Promise<AdminView> =>
  (await (
    await fetch(`${base}/_distillwatch/${path}`, { headers: { "x-distillwatch-admin-key": adminKey } })
  ).json()) as AdminView;

describe("detector worker batches", () => {
  it("round-trips exchanges through the binary batch format", () => {
    const raw = Buffer.from(JSON.stringify({ ...chat, user: "end-ü" }));
    const batch: QueuedExchange[] = [
      {
        x: {
          id: "dw_1",
          ts: 1_700_000_000_123,
          identity: { account: "acct_ä", key: "key_1", ip: "10.0.0.1", asn: 64512, payment: "pm_1" },
          api: "messages",
          raw,
          status: 200,
          latencyMs: 12,
          userAgent: "ua/1",
          response: {
            streamed: true,
            chunks: [Buffer.from("data: {}\n\n"), Buffer.from("data: [DONE]\n\n")],
          },
        },
        at: 5,
      },
      {
        x: {
          id: "dw_2",
          ts: 2,
          identity: { account: "anonymous" },
          api: "responses",
          raw: Buffer.from("{not json"),
          status: 403,
          latencyMs: 0,
        },
        at: 6,
      },
    ];
    const { bytes, used } = encodeBatch(batch);
    const out = decodeBatch({ seq: 1, count: 2, used, bytes });
    expect(out[0]!.x).toMatchObject({
      id: "dw_1",
      ts: 1_700_000_000_123,
      identity: batch[0]!.x.identity,
      api: "messages",
      status: 200,
      latencyMs: 12,
      userAgent: "ua/1",
    });
    expect(out[0]!.x.raw.equals(raw)).toBe(true);
    expect(Buffer.concat(out[0]!.x.response!.chunks).toString()).toBe("data: {}\n\ndata: [DONE]\n\n");
    expect(out[0]!.x.response!.streamed).toBe(true);
    expect(out[0]!.at).toBe(5);
    expect({ ...out[1]!.x, raw: out[1]!.x.raw.toString() }).toEqual({
      id: "dw_2",
      ts: 2,
      identity: { account: "anonymous" },
      api: "responses",
      raw: "{not json",
      status: 403,
      latencyMs: 0,
    });
    expect(out[1]!.at).toBe(6);
  });
});

describe("gateway with the detector in a worker thread", () => {
  it("ingests exchanges in the worker and enforces the verdicts it sends back", async () => {
    const { gateway } = await setup({ module });
    expect((await call(gateway.url, "attack_1")).status).toBe(200);
    await gateway.settle();
    // Default rules block attack verdicts.
    const r = await call(gateway.url, "attack_1");
    expect(r.status).toBe(403);
    expect((await call(gateway.url, "acct_ok")).status).toBe(200);
    await gateway.settle();
    const health = await admin(gateway.url, "health");
    expect(health.detector).toMatchObject({ healthy: true, ingested: 3, queued: 0, dropped: 0, restarts: 0 });
    const decisions = await admin(gateway.url, "decisions?account=attack_1");
    expect(decisions.accounts[0]).toMatchObject({
      account: "attack_1",
      verdict: "attack",
      score: 95,
      campaign: "c_test",
    });
  });

  it("ingests every exchange of a burst, however the batches were held and split", async () => {
    const { gateway } = await setup({ module });
    // ~4 KB bodies: a burst of 300 fills several 256 KiB batches.
    const body = { ...chat, messages: [{ role: "system", content: "x".repeat(4000) }, ...chat.messages] };
    let next = 0;
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < 300) {
          next += 1;
          statuses.push((await call(gateway.url, `acct_burst_${next % 7}`, body)).status);
        }
      }),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(300);
    // Batches held during the burst go out on their own once it is over (no settle() to force them).
    let health = await admin(gateway.url, "health");
    for (let i = 0; i < 60 && health.detector.ingested !== 300; i++) {
      await new Promise((r) => setTimeout(r, 50));
      health = await admin(gateway.url, "health");
    }
    expect(health.detector).toMatchObject({ healthy: true, ingested: 300, queued: 0, dropped: 0 });
  });

  it("relays bodies that are not a JSON object as sent; the detector rejects them with the reason, and stays healthy", async () => {
    const { upstream, gateway } = await setup({ module });
    const raw = (base: string, body: string): Promise<Response> =>
      fetch(`${base}/v1/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-distillwatch-account": "acct_bad" },
        body,
      });
    for (const body of ["{not json", '{"model": "gpt-test", "messages": [', "[1, 2]", '"text"', ""]) {
      const direct = await raw(upstream.url, body);
      const via = await raw(gateway.url, body);
      expect(via.status).toBe(direct.status);
      expect(await via.text()).toBe(await direct.text());
    }
    expect((await call(gateway.url, "acct_good")).status).toBe(200);
    await gateway.settle();
    const health = await admin(gateway.url, "health");
    expect(health.detector).toMatchObject({ healthy: true, ingested: 1, rejected: 5, queued: 0, dropped: 0 });
    // The last bad body was the empty one.
    expect(health.detector.lastRejection).toMatch(/^dw_[0-9a-f-]+: request body is not valid JSON \(.+\)$/);
  });

  it("fails open when the detector throws: requests are served, health shows the error", async () => {
    const { gateway } = await setup({ module, options: { throwing: true } });
    expect((await call(gateway.url, "acct_a")).status).toBe(200);
    await gateway.settle();
    expect((await call(gateway.url, "acct_a")).status).toBe(200);
    const health = await admin(gateway.url, "health");
    expect(health.ok).toBe(true);
    expect(health.detector).toMatchObject({
      healthy: false,
      reason: "detector-error",
      lastError: "engine crashed",
    });
  });

  it("fails open when the worker dies, restarts it, and recovers", async () => {
    const { gateway } = await setup({ module });
    expect((await call(gateway.url, "attack_2")).status).toBe(200);
    await gateway.settle();
    expect((await call(gateway.url, "exit_now")).status).toBe(200);
    await gateway.settle();
    const down = await admin(gateway.url, "health");
    expect(down.detector).toMatchObject({
      healthy: false,
      reason: "detector-error",
      lastError: "detector worker exited with code 3",
    });
    // Fail open: served meanwhile, and the verdict already in memory still stands.
    expect((await call(gateway.url, "acct_b")).status).toBe(200);
    expect((await call(gateway.url, "attack_2")).status).toBe(403);
    await gateway.settle();
    let health = await admin(gateway.url, "health");
    for (let i = 0; i < 100 && !health.detector.healthy; i++) {
      await new Promise((r) => setTimeout(r, 50));
      await call(gateway.url, "acct_c");
      await gateway.settle();
      health = await admin(gateway.url, "health");
    }
    expect(health.detector).toMatchObject({ healthy: true, restarts: 1 });
  });

  it("runs the real engine in the worker", async () => {
    const { gateway } = await setup({ templateSlots: 1 << 12 });
    for (let i = 0; i < 5; i++)
      expect((await call(gateway.url, "acct_engine", { ...chat, stream: i % 2 === 0 })).status).toBe(200);
    await gateway.settle();
    const health = await admin(gateway.url, "health");
    expect(health.detector).toMatchObject({ healthy: true, ingested: 5, queued: 0 });
    const decisions = await admin(gateway.url, "decisions?account=acct_engine");
    expect(decisions.accounts[0]).toMatchObject({ account: "acct_engine" });
  }, 30_000);
});
