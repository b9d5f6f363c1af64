import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../config/index.js";
import type { Detector } from "../engine/types.js";
import { openSqliteStore } from "../store/index.js";
import { startGateway, type RunningGateway } from "./index.js";
import { startLlmUpstream, type LlmUpstream } from "./testing/llm-upstream.js";
import { CrashingDetector, ScriptedDetector } from "./testing/scripted-detector.js";

const adminKey = "admin-key-for-tests-0123456789";
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
});

async function setup(
  detector: Detector,
  policy: Record<string, unknown> = {},
  gatewayConfig: Record<string, unknown> = {},
): Promise<{ upstream: LlmUpstream; gateway: RunningGateway }> {
  const upstream = await startLlmUpstream();
  open.push(upstream);
  const gateway = await startGateway({
    upstream: upstream.url,
    port: 0,
    config: parseConfig({ policy, gateway: { adminKey, ...gatewayConfig } }),
    detector,
  });
  open.push(gateway);
  return { upstream, gateway };
}

const chat = {
  model: "o3",
  messages: [{ role: "user", content: "Solve x+1=2" }],
  max_tokens: 4000,
  reasoning_effort: "high",
};
const messages = {
  model: "claude-test",
  max_tokens: 8000,
  thinking: { type: "enabled", budget_tokens: 4000 },
  messages: [{ role: "user", content: "Hi" }],
};

async function call(
  base: string,
  path: string,
  body: unknown,
  account: string,
  extra: Record<string, string> = {},
): Promise<Response> {
  return fetch(base + path, {
    method: "POST",
    headers: { "content-type": "application/json", "x-distillwatch-account": account, ...extra },
    body: JSON.stringify(body),
  });
}

