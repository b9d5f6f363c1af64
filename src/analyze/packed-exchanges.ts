// The form in which prepared exchanges cross from a preparing thread to the engine's thread:
// columns in typed arrays (transferred, not copied) and one string table, instead of an array
// of ~45-property objects. Measured on batches of the medium scenario (seed 11): structured
// clone of the objects took ~6 µs per exchange (serializing in the preparing thread, rebuilding
// in the engine's), packing + clone + unpacking ~1.4 µs. And the rebuilt objects, waiting in the
// in-flight batches, outlived the young generation; a packed batch is unpacked only as the
// engine's thread takes its exchanges (eachPrepared), so they die young.
import type { ExchangeFacts } from "../events/normalize.js";
import { RecordReader, RecordWriter } from "./number-records.js";
import type { PackedExchanges, PoolBatch, PreparedExchange } from "./prepared.js";
import { stringAt, StringTable } from "./string-table.js";

// Ref slots. Ids and request text rarely repeat, so they are added without a look-up.
const STRS = 21;
const [ID, ACCOUNT, ORG, END_USER, KEY, IP, COUNTRY, USER_AGENT, PAYMENT, EMAIL_DOMAIN] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
];
const [VERIFICATION, VIA, ENDPOINT, MODEL, FINISH, SYSTEM, PROMPT, OPENER, OUTPUT] = [
  10, 11, 12, 13, 14, 15, 16, 17, 18,
];
const [CAPABILITY, SCORE_KEYS] = [19, 20];

// Number slots: required ones first, then the optional ones (flag bit 8 + slot - OPTIONAL).
const NUMS = 20;
const [TS, USER_TURNS, MESSAGES, TOOL_MESSAGES, MEDIA_PARTS, N, TOOLS, OUTPUT_CHARS] = [
  0, 1, 2, 3, 4, 5, 6, 7,
];
const [RESPONSE_TOOL_CALLS, INPUT_TOKENS, OUTPUT_TOKENS, REASONING_TOKENS] = [8, 9, 10, 11];
const OPTIONAL = 12;
const [ASN, ACCOUNT_CREATED, TEMPERATURE, TOP_P, MAX_TOKENS, SEED, STATUS, LATENCY_MS] = [
  12, 13, 14, 15, 16, 17, 18, 19,
];

const [STREAM, REASONING, STRUCTURED, LOGPROBS, SAMPLED] = [1, 2, 4, 8, 16];
const KEYS_SHIFT = 16;

