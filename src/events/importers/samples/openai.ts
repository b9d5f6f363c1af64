// OpenAI log records built from the documented request/response field names (openai-node types).
/** A chat completion whose response calls a tool; logged with the key owner as `user`. */
export const openaiChatTools = {
  id: "req_7f3a9c",
  created: 1767225600,
  user: "acct_north",
  api_key_id: "key_n01",
  organization_id: "org_north",
  request: {
    model: "gpt-4o",
    messages: [
      { role: "system", content: "You are a travel assistant." },
      { role: "user", content: "What is the weather in Lisbon tomorrow?" },
    ],
    tools: [{ type: "function", function: { name: "get_weather", parameters: { type: "object" } } }],
    tool_choice: "auto",
    temperature: 0.2,
    max_completion_tokens: 512,
    user: "enduser-88",
  },
  response: {
    id: "chatcmpl-AbC123",
    object: "chat.completion",
    created: 1767225601,
    model: "gpt-4o-2024-08-06",
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: "call_1",
              type: "function",
              function: { name: "get_weather", arguments: '{"city":"Lisbon"}' },
            },
          ],
        },
        finish_reason: "tool_calls",
      },
    ],
    usage: {
      prompt_tokens: 61,
      completion_tokens: 17,
      total_tokens: 78,
      prompt_tokens_details: { cached_tokens: 0 },
    },
  },
};

/** A streamed chat completion logged as its chunks, with the usage chunk last. */
export const openaiStreamed = {
  id: "req_8b21",
  timestamp: "2026-01-01T00:05:00Z",
  user: "acct_north",
  request: {
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: "Write a haiku about tides." }],
    stream: true,
    stream_options: { include_usage: true },
    n: 1,
  },
  response: [
    {
      id: "chatcmpl-S1",
      object: "chat.completion.chunk",
      model: "gpt-4o-mini",
      choices: [{ index: 0, delta: { role: "assistant", content: "Moon pulls" } }],
    },
    {
      id: "chatcmpl-S1",
      object: "chat.completion.chunk",
      model: "gpt-4o-mini",
      choices: [{ index: 0, delta: { content: " the sea home" }, finish_reason: "stop" }],
    },
    {
      id: "chatcmpl-S1",
      object: "chat.completion.chunk",
      model: "gpt-4o-mini",
      choices: [],
      usage: { prompt_tokens: 14, completion_tokens: 6, total_tokens: 20 },
    },
  ],
};

/** A Responses API call to a reasoning model. */
export const openaiResponsesReasoning = {
  id: "req_9c77",
  created_at: 1767226000,
  api_key_id: "key_s02",
  request: {
    model: "o3",
    instructions: "Answer with a proof.",
    input: [{ role: "user", content: [{ type: "input_text", text: "Prove that sqrt(2) is irrational." }] }],
    reasoning: { effort: "high" },
    max_output_tokens: 4000,
  },
  response: {
    id: "resp_123",
    object: "response",
    created_at: 1767226001,
    status: "completed",
    model: "o3-2025-04-16",
    output: [
      { type: "reasoning", id: "rs_1", summary: [] },
      {
        type: "message",
        id: "msg_1",
        role: "assistant",
        content: [{ type: "output_text", text: "Assume sqrt(2)=p/q in lowest terms..." }],
      },
    ],
    usage: {
      input_tokens: 20,
      output_tokens: 900,
      output_tokens_details: { reasoning_tokens: 840 },
      input_tokens_details: { cached_tokens: 0 },
    },
  },
};

/** A Batch API input line merged with its output line, attributed to a project. */
export const openaiBatchLine = {
  id: "batch_req_abc",
  custom_id: "task-0001",
  project_id: "proj_mirror",
  method: "POST",
  url: "/v1/chat/completions",
  body: { model: "gpt-4o", messages: [{ role: "user", content: "Solve: 17 * 23" }], temperature: 0 },
  response: {
    status_code: 200,
    request_id: "req_batch_1",
    body: {
      id: "chatcmpl-B1",
      object: "chat.completion",
      created: 1767230000,
      model: "gpt-4o",
      choices: [{ index: 0, message: { role: "assistant", content: "391" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 12, completion_tokens: 2 },
    },
  },
  error: null,
};

/** Every OpenAI sample. */
export const openaiSamples = [openaiChatTools, openaiStreamed, openaiResponsesReasoning, openaiBatchLine];