describe("gateway enforcement", () => {
  it("fails open when the detector crashes: requests are served", async () => {
    const { gateway } = await setup(new CrashingDetector());
    expect((await call(gateway.url, "/v1/chat/completions", chat, "acct_a")).status).toBe(200);
    await gateway.settle();
    const r = await call(gateway.url, "/v1/chat/completions", chat, "acct_a");
    expect(r.status).toBe(200);
    const health = await (
      await fetch(`${gateway.url}/_distillwatch/health`, {
        headers: { "x-distillwatch-admin-key": adminKey },
      })
    ).json();
    expect(health.detector).toMatchObject({
      healthy: false,
      reason: "detector-error",
      lastError: "engine crashed",
    });
  });

  it("fails closed when configured: requests are refused with the API's own error shape", async () => {
    const { gateway } = await setup(new CrashingDetector(), { failMode: "closed" });
    await call(gateway.url, "/v1/messages", messages, "acct_b");
    await gateway.settle();
    const r = await call(gateway.url, "/v1/messages", messages, "acct_b");
    expect(r.status).toBe(403);
    const body = await r.json();
    expect(body).toMatchObject({ type: "error", error: { type: "permission_error" } });
    expect(body.error.message).toContain(r.headers.get("x-distillwatch-ref"));
  });

  it("throttles with a 429 shaped like the API's rate-limit error and a retry-after", async () => {
    const detector = new ScriptedDetector();
    const { gateway } = await setup(detector);
    detector.set("acct_t", 80, "attack", "c1");
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await call(gateway.url, "/v1/chat/completions", chat, "acct_t");
      statuses.push(last.status);
      if (last.status === 200) await last.arrayBuffer();
    }
    // Default rule throttle-attack: burst 3 per campaign.
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await last!.json()).toMatchObject({ error: { type: "requests", code: "rate_limit_exceeded" } });
  });

  it("degrades a review account: caps tokens, withholds reasoning in request and response", async () => {
    const detector = new ScriptedDetector();
    const { upstream, gateway } = await setup(detector, {
      rules: [
        {
          name: "degrade-review",
          when: { verdict: ["review"] },
          action: { type: "degrade", maxTokens: 256 },
        },
      ],
    });
    detector.set("acct_r", 50, "review");
    const r = await call(gateway.url, "/v1/messages", { ...messages, stream: true }, "acct_r");
    const text = await r.text();
    const seen = upstream.seen.at(-1)!.body;
    expect(seen.max_tokens).toBe(256);
    expect(seen.thinking).toBeUndefined();
    expect(text).not.toContain("secret reasoning");
    expect(text).toContain("tok0");
    const whole = await call(gateway.url, "/v1/chat/completions", chat, "acct_r");
    const body = await whole.json();
    expect(upstream.seen.at(-1)!.body).toMatchObject({ max_tokens: 256 });
    expect(upstream.seen.at(-1)!.body.reasoning_effort).toBeUndefined();
    expect(body.choices[0].message.reasoning_content).toBeUndefined();
  });

  it("blocks a listed IP range added through the admin API, with a reference id in an OpenAI-shaped body", async () => {
    const { gateway } = await setup(new ScriptedDetector());
    const add = await fetch(`${gateway.url}/_distillwatch/lists`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-distillwatch-admin-key": adminKey },
      body: JSON.stringify({ list: "block", type: "ip", value: "127.0.0.0/8", note: "test" }),
    });
    expect(add.status).toBe(201);
    const entry = await add.json();
    const r = await call(gateway.url, "/v1/responses", { model: "m", input: "hi" }, "acct_ip");
    expect(r.status).toBe(403);
    expect(await r.json()).toMatchObject({
      error: { type: "invalid_request_error", code: "policy_violation" },
    });
    const decisions = await (
      await fetch(`${gateway.url}/_distillwatch/decisions`, {
        headers: { "x-distillwatch-admin-key": adminKey },
      })
    ).json();
    expect(decisions.recent[0]).toMatchObject({ account: "acct_ip", action: "block", rule: "block-listed" });
    const del = await fetch(`${gateway.url}/_distillwatch/lists/${entry.id}`, {
      method: "DELETE",
      headers: { "x-distillwatch-admin-key": adminKey },
    });
    expect(del.status).toBe(204);
    expect((await call(gateway.url, "/v1/responses", { model: "m", input: "hi" }, "acct_ip")).status).toBe(
      200,
    );
  });

  it("rejects admin requests without the admin key, or with a client API key instead", async () => {
    const { gateway } = await setup(new ScriptedDetector());
    for (const path of ["health", "decisions", "lists"]) {
      expect((await fetch(`${gateway.url}/_distillwatch/${path}`)).status).toBe(401);
      expect(
        (
          await fetch(`${gateway.url}/_distillwatch/${path}`, {
            headers: { authorization: `Bearer ${adminKey}` },
          })
        ).status,
      ).toBe(401);
      expect(
        (
          await fetch(`${gateway.url}/_distillwatch/${path}`, {
            headers: { "x-distillwatch-admin-key": "wrong-key-0123456789" },
          })
        ).status,
      ).toBe(401);
    }
    expect((await fetch(`${gateway.url}/_distillwatch/reload`, { method: "POST" })).status).toBe(401);
    expect(
      (
        await fetch(`${gateway.url}/_distillwatch/reload`, {
          method: "POST",
          headers: { "x-distillwatch-admin-key": adminKey },
        })
      ).status,
    ).toBe(200);
  });

  it("aborts the upstream request when the client disconnects mid-stream", async () => {
    const { upstream, gateway } = await setup(new ScriptedDetector());
    const url = new URL(`${gateway.url}/v1/chat/completions`);
    await new Promise<void>((resolve, reject) => {
      const req = http.request(
        {
          hostname: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-upstream-chunks": "200",
            "x-upstream-delay-ms": "20",
          },
        },
        (res) => {
          res.once("data", () => {
            req.destroy();
            resolve();
          });
        },
      );
      req.on("error", reject);
      req.end(JSON.stringify({ ...chat, stream: true }));
    });
    for (let i = 0; i < 50 && upstream.aborted === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(upstream.aborted).toBe(1);
    expect(upstream.completed).toBe(0);
  });

  it("cuts off upstream requests that go quiet for longer than the upstream timeout, and only those", async () => {
    const { upstream, gateway } = await setup(new ScriptedDetector(), {}, { upstreamTimeoutMs: 150 });
    const started = Date.now();
    const stream = (account: string, chunks: number, delayMs: number): Promise<Response> =>
      call(gateway.url, "/v1/chat/completions", { ...chat, stream: true }, account, {
        "x-upstream-chunks": String(chunks),
        "x-upstream-delay-ms": String(delayMs),
      });
    const [quiet1, lively, quiet2] = await Promise.all([
      stream("acct_quiet_1", 3, 5000),
      stream("acct_lively", 20, 20),
      stream("acct_quiet_2", 3, 5000),
    ]);
    const [r1, r2, r3] = await Promise.allSettled([quiet1.text(), lively.text(), quiet2.text()]);
    expect(r1.status).toBe("rejected");
    expect(r3.status).toBe("rejected");
    expect(r2.status).toBe("fulfilled");
    if (r2.status === "fulfilled") expect(r2.value).toContain("[DONE]");
    expect(Date.now() - started).toBeLessThan(3000);
    for (let i = 0; i < 50 && upstream.aborted < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(upstream.aborted).toBe(2);
    expect(upstream.completed).toBe(1);
  });

  it("applies rules on the model and on the prompt's own signals, which only the body tells", async () => {
    const { gateway } = await setup(new ScriptedDetector(), {
      rules: [
        { name: "block-o-series", when: { model: ["o3*"] }, action: { type: "block" } },
        { name: "block-cot", when: { signals: { cot: 0.8 } }, action: { type: "block" } },
      ],
    });
    const ask = (model: string, content: string): Promise<Response> =>
      call(gateway.url, "/v1/chat/completions", { model, messages: [{ role: "user", content }] }, "acct_m");
    expect((await ask("o3-mini", "Hi")).status).toBe(403);
    expect((await ask("gpt-test", "Solve it step by step")).status).toBe(403);
    expect((await ask("gpt-test", "Hi")).status).toBe(200);
  });

  it("blocks a listed template once the list holds one, by the request's system prompt", async () => {
    const { gateway } = await setup(new ScriptedDetector());
    const withSystem = (system: string, account: string): Promise<Response> =>
      call(
        gateway.url,
        "/v1/chat/completions",
        {
          model: "gpt-test",
          messages: [
            { role: "system", content: system },
            { role: "user", content: "Hi" },
          ],
        },
        account,
      );
    // The scripted detector assigns every exchange template t1.
    expect((await withSystem("You are a harvester.", "acct_h1")).status).toBe(200);
    await gateway.settle();
    const add = await fetch(`${gateway.url}/_distillwatch/lists`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-distillwatch-admin-key": adminKey },
      body: JSON.stringify({ list: "block", type: "template", value: "t1" }),
    });
    expect(add.status).toBe(201);
    expect((await withSystem("You are a harvester.", "acct_h2")).status).toBe(403);
    expect((await withSystem("You are someone else.", "acct_h3")).status).toBe(200);
  });
});

describe("gateway audit", () => {
  it("names the model in the audit entry of a refusal, though no rule reads the body", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dw-gateway-audit-"));
    const store = openSqliteStore(join(dir, "audit.db"));
    const upstream = await startLlmUpstream();
    const detector = new ScriptedDetector();
    const gateway = await startGateway({
      upstream: upstream.url,
      port: 0,
      config: parseConfig({}),
      detector,
      store,
    });
    try {
      detector.set("acct_x", 95, "attack", "c9");
      expect((await call(gateway.url, "/v1/chat/completions", chat, "acct_x")).status).toBe(403);
      await gateway.settle();
      const audit = await store.listAudit({ limit: 10, offset: 0, actor: "gateway" });
      expect(audit.items[0]).toMatchObject({
        action: "policy-block",
        subject: "acct_x",
        rule: "block-confirmed-attack",
        detail: { endpoint: "chat", model: "o3", campaign: "c9" },
      });
    } finally {
      await gateway.close();
      await upstream.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
