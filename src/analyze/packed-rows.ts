// The form in which exchange rows cross from the engine's thread to the store writer thread:
// typed-array columns (transferred) and one string table per batch. As objects, each row's 16
// property names were serialized and re-internalized on the way (structured clone measured
// ~2.6 µs per row, packing + clone + unpacking ~0.7 µs); in columns the engine's thread writes
// a few numbers and string refs per row, and the repeated values (account, key, IP, model,
// template, …) go once per batch.
import type { ExchangeRow } from "../store/index.js";
import { RecordReader, RecordWriter } from "./number-records.js";
import { stringAt, StringTable } from "./string-table.js";

/** Exchange rows as columns. */
export interface PackedRows {
  count: number;
  strings: string[];
  /** STRS string refs per row. */
  refs: Int32Array;
  /** NUMS numbers per row. */
  nums: Float64Array;
  /** Signal values of every row in order. */
  signals: Float64Array;
}

const STRS = 12;
const [ID, ACCOUNT, END_USER, KEY, IP, PAYMENT, USER_AGENT, MODEL, ENDPOINT, TEMPLATE] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
];
const [CAPABILITY, SIGNAL_KEYS] = [10, 11];
const NUMS = 5;
const [TS, INPUT_TOKENS, OUTPUT_TOKENS, ASN, HAS_ASN] = [0, 1, 2, 3, 4];

/** Packs `rows` for postMessage; transfer `packedRowsTransfer(p)` with it. */
export function packRows(rows: readonly ExchangeRow[]): PackedRows {
  const count = rows.length;
  const table = new StringTable();
  const signals = new RecordWriter(table);
  const refs = new Int32Array(count * STRS);
  const nums = new Float64Array(count * NUMS);
  for (let i = 0; i < count; i++) {
    const row = rows[i]!;
    const r = i * STRS;
    refs[r + ID] = table.add(row.id);
    refs[r + ACCOUNT] = table.ref(row.account);
    refs[r + END_USER] = table.ref(row.endUser);
    refs[r + KEY] = table.ref(row.key);
    refs[r + IP] = table.ref(row.ip);
    refs[r + PAYMENT] = table.ref(row.payment);
    refs[r + USER_AGENT] = table.ref(row.userAgent);
    refs[r + MODEL] = table.ref(row.model);
    refs[r + ENDPOINT] = table.ref(row.endpoint);
    refs[r + TEMPLATE] = table.ref(row.template);
    refs[r + CAPABILITY] = table.ref(row.capability);
    refs[r + SIGNAL_KEYS] = signals.write(row.signals);
    const n = i * NUMS;
    nums[n + TS] = row.ts;
    nums[n + INPUT_TOKENS] = row.inputTokens;
    nums[n + OUTPUT_TOKENS] = row.outputTokens;
    if (row.asn !== undefined) {
      nums[n + ASN] = row.asn;
      nums[n + HAS_ASN] = 1;
    }
  }
  return { count, strings: table.strings, refs, nums, signals: Float64Array.from(signals.values) };
}

/** The buffers of `p` to transfer rather than copy. */
export function packedRowsTransfer(p: PackedRows): ArrayBuffer[] {
  return [p.refs.buffer, p.nums.buffer, p.signals.buffer] as ArrayBuffer[];
}

/** The rows `packRows` packed, with the keys (absent ones undefined) in `exchangeRow` order. */
export function unpackRows(p: PackedRows): ExchangeRow[] {
  const { strings, refs, nums } = p;
  const signals = new RecordReader(strings, p.signals);
  const rows = new Array<ExchangeRow>(p.count);
  for (let i = 0; i < p.count; i++) {
    const r = i * STRS;
    const n = i * NUMS;
    rows[i] = {
      id: strings[refs[r + ID]!]!,
      ts: nums[n + TS]!,
      account: strings[refs[r + ACCOUNT]!]!,
      endUser: stringAt(strings, refs[r + END_USER]!),
      key: stringAt(strings, refs[r + KEY]!),
      ip: stringAt(strings, refs[r + IP]!),
      asn: nums[n + HAS_ASN] ? nums[n + ASN] : undefined,
      payment: stringAt(strings, refs[r + PAYMENT]!),
      userAgent: stringAt(strings, refs[r + USER_AGENT]!),
      model: stringAt(strings, refs[r + MODEL]!),
      endpoint: stringAt(strings, refs[r + ENDPOINT]!),
      template: stringAt(strings, refs[r + TEMPLATE]!),
      inputTokens: nums[n + INPUT_TOKENS]!,
      outputTokens: nums[n + OUTPUT_TOKENS]!,
      signals: signals.next(refs[r + SIGNAL_KEYS]!),
      capability: stringAt(strings, refs[r + CAPABILITY]!),
    };
  }
  return rows;
}
