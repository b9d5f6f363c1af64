// Native exchange records (shared/spec/exchange-events.md §1).
/** A chat exchange in the contract's own fields. */
export const jsonlChat = {
  id: "ex-1",
  ts: "2026-01-07T10:00:00Z",
  account: "acct_17",
  end_user: "u-9",
  endpoint: "chat",
  model: "gpt-4o",
  messages: [{ role: "user", content: "Explain photosynthesis." }],
  params: { temperature: 0.7, stream: true },
  usage: { input_tokens: 5, output_tokens: 120 },
};

/** A legacy completions exchange with epoch-ms time. */
export const jsonlPrompt = {
  id: "ex-2",
  ts: 1767780000000,
  account: "acct_18",
  prompt: "Once upon a time",
  output: " there was",
};

/** Every native sample. */
export const jsonlSamples = [jsonlChat, jsonlPrompt];