/** Packs `items` for postMessage; transfer `packedTransfer(p)` with it. */
export function packExchanges(items: readonly PreparedExchange[]): PackedExchanges {
  const count = items.length;
  const table = new StringTable();
  const scores = new RecordWriter(table);
  const refs = new Int32Array(count * STRS);
  const nums = new Float64Array(count * NUMS);
  const flags = new Uint32Array(count);
  const keys: number[] = [];
  for (let i = 0; i < count; i++) {
    const { facts: f, content, templateKeys, sampled } = items[i]!;
    const r = i * STRS;
    refs[r + ID] = table.add(f.id);
    refs[r + ACCOUNT] = table.ref(f.account);
    refs[r + ORG] = table.ref(f.org);
    refs[r + END_USER] = table.ref(f.endUser);
    refs[r + KEY] = table.ref(f.key);
    refs[r + IP] = table.ref(f.ip);
    refs[r + COUNTRY] = table.ref(f.country);
    refs[r + USER_AGENT] = table.ref(f.userAgent);
    refs[r + PAYMENT] = table.ref(f.payment);
    refs[r + EMAIL_DOMAIN] = table.ref(f.emailDomain);
    refs[r + VERIFICATION] = table.ref(f.verification);
    refs[r + VIA] = table.ref(f.via);
    refs[r + ENDPOINT] = table.ref(f.endpoint);
    refs[r + MODEL] = table.ref(f.model);
    refs[r + FINISH] = table.ref(f.finish);
    refs[r + SYSTEM] = table.ref(f.system); // one system prompt serves many requests
    refs[r + PROMPT] = f.prompt === "" ? table.ref("") : table.add(f.prompt);
    refs[r + OPENER] = table.add(f.opener);
    refs[r + OUTPUT] = table.add(f.output);
    refs[r + CAPABILITY] = table.ref(content.capability);
    refs[r + SCORE_KEYS] = scores.write(content.scores);
    const n = i * NUMS;
    nums[n + TS] = f.ts;
    nums[n + USER_TURNS] = f.userTurns;
    nums[n + MESSAGES] = f.messages;
    nums[n + TOOL_MESSAGES] = f.toolMessages;
    nums[n + MEDIA_PARTS] = f.mediaParts;
    nums[n + N] = f.n;
    nums[n + TOOLS] = f.tools;
    nums[n + OUTPUT_CHARS] = f.outputChars;
    nums[n + RESPONSE_TOOL_CALLS] = f.responseToolCalls;
    nums[n + INPUT_TOKENS] = f.inputTokens;
    nums[n + OUTPUT_TOKENS] = f.outputTokens;
    nums[n + REASONING_TOKENS] = f.reasoningTokens;
    let bits =
      (f.stream ? STREAM : 0) |
      (f.reasoningRequested ? REASONING : 0) |
      (f.structuredOutput ? STRUCTURED : 0) |
      (f.logprobs ? LOGPROBS : 0) |
      (sampled ? SAMPLED : 0);
    const opts = [f.asn, f.accountCreated, f.temperature, f.topP, f.maxTokens, f.seed, f.status, f.latencyMs];
    for (let j = 0; j < opts.length; j++) {
      const v = opts[j];
      if (v === undefined) continue;
      nums[n + OPTIONAL + j] = v;
      bits |= 1 << (8 + j);
    }
    flags[i] = (bits | (templateKeys.length << KEYS_SHIFT)) >>> 0;
    for (const k of templateKeys) keys.push(k);
  }
  const packed = { count, strings: table.strings, refs, nums, flags };
  return { ...packed, scores: Float64Array.from(scores.values), keys: Float64Array.from(keys) };
}

/** The buffers of `p` to transfer rather than copy. */
export function packedTransfer(p: PackedExchanges): ArrayBuffer[] {
  return [p.refs.buffer, p.nums.buffer, p.flags.buffer, p.scores.buffer, p.keys.buffer] as ArrayBuffer[];
}

/** The prepared exchanges `packExchanges` packed, equal to the originals. */
export function unpackExchanges(p: PackedExchanges): PreparedExchange[] {
  const reader = new PackedReader(p);
  return Array.from({ length: p.count }, () => reader.next());
}

/** Unpacks the exchanges of a packed batch one at a time, in order. */
class PackedReader {
  private readonly scores: RecordReader;
  private i = 0;
  private keyAt = 0;
  constructor(private readonly p: PackedExchanges) {
    this.scores = new RecordReader(p.strings, p.scores);
  }

  next(): PreparedExchange {
    const { strings, refs, nums, flags, keys } = this.p;
    const i = this.i++;
    const r = i * STRS;
    const bits = flags[i]!;
    const facts = unpackFacts(strings, refs, r, nums, i * NUMS, bits);
    const content = {
      scores: this.scores.next(refs[r + SCORE_KEYS]!),
      capability: strings[refs[r + CAPABILITY]!]!,
    };
    const keyCount = bits >>> KEYS_SHIFT;
    const templateKeys = new Array<number>(keyCount);
    for (let k = 0; k < keyCount; k++) templateKeys[k] = keys[this.keyAt++]!;
    return { facts, content, templateKeys, sampled: (bits & SAMPLED) !== 0 };
  }
}

function optional(nums: Float64Array, n: number, bits: number, slot: number): number | undefined {
  return bits & (1 << (8 + slot - OPTIONAL)) ? nums[n + slot] : undefined;
}

