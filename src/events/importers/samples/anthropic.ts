// Anthropic log records built from the Messages API and Message Batches field names.
/** A Messages call with system blocks and a tool_use response. */
export const anthropicToolUse = {
  id: "log_01",
  created_at: "2026-01-02T09:00:00Z",
  api_key_id: "apikey_01",
  workspace_id: "wrkspc_01",
  request: {
    model: "claude-sonnet-4-5",
    system: [{ type: "text", text: "You are a coding agent." }],
    max_tokens: 1024,
    temperature: 0.5,
    tools: [{ name: "run_tests", input_schema: { type: "object" } }],
    metadata: { user_id: "enduser-5" },
    messages: [
      { role: "user", content: [{ type: "text", text: "Fix the failing test in utils.ts" }] },
      { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "run_tests", input: {} }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "1 failed" }] },
    ],
  },
  response: {
    id: "msg_01ABC",
    type: "message",
    role: "assistant",
    model: "claude-sonnet-4-5-20250929",
    content: [
      { type: "text", text: "Running the tests again." },
      { type: "tool_use", id: "toolu_2", name: "run_tests", input: {} },
    ],
    stop_reason: "tool_use",
    usage: {
      input_tokens: 320,
      output_tokens: 40,
      cache_read_input_tokens: 200,
      cache_creation_input_tokens: 0,
    },
  },
};

/** A streamed call with extended thinking. */
export const anthropicThinking = {
  id: "log_02",
  timestamp: 1767344400000,
  api_key_id: "apikey_02",
  request: {
    model: "claude-opus-4-1",
    max_tokens: 16000,
    stream: true,
    thinking: { type: "enabled", budget_tokens: 10000 },
    messages: [{ role: "user", content: "How many primes are below 100? Show your reasoning." }],
  },
  response: {
    id: "msg_02",
    type: "message",
    role: "assistant",
    model: "claude-opus-4-1-20250805",
    content: [
      { type: "thinking", thinking: "List primes...", signature: "sig" },
      { type: "text", text: "There are 25 primes below 100." },
    ],
    stop_reason: "end_turn",
    usage: { input_tokens: 18, output_tokens: 700 },
  },
};

/** A Message Batches request line merged with its succeeded result. */
export const anthropicBatch = {
  custom_id: "item-42",
  created_at: "2026-01-03T12:00:00Z",
  workspace_id: "wrkspc_harvest",
  params: {
    model: "claude-haiku-4-5",
    max_tokens: 256,
    messages: [{ role: "user", content: "Translate 'good morning' to French." }],
  },
  result: {
    type: "succeeded",
    message: {
      id: "msg_03",
      type: "message",
      role: "assistant",
      model: "claude-haiku-4-5",
      content: [{ type: "text", text: "Bonjour." }],
      stop_reason: "end_turn",
      usage: { input_tokens: 15, output_tokens: 4 },
    },
  },
};

/** Every Anthropic sample. */
export const anthropicSamples = [anthropicToolUse, anthropicThinking, anthropicBatch];
