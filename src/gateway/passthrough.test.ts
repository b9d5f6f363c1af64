import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../config/index.js";
import { startGateway, type RunningGateway } from "./index.js";
import { startLlmUpstream, type LlmUpstream } from "./testing/llm-upstream.js";
import { ScriptedDetector } from "./testing/scripted-detector.js";

let upstream: LlmUpstream;
let gateway: RunningGateway;
const detector = new ScriptedDetector();

beforeAll(async () => {
  upstream = await startLlmUpstream();
  gateway = await startGateway({ upstream: upstream.url, port: 0, config: parseConfig({}), detector });
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

const bodies = {
  "/v1/chat/completions": {
    model: "gpt-test",
    messages: [
      { role: "system", content: "You are terse." },
      { role: "user", content: "Say hi" },
    ],
  },
  "/v1/responses": { model: "gpt-test", instructions: "You are terse.", input: "Say hi" },
  "/v1/messages": {
    model: "claude-test",
    max_tokens: 100,
    system: "You are terse.",
    messages: [{ role: "user", content: "Say hi" }],
  },
} as const;

async function post(
  base: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const r = await fetch(base + path, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer sk-test-secret", ...headers },
    body: JSON.stringify(body),
  });
  return { status: r.status, type: r.headers.get("content-type"), bytes: Buffer.from(await r.arrayBuffer()) };
}

describe("gateway pass-through", () => {
  for (const [path, body] of Object.entries(bodies)) {
    for (const stream of [false, true]) {
      it(`relays ${path} ${stream ? "streamed" : "whole"} byte for byte`, async () => {
        const direct = await post(upstream.url, path, { ...body, stream });
        const via = await post(gateway.url, path, { ...body, stream });
        expect(via.status).toBe(200);
        expect(via.type).toBe(direct.type);
        expect(via.bytes.equals(direct.bytes)).toBe(true);
        expect(via.bytes.length).toBeGreaterThan(100);
      });
    }
  }

  it("passes chunks on as they arrive instead of buffering the stream", async () => {
    const started = performance.now();
    const r = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-upstream-chunks": "6", "x-upstream-delay-ms": "150" },
      body: JSON.stringify({ ...bodies["/v1/chat/completions"], stream: true }),
    });
    const reader = r.body!.getReader();
    const arrivals: number[] = [];
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
      arrivals.push(performance.now() - started);
    }
    const total = performance.now() - started;
    // The upstream needs ≥ 9 × 150 ms for its events; the first must arrive long before that.
    expect(total).toBeGreaterThan(1200);
    expect(arrivals[0]).toBeLessThan(400);
    expect(arrivals.length).toBeGreaterThanOrEqual(6);
  });

  it("passes upstream errors through with their status and body", async () => {
    for (const path of ["/v1/chat/completions", "/v1/messages"] as const) {
      const direct = await post(upstream.url, path, bodies[path], { "x-upstream-status": "500" });
      const via = await post(gateway.url, path, bodies[path], { "x-upstream-status": "500" });
      expect(via.status).toBe(500);
      expect(via.bytes.equals(direct.bytes)).toBe(true);
    }
    const limited = await post(gateway.url, "/v1/responses", bodies["/v1/responses"], {
      "x-upstream-status": "429",
    });
    expect(limited.status).toBe(429);
  });

  it("passes other paths through untouched", async () => {
    const direct = await fetch(`${upstream.url}/v1/models`);
    const via = await fetch(`${gateway.url}/v1/models`);
    expect(via.status).toBe(200);
    expect(await via.text()).toBe(await direct.text());
  });

  it("forwards the client's own API key and keeps gateway headers to itself", async () => {
    await post(gateway.url, "/v1/messages", bodies["/v1/messages"], {
      "x-api-key": "sk-ant-client",
      "x-distillwatch-account": "acct_hdr",
    });
    const seen = upstream.seen.at(-1)!;
    expect(seen.headers["x-api-key"]).toBe("sk-ant-client");
    expect(seen.headers.authorization).toBe("Bearer sk-test-secret");
    expect(seen.headers["x-distillwatch-account"]).toBeUndefined();
  });

  it("records each exchange into the detector after the response, without the key secret", async () => {
    const before = detector.ingested.length;
    await post(
      gateway.url,
      "/v1/chat/completions",
      { ...bodies["/v1/chat/completions"], stream: true },
      { "x-distillwatch-account": "acct_rec", "x-upstream-chunks": "3" },
    );
    await gateway.settle();
    const facts = detector.ingested.slice(before).find((f) => f.account === "acct_rec");
    expect(facts).toBeDefined();
    expect(facts!.prompt).toBe("Say hi");
    expect(facts!.system).toBe("You are terse.");
    expect(facts!.endpoint).toBe("chat");
    expect(facts!.outputChars).toBe("tok0 tok1 tok2 ".length);
    expect(facts!.outputTokens).toBe(3);
    expect(facts!.ip).toBe("127.0.0.1");
    expect(facts!.key).toMatch(/^key_[0-9a-f]{24}$/);
    expect(JSON.stringify(facts)).not.toContain("sk-test-secret");
  });

  it("identifies an account by a hash of its API key when no account header is sent", async () => {
    const before = detector.ingested.length;
    await post(gateway.url, "/v1/responses", bodies["/v1/responses"]);
    await gateway.settle();
    const facts = detector.ingested.slice(before);
    expect(facts).toHaveLength(1);
    expect(facts[0]!.account).toBe(facts[0]!.key);
  });
});
