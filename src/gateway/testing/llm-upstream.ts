// A real HTTP server that speaks OpenAI Chat Completions, OpenAI Responses and Anthropic Messages,
// streamed (SSE) or whole, for the gateway's tests and benchmark. Deterministic: the same request
// gets the same bytes, so responses through the gateway can be compared byte for byte with direct
// ones. Test-only headers steer it: `x-upstream-chunks` (deltas per stream), `x-upstream-delay-ms`
// (pause between deltas), `x-upstream-status` (answer with that error status).
import http from "node:http";
import type { AddressInfo } from "node:net";

/** What the upstream saw, for assertions. */
export interface SeenRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A running test upstream. */
export interface LlmUpstream {
  url: string;
  seen: SeenRequest[];
  /** Streams whose client went away before the last event. */
  aborted: number;
  /** Streams that ran to the end. */
  completed: number;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

const words = (n: number): string[] => Array.from({ length: n }, (_, i) => `tok${i} `);

function sse(event: string | undefined, data: unknown): string {
  return `${event ? `event: ${event}\n` : ""}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;
}

function chatEvents(body: Json, n: number): string[] {
  const model = String(body.model ?? "gpt-test");
  const base = { id: "chatcmpl-test", object: "chat.completion.chunk", created: 1700000000, model };
  const out = [
    sse(undefined, {
      ...base,
      choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }],
    }),
  ];
  if (body.reasoning_effort !== undefined)
    out.push(
      sse(undefined, {
        ...base,
        choices: [{ index: 0, delta: { reasoning_content: "secret reasoning" }, finish_reason: null }],
      }),
    );
  for (const w of words(n))
    out.push(
      sse(undefined, { ...base, choices: [{ index: 0, delta: { content: w }, finish_reason: null }] }),
    );
  out.push(sse(undefined, { ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] }));
  out.push(
    sse(undefined, {
      ...base,
      choices: [],
      usage: { prompt_tokens: 12, completion_tokens: n, total_tokens: 12 + n },
    }),
  );
  out.push(sse(undefined, "[DONE]"));
  return out;
}

function chatWhole(body: Json, n: number): Json {
  const message: Json = { role: "assistant", content: words(n).join("") };
  if (body.reasoning_effort !== undefined) message.reasoning_content = "secret reasoning";
  return {
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 1700000000,
    model: body.model ?? "gpt-test",
    choices: [{ index: 0, message, finish_reason: "stop" }],
    usage: { prompt_tokens: 12, completion_tokens: n, total_tokens: 12 + n },
  };
}

function responsesOutput(body: Json, n: number): Json[] {
  const out: Json[] = [];
  if (body.reasoning !== undefined)
    out.push({
      id: "rs_1",
      type: "reasoning",
      summary: [{ type: "summary_text", text: "secret reasoning" }],
    });
  out.push({
    id: "msg_1",
    type: "message",
    role: "assistant",
    status: "completed",
    content: [{ type: "output_text", text: words(n).join(""), annotations: [] }],
  });
  return out;
}

function responsesWhole(body: Json, n: number): Json {
  return {
    id: "resp_test",
    object: "response",
    created_at: 1700000000,
    status: "completed",
    model: body.model ?? "gpt-test",
    output: responsesOutput(body, n),
    usage: {
      input_tokens: 12,
      output_tokens: n,
      total_tokens: 12 + n,
      output_tokens_details: { reasoning_tokens: 0 },
    },
  };
}

function responsesEvents(body: Json, n: number): string[] {
  const out = [
    sse("response.created", {
      type: "response.created",
      response: { id: "resp_test", status: "in_progress", output: [] },
    }),
  ];
  if (body.reasoning !== undefined) {
    out.push(
      sse("response.output_item.added", {
        type: "response.output_item.added",
        output_index: 0,
        item: { id: "rs_1", type: "reasoning", summary: [] },
      }),
    );
    out.push(
      sse("response.reasoning_summary_text.delta", {
        type: "response.reasoning_summary_text.delta",
        item_id: "rs_1",
        delta: "secret reasoning",
      }),
    );
  }
  out.push(
    sse("response.output_item.added", {
      type: "response.output_item.added",
      output_index: 1,
      item: { id: "msg_1", type: "message", role: "assistant", content: [] },
    }),
  );
  for (const w of words(n))
    out.push(
      sse("response.output_text.delta", {
        type: "response.output_text.delta",
        item_id: "msg_1",
        output_index: 1,
        content_index: 0,
        delta: w,
      }),
    );
  out.push(sse("response.completed", { type: "response.completed", response: responsesWhole(body, n) }));
  return out;
}

function messagesWhole(body: Json, n: number): Json {
  const content: Json[] = [];
  if (body.thinking !== undefined)
    content.push({ type: "thinking", thinking: "secret reasoning", signature: "sig" });
  content.push({ type: "text", text: words(n).join("") });
  return {
    id: "msg_test",
    type: "message",
    role: "assistant",
    model: body.model ?? "claude-test",
    content,
    stop_reason: "end_turn",
    stop_sequence: null,
    usage: { input_tokens: 12, output_tokens: n },
  };
}

function messagesEvents(body: Json, n: number): string[] {
  const out = [
    sse("message_start", {
      type: "message_start",
      message: {
        id: "msg_test",
        type: "message",
        role: "assistant",
        model: body.model ?? "claude-test",
        content: [],
        stop_reason: null,
        usage: { input_tokens: 12, output_tokens: 1 },
      },
    }),
  ];
  let index = 0;
  if (body.thinking !== undefined) {
    out.push(
      sse("content_block_start", {
        type: "content_block_start",
        index,
        content_block: { type: "thinking", thinking: "" },
      }),
    );
    out.push(
      sse("content_block_delta", {
        type: "content_block_delta",
        index,
        delta: { type: "thinking_delta", thinking: "secret reasoning" },
      }),
    );
    out.push(sse("content_block_stop", { type: "content_block_stop", index }));
    index += 1;
  }
  out.push(
    sse("content_block_start", {
      type: "content_block_start",
      index,
      content_block: { type: "text", text: "" },
    }),
  );
  for (const w of words(n))
    out.push(
      sse("content_block_delta", {
        type: "content_block_delta",
        index,
        delta: { type: "text_delta", text: w },
      }),
    );
  out.push(sse("content_block_stop", { type: "content_block_stop", index }));
  out.push(
    sse("message_delta", {
      type: "message_delta",
      delta: { stop_reason: "end_turn", stop_sequence: null },
      usage: { output_tokens: n },
    }),
  );
  out.push(sse("message_stop", { type: "message_stop" }));
  return out;
}

function errorBody(path: string, status: number): Json {
  return path === "/v1/messages"
    ? { type: "error", error: { type: "api_error", message: `upstream failure ${status}` } }
    : { error: { message: `upstream failure ${status}`, type: "server_error", param: null, code: null } };
}

/** Starts the test upstream on 127.0.0.1 (port 0 = any free port). */
export async function startLlmUpstream(port = 0): Promise<LlmUpstream> {
  const state = { seen: [] as SeenRequest[], aborted: 0, completed: 0 };
  const server = http.createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      if (req.method === "GET" && path === "/v1/models") {
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ object: "list", data: [{ id: "gpt-test", object: "model" }] }));
        return;
      }
      let body: Json = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Json;
      } catch {
        res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify(errorBody(path, 400)));
        return;
      }
      if (state.seen.length < 10_000) state.seen.push({ path, headers: req.headers, body });
      const forced = Number(req.headers["x-upstream-status"] ?? 0);
      if (forced >= 400) {
        res
          .writeHead(forced, { "content-type": "application/json", "x-request-id": "req_failed" })
          .end(JSON.stringify(errorBody(path, forced)));
        return;
      }
      const n = Number(req.headers["x-upstream-chunks"] ?? 8);
      const delay = Number(req.headers["x-upstream-delay-ms"] ?? 0);
      if (body.stream !== true) {
        const whole =
          path === "/v1/messages"
            ? messagesWhole(body, n)
            : path === "/v1/responses"
              ? responsesWhole(body, n)
              : chatWhole(body, n);
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(whole));
        return;
      }
      const events =
        path === "/v1/messages"
          ? messagesEvents(body, n)
          : path === "/v1/responses"
            ? responsesEvents(body, n)
            : chatEvents(body, n);
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      let i = 0;
      let timer: NodeJS.Timeout | undefined;
      const next = (): void => {
        while (i < events.length) {
          res.write(events[i++]);
          if (delay > 0) {
            timer = setTimeout(next, delay);
            return;
          }
        }
        state.completed += 1;
        res.end();
      };
      res.on("close", () => {
        if (!res.writableFinished) {
          state.aborted += 1;
          if (timer) clearTimeout(timer);
        }
      });
      next();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    get seen() {
      return state.seen;
    },
    get aborted() {
      return state.aborted;
    },
    get completed() {
      return state.completed;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
