import { describe, expect, it } from "vitest";
import { createStreamReasoningFilter, degradeRequest, stripReasoning } from "./degrade.js";

describe("degradeRequest", () => {
  it("caps both OpenAI chat token fields and drops reasoning effort", () => {
    const out = degradeRequest(
      "chat",
      { model: "o3", max_tokens: 4000, max_completion_tokens: 100, reasoning_effort: "high" },
      { maxTokens: 256, withholdReasoning: true },
    );
    expect(out).toEqual({ model: "o3", max_tokens: 256, max_completion_tokens: 100 });
  });

  it("sets a cap when the client asked for none", () => {
    expect(degradeRequest("chat", { model: "m" }, { maxTokens: 64, withholdReasoning: false })).toEqual({
      model: "m",
      max_completion_tokens: 64,
    });
    expect(degradeRequest("responses", { model: "m" }, { maxTokens: 64, withholdReasoning: false })).toEqual({
      model: "m",
      max_output_tokens: 64,
    });
  });

  it("removes Anthropic extended thinking and caps max_tokens", () => {
    const out = degradeRequest(
      "messages",
      { model: "claude", max_tokens: 8000, thinking: { type: "enabled", budget_tokens: 4000 } },
      { maxTokens: 1024, withholdReasoning: true },
    );
    expect(out).toEqual({ model: "claude", max_tokens: 1024 });
  });

  it("removes Responses reasoning and encrypted reasoning includes without touching the original", () => {
    const body = {
      model: "o3",
      reasoning: { effort: "high", summary: "auto" },
      include: ["reasoning.encrypted_content", "file_search_call.results"],
    };
    const out = degradeRequest("responses", body, { withholdReasoning: true });
    expect(out).toEqual({ model: "o3", include: ["file_search_call.results"] });
    expect(body.reasoning).toBeDefined();
  });
});

describe("stripReasoning", () => {
  it("drops Anthropic thinking blocks and keeps text", () => {
    const out = stripReasoning("messages", {
      content: [
        { type: "thinking", thinking: "secret" },
        { type: "redacted_thinking", data: "x" },
        { type: "text", text: "answer" },
      ],
    });
    expect(out.content).toEqual([{ type: "text", text: "answer" }]);
  });

  it("drops Responses reasoning items", () => {
    const out = stripReasoning("responses", {
      output: [
        { type: "reasoning", summary: [] },
        { type: "message", content: [] },
      ],
    });
    expect(out.output).toEqual([{ type: "message", content: [] }]);
  });

  it("drops reasoning_content from chat messages", () => {
    const out = stripReasoning("chat", {
      choices: [{ index: 0, message: { role: "assistant", content: "a", reasoning_content: "think" } }],
    });
    expect(out.choices).toEqual([{ index: 0, message: { role: "assistant", content: "a" } }]);
  });
});

describe("createStreamReasoningFilter", () => {
  it("drops an Anthropic thinking block from start to stop and keeps the text block", () => {
    const f = createStreamReasoningFilter("messages");
    const events = [
      { type: "message_start", message: {} },
      { type: "content_block_start", index: 0, content_block: { type: "thinking", thinking: "" } },
      { type: "content_block_delta", index: 0, delta: { type: "thinking_delta", thinking: "hmm" } },
      { type: "content_block_delta", index: 0, delta: { type: "signature_delta", signature: "sig" } },
      { type: "content_block_stop", index: 0 },
      { type: "content_block_start", index: 1, content_block: { type: "text", text: "" } },
      { type: "content_block_delta", index: 1, delta: { type: "text_delta", text: "hi" } },
      { type: "content_block_stop", index: 1 },
    ];
    const kept = events.map(f).filter((e) => e !== null);
    expect(kept.map((e) => e.type)).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
      "content_block_stop",
    ]);
    expect(kept.every((e) => e.index === undefined || e.index === 1)).toBe(true);
  });

  it("drops Responses reasoning events and reasoning items in the final response", () => {
    const f = createStreamReasoningFilter("responses");
    expect(f({ type: "response.reasoning_summary_text.delta", delta: "x" })).toBeNull();
    expect(f({ type: "response.output_item.added", item: { type: "reasoning" } })).toBeNull();
    expect(f({ type: "response.output_text.delta", delta: "y" })).toEqual({
      type: "response.output_text.delta",
      delta: "y",
    });
    expect(
      f({ type: "response.completed", response: { output: [{ type: "reasoning" }, { type: "message" }] } }),
    ).toEqual({ type: "response.completed", response: { output: [{ type: "message" }] } });
  });

  it("removes reasoning deltas from chat chunks", () => {
    const f = createStreamReasoningFilter("chat");
    expect(f({ choices: [{ index: 0, delta: { reasoning_content: "x", content: "y" } }] })).toEqual({
      choices: [{ index: 0, delta: { content: "y" } }],
    });
  });
});
