// OTLP/JSON ExportTraceServiceRequest lines with GenAI spans, built from the semantic-conventions
// gen-ai attribute registry (current and deprecated attributes).
type AnyValue =
  | { stringValue: string }
  | { intValue: string }
  | { doubleValue: number }
  | { arrayValue: { values: AnyValue[] } };
const s = (v: string): AnyValue => ({ stringValue: v });
const i = (v: number): AnyValue => ({ intValue: String(v) });
const d = (v: number): AnyValue => ({ doubleValue: v });
const kv = (attrs: Record<string, AnyValue>) => Object.entries(attrs).map(([key, value]) => ({ key, value }));

/** One export line: a chat span with a tool call, an HTTP span and an agent span (both skipped). */
export const otelChatLine = {
  resourceSpans: [
    {
      resource: { attributes: kv({ "service.name": s("support-bot") }) },
      scopeSpans: [
        {
          scope: { name: "opentelemetry.instrumentation.openai_v2" },
          spans: [
            {
              traceId: "5b8efff798038103d269b633813fc60c",
              spanId: "eee19b7ec3c1b174",
              name: "chat gpt-4o",
              kind: 3,
              startTimeUnixNano: "1767700800000000000",
              endTimeUnixNano: "1767700801500000000",
              attributes: kv({
                "gen_ai.operation.name": s("chat"),
                "gen_ai.provider.name": s("openai"),
                "gen_ai.request.model": s("gpt-4o"),
                "gen_ai.request.temperature": d(0.3),
                "gen_ai.request.max_tokens": i(300),
                "gen_ai.response.id": s("chatcmpl-O1"),
                "gen_ai.response.model": s("gpt-4o-2024-08-06"),
                "gen_ai.response.finish_reasons": { arrayValue: { values: [s("tool_calls")] } },
                "gen_ai.usage.input_tokens": i(55),
                "gen_ai.usage.output_tokens": i(20),
                "gen_ai.system_instructions": s(
                  JSON.stringify([{ type: "text", content: "You are a support agent." }]),
                ),
                "gen_ai.input.messages": s(
                  JSON.stringify([
                    { role: "user", parts: [{ type: "text", content: "Where is my order 1234?" }] },
                    {
                      role: "assistant",
                      parts: [
                        { type: "tool_call", id: "call_1", name: "lookup_order", arguments: { id: "1234" } },
                      ],
                    },
                    {
                      role: "tool",
                      parts: [{ type: "tool_call_response", id: "call_1", result: "shipped" }],
                    },
                  ]),
                ),
                "gen_ai.output.messages": s(
                  JSON.stringify([
                    {
                      role: "assistant",
                      parts: [
                        { type: "tool_call", id: "call_2", name: "track_parcel", arguments: { id: "1234" } },
                      ],
                      finish_reason: "tool_calls",
                    },
                  ]),
                ),
                "user.id": s("acct-support"),
                "client.address": s("192.0.2.10"),
              }),
            },
            {
              traceId: "5b8efff798038103d269b633813fc60c",
              spanId: "aaa19b7ec3c1b175",
              name: "POST /v1/chat/completions",
              startTimeUnixNano: "1767700800000000000",
              attributes: kv({ "http.request.method": s("POST") }),
            },
            {
              traceId: "5b8efff798038103d269b633813fc60c",
              spanId: "bbb19b7ec3c1b176",
              name: "invoke_agent support",
              startTimeUnixNano: "1767700799000000000",
              attributes: kv({ "gen_ai.operation.name": s("invoke_agent"), "user.id": s("acct-support") }),
            },
          ],
        },
      ],
    },
  ],
};

/** An older instrumentation: deprecated gen_ai.prompt/completion strings and enduser.id. */
export const otelDeprecatedLine = {
  resourceSpans: [
    {
      resource: { attributes: kv({ "enduser.id": s("acct-legacy") }) },
      scopeSpans: [
        {
          spans: [
            {
              traceId: "0af7651916cd43dd8448eb211c80319c",
              spanId: "b7ad6b7169203331",
              name: "text_completion",
              startTimeUnixNano: "1767704400000000000",
              endTimeUnixNano: "1767704402000000000",
              attributes: kv({
                "gen_ai.system": s("openai"),
                "gen_ai.operation.name": s("text_completion"),
                "gen_ai.request.model": s("gpt-3.5-turbo-instruct"),
                "gen_ai.prompt": s("Complete: The capital of France is"),
                "gen_ai.completion": s(" Paris."),
                "gen_ai.usage.prompt_tokens": i(7),
                "gen_ai.usage.completion_tokens": i(2),
              }),
            },
          ],
        },
      ],
    },
  ],
};

/** Every OTel sample. */
export const otelSamples = [otelChatLine, otelDeprecatedLine];
