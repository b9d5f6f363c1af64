// Langfuse observation records built from the public API (commons.yml, observations-v2.yml)
// and ClickHouse (0002_observations.up.sql) field names.
/** A GENERATION from GET /api/public/v2/observations with a tool-calling reply. */
export const langfuseApiGeneration = {
  id: "obs-1",
  traceId: "trace-a",
  type: "GENERATION",
  name: "chat",
  startTime: "2026-01-04T08:00:00.000Z",
  endTime: "2026-01-04T08:00:01.200Z",
  completionStartTime: "2026-01-04T08:00:00.400Z",
  providedModelName: "gpt-4o",
  modelParameters: { temperature: "0.7", max_tokens: "800", stream: "false" },
  input: [
    { role: "system", content: "You help with travel plans." },
    { role: "user", content: "Book me a train from Porto to Lisbon." },
  ],
  output: {
    role: "assistant",
    content: "",
    tool_calls: [{ id: "t1", type: "function", function: { name: "search_trains", arguments: "{}" } }],
  },
  usageDetails: { input: 42, output: 12, total: 54, input_cached_tokens: 10 },
  level: "DEFAULT",
  userId: "user-lf-1",
  sessionId: "s-1",
  environment: "production",
};

/** The same kind of row read straight from ClickHouse: snake_case, JSON strings, naive UTC time. */
export const langfuseClickhouseReasoning = {
  id: "obs-2",
  trace_id: "trace-b",
  project_id: "proj-1",
  type: "GENERATION",
  start_time: "2026-01-04 09:30:00.250",
  end_time: "2026-01-04 09:30:20.250",
  name: "solve",
  metadata: {},
  level: "DEFAULT",
  provided_model_name: "o4-mini",
  model_parameters: '{"reasoning_effort":"high","max_completion_tokens":"6000"}',
  input: '[{"role":"user","content":"Find all integer solutions of x^2 - y^2 = 15."}]',
  output: '{"role":"assistant","content":"(±8, ±7) and (±4, ±1)"}',
  usage_details: { input: 25, output: 3000, output_reasoning_tokens: 2800 },
  user_id: "user-lf-2",
};

/** A generation logged by LiteLLM's Langfuse callback: key owner in metadata, end user as userId. */
export const langfuseFromLitellm = {
  id: "obs-3",
  traceId: "trace-c",
  type: "GENERATION",
  startTime: "2026-01-04T10:00:00Z",
  model: "claude-haiku-4-5",
  input: { messages: [{ role: "user", content: "Classify: 'refund not received'" }] },
  output: "billing",
  usage: { input: 12, output: 1 },
  metadata: { user_api_key_user_id: "user_east", user_api_key_hash: "ab12", user_api_key_alias: "east-key" },
  userId: "shopper-991",
};

/** A SPAN observation: not a model call. */
export const langfuseSpan = {
  id: "obs-4",
  traceId: "trace-a",
  type: "SPAN",
  name: "retrieve",
  startTime: "2026-01-04T07:59:59.000Z",
  userId: "user-lf-1",
};

/** Every Langfuse sample. */
export const langfuseSamples = [
  langfuseApiGeneration,
  langfuseClickhouseReasoning,
  langfuseFromLitellm,
  langfuseSpan,
];
