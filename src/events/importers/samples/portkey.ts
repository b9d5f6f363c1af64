// Portkey logs-export records built from the documented export columns.
/** A streamed OpenAI chat call, bodies nested as `request.body` / `response.body`. */
export const portkeyStreamed = {
  id: "pk-log-1",
  created_at: "2026-01-06T14:00:00.000Z",
  request: {
    body: {
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Give me three names for a bakery." }],
      stream: true,
      seed: 7,
    },
  },
  response: {
    body: {
      id: "chatcmpl-P1",
      object: "chat.completion",
      choices: [{ index: 0, message: { role: "assistant", content: "Crumb & Co." }, finish_reason: "stop" }],
    },
  },
  is_success: 1,
  ai_org: "openai",
  ai_model: "gpt-4o-mini",
  req_units: 15,
  res_units: 9,
  total_units: 24,
  cost: 0.002,
  cost_currency: "USD",
  request_url: "https://api.openai.com/v1/chat/completions",
  request_method: "POST",
  response_status_code: 200,
  response_time: 950,
  cache_status: "MISS",
  stream_mode: "TRUE",
  metadata: { _user: "cust-bakery", environment: "production" },
};

/** An Anthropic reasoning call exported with flat dotted columns and a JSON-string metadata. */
export const portkeyAnthropicFlat = {
  created_at: "2026-01-06T15:00:00Z",
  "request.body": JSON.stringify({
    model: "claude-opus-4-1",
    max_tokens: 8000,
    thinking: { type: "enabled", budget_tokens: 4000 },
    messages: [{ role: "user", content: "Derive the closed form of the Fibonacci sequence." }],
  }),
  "response.body": JSON.stringify({
    id: "msg_P2",
    type: "message",
    content: [{ type: "text", text: "Binet's formula: F(n) = (phi^n - psi^n)/sqrt(5)." }],
    stop_reason: "end_turn",
    usage: { input_tokens: 20, output_tokens: 2100 },
  }),
  is_success: 1,
  ai_org: "anthropic",
  ai_model: "claude-opus-4-1",
  req_units: 20,
  res_units: 2100,
  request_url: "https://api.anthropic.com/v1/messages",
  response_status_code: 200,
  response_time: 30500,
  stream_mode: "FALSE",
  metadata: JSON.stringify({ _user: "cust-math" }),
};

/** Every Portkey sample. */
export const portkeySamples = [portkeyStreamed, portkeyAnthropicFlat];