function unpackFacts(
  strings: readonly string[],
  refs: Int32Array,
  r: number,
  nums: Float64Array,
  n: number,
  bits: number,
): ExchangeFacts {
  // The key order of toFacts, so both paths build objects of one shape.
  return {
    id: strings[refs[r + ID]!]!,
    ts: nums[n + TS]!,
    account: strings[refs[r + ACCOUNT]!]!,
    org: stringAt(strings, refs[r + ORG]!),
    endUser: stringAt(strings, refs[r + END_USER]!),
    key: stringAt(strings, refs[r + KEY]!),
    ip: stringAt(strings, refs[r + IP]!),
    asn: optional(nums, n, bits, ASN),
    country: stringAt(strings, refs[r + COUNTRY]!),
    userAgent: stringAt(strings, refs[r + USER_AGENT]!),
    payment: stringAt(strings, refs[r + PAYMENT]!),
    emailDomain: stringAt(strings, refs[r + EMAIL_DOMAIN]!),
    accountCreated: optional(nums, n, bits, ACCOUNT_CREATED),
    verification: stringAt(strings, refs[r + VERIFICATION]!),
    via: stringAt(strings, refs[r + VIA]!),
    endpoint: stringAt(strings, refs[r + ENDPOINT]!),
    model: stringAt(strings, refs[r + MODEL]!),
    system: strings[refs[r + SYSTEM]!]!,
    prompt: strings[refs[r + PROMPT]!]!,
    opener: stringAt(strings, refs[r + OPENER]!),
    userTurns: nums[n + USER_TURNS]!,
    messages: nums[n + MESSAGES]!,
    toolMessages: nums[n + TOOL_MESSAGES]!,
    mediaParts: nums[n + MEDIA_PARTS]!,
    temperature: optional(nums, n, bits, TEMPERATURE),
    topP: optional(nums, n, bits, TOP_P),
    maxTokens: optional(nums, n, bits, MAX_TOKENS),
    n: nums[n + N]!,
    stream: (bits & STREAM) !== 0,
    tools: nums[n + TOOLS]!,
    reasoningRequested: (bits & REASONING) !== 0,
    structuredOutput: (bits & STRUCTURED) !== 0,
    logprobs: (bits & LOGPROBS) !== 0,
    seed: optional(nums, n, bits, SEED),
    outputChars: nums[n + OUTPUT_CHARS]!,
    output: stringAt(strings, refs[r + OUTPUT]!),
    responseToolCalls: nums[n + RESPONSE_TOOL_CALLS]!,
    finish: stringAt(strings, refs[r + FINISH]!),
    status: optional(nums, n, bits, STATUS),
    latencyMs: optional(nums, n, bits, LATENCY_MS),
    inputTokens: nums[n + INPUT_TOKENS]!,
    outputTokens: nums[n + OUTPUT_TOKENS]!,
    reasoningTokens: nums[n + REASONING_TOKENS]!,
  };
}

/** The exchanges of `b`, unpacked if they crossed from a worker thread. */
export function preparedItems(b: PoolBatch): PreparedExchange[] {
  return Array.isArray(b.items) ? b.items : unpackExchanges(b.items);
}

/**
 * The exchanges of `b` one at a time, each unpacked when it is taken: a consumer that is done
 * with an exchange before taking the next keeps few of them alive, so an engine pass that runs
 * in the middle of a batch (a clustering pass) does not promote the whole batch to the old
 * generation.
 */
export function* eachPrepared(b: PoolBatch): Generator<PreparedExchange> {
  if (Array.isArray(b.items)) {
    yield* b.items;
    return;
  }
  const reader = new PackedReader(b.items);
  for (let i = 0; i < b.items.count; i++) yield reader.next();
}

/** The number of exchanges in `b`. */
export function preparedCount(b: PoolBatch): number {
  return Array.isArray(b.items) ? b.items.length : b.items.count;
}
