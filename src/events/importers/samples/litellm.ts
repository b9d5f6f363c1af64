// LiteLLM records built from StandardLoggingPayload (litellm/types/utils.py) and the
// LiteLLM_SpendLogs columns (schema.prisma, SpendLogsMetadata).
/** A successful chat call through the proxy, as a StandardLoggingPayload. */
export const litellmPayloadTools = {
  id: "chatcmpl-LL1",
  trace_id: "trace-1",
  call_type: "acompletion",
  stream: false,
  response_cost: 0.00042,
  status: "success",
  custom_llm_provider: "openai",
  total_tokens: 120,
  prompt_tokens: 80,
  completion_tokens: 40,
  startTime: 1767312000.125,
  endTime: 1767312001.625,
  completionStartTime: 1767312001.0,
  response_time: 1.5,
  model: "gpt-4o",
  model_id: "deploy-1",
  model_group: "gpt-4o",
  api_base: "https://api.openai.com/v1",
  metadata: {
    user_api_key_hash: "88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b",
    user_api_key_alias: "north-prod",
    user_api_key_org_id: "org_north",
    user_api_key_team_id: "team_north",
    user_api_key_user_id: "user_north",
    user_api_key_end_user_id: null,
    requester_ip_address: "203.0.113.7",
    user_agent: "OpenAI/Python 1.52.0",
    requester_metadata: {},
  },
  cache_hit: false,
  request_tags: [],
  end_user: "customer-17",
  requester_ip_address: "203.0.113.7",
  messages: [
    { role: "system", content: "You are a SQL assistant." },
    { role: "user", content: "List the tables in the sales schema." },
  ],
  response: {
    id: "chatcmpl-LL1",
    object: "chat.completion",
    model: "gpt-4o",
    choices: [
      {
        index: 0,
        finish_reason: "tool_calls",
        message: {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "c1", type: "function", function: { name: "run_sql", arguments: "{}" } }],
        },
      },
    ],
    usage: { prompt_tokens: 80, completion_tokens: 40 },
  },
  error_str: null,
  error_information: null,
  model_parameters: {
    temperature: 0,
    tools: [{ type: "function", function: { name: "run_sql" } }],
    tool_choice: "auto",
  },
  hidden_params: {
    model_id: "deploy-1",
    cache_key: null,
    api_base: "https://api.openai.com/v1",
    response_cost: 0.00042,
  },
};

/** A rate-limited streaming call to a reasoning model. */
export const litellmPayloadFailure = {
  id: "litellm-call-2",
  trace_id: "trace-2",
  call_type: "acompletion",
  stream: true,
  response_cost: 0,
  status: "failure",
  total_tokens: 0,
  prompt_tokens: 0,
  completion_tokens: 0,
  startTime: 1767312100.0,
  endTime: 1767312100.2,
  model: "o3-mini",
  model_group: "o3-mini",
  metadata: {
    user_api_key_hash: "a73dc2aa",
    user_api_key_alias: null,
    user_api_key_team_id: "team_mirror",
    user_api_key_user_id: null,
  },
  messages: [{ role: "user", content: "Solve the integral of x^2 e^x dx step by step." }],
  response: null,
  error_str: "RateLimitError: 429",
  error_information: { error_code: "429", error_class: "RateLimitError", llm_provider: "openai" },
  model_parameters: { stream: true, reasoning_effort: "high", max_completion_tokens: 8000 },
};

/** A /spend/logs row with prompts stored (store_prompts_in_spend_logs). */
export const litellmSpendLog = {
  request_id: "chatcmpl-SP9",
  call_type: "acompletion",
  api_key: "898c28e1d2a6f0c1",
  spend: 0.000214,
  total_tokens: 122,
  prompt_tokens: 100,
  completion_tokens: 22,
  startTime: "2026-01-02T10:00:00.000Z",
  endTime: "2026-01-02T10:00:02.500Z",
  request_duration_ms: 2500,
  model: "claude-sonnet-4-5",
  model_group: "claude-sonnet",
  custom_llm_provider: "anthropic",
  user: "user_south",
  team_id: "team_south",
  organization_id: "org_south",
  end_user: "",
  requester_ip_address: "198.51.100.20",
  metadata: JSON.stringify({
    user_api_key: "898c28e1d2a6f0c1",
    user_api_key_alias: "south-batch",
    user_api_key_user_id: "user_south",
    status: "success",
  }),
  cache_hit: "False",
  request_tags: "[]",
  messages: [{ role: "user", content: "Summarise the attached contract in five bullet points." }],
  response: {
    id: "chatcmpl-SP9",
    object: "chat.completion",
    choices: [
      { index: 0, finish_reason: "stop", message: { role: "assistant", content: "- Term: 2 years\n- ..." } },
    ],
    usage: { prompt_tokens: 100, completion_tokens: 22 },
  },
  session_id: "sess-4",
  status: "success",
};

/** Every LiteLLM sample. */
export const litellmSamples = [litellmPayloadTools, litellmPayloadFailure, litellmSpendLog];
