// Helicone export records built from the HeliconeRequest fields (jawn request store) and the
// request_response_rmt columns (proxy_key_id, prompt_cache_read_tokens).
/** An OpenAI chat call through a per-customer Helicone proxy key. */
export const heliconeOpenAI = {
  response_id: "8f0e1c2a-0000-4000-8000-000000000001",
  response_created_at: "2026-01-05T11:00:01.900Z",
  response_status: 200,
  response_model: "gpt-4o-2024-08-06",
  request_id: "5c1d9b7e-0000-4000-8000-000000000001",
  request_created_at: "2026-01-05T11:00:00.100Z",
  request_body: {
    model: "gpt-4o",
    messages: [{ role: "user", content: "Explain quicksort in two sentences." }],
    temperature: 1,
    logprobs: true,
    top_logprobs: 5,
  },
  response_body: {
    id: "chatcmpl-H1",
    object: "chat.completion",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: "Quicksort picks a pivot..." },
        finish_reason: "stop",
      },
    ],
    usage: { prompt_tokens: 14, completion_tokens: 38, completion_tokens_details: { reasoning_tokens: 0 } },
  },
  request_path: "/v1/chat/completions",
  request_user_id: "app-user-3",
  request_properties: { "Helicone-Property-App": "tutor" },
  request_model: "gpt-4o",
  provider: "OPENAI",
  delay_ms: 1800,
  time_to_first_token: 350,
  total_tokens: 52,
  prompt_tokens: 14,
  completion_tokens: 38,
  country_code: "PT",
  proxy_key_id: "pk-customer-42",
  costUSD: 0.0004,
  model: "gpt-4o",
};

/** An Anthropic call read from ClickHouse: naive UTC time, only a Helicone-User-Id. */
export const heliconeAnthropic = {
  request_id: "5c1d9b7e-0000-4000-8000-000000000002",
  request_created_at: "2026-01-05 12:00:00.000",
  status: 200,
  latency: 4200,
  request_body: {
    model: "claude-sonnet-4-5",
    system: "You are a careful mathematician.",
    max_tokens: 4096,
    thinking: { type: "enabled", budget_tokens: 2048 },
    messages: [{ role: "user", content: "Is 2^61 - 1 prime?" }],
  },
  response_body: {
    id: "msg_H2",
    type: "message",
    content: [
      { type: "thinking", thinking: "..." },
      { type: "text", text: "Yes, it is a Mersenne prime." },
    ],
    stop_reason: "end_turn",
    usage: { input_tokens: 30, output_tokens: 1500, cache_read_input_tokens: 0 },
  },
  user_id: "acct-mersenne",
  provider: "ANTHROPIC",
  prompt_tokens: 30,
  completion_tokens: 1500,
  prompt_cache_read_tokens: 0,
  country_code: "SG",
};

/** Every Helicone sample. */
export const heliconeSamples = [heliconeOpenAI, heliconeAnthropic];
