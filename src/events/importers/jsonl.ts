// The native format: one contract exchange per line (shared/spec/exchange-events.md §1), passed
// through unchanged so the contract schema reports any field of the wrong type.
import type { Importer } from "./importer.js";
import { isObject, missing } from "./shared.js";

/** Native distillwatch JSONL: records already are exchanges. */
export const jsonlImporter: Importer = {
  name: "jsonl",
  description: "distillwatch exchange JSONL (the contract's own fields)",
  detect(record) {
    return (
      isObject(record) &&
      typeof record.id === "string" &&
      (typeof record.ts === "string" || typeof record.ts === "number") &&
      typeof record.account === "string" &&
      (Array.isArray(record.messages) || typeof record.prompt === "string")
    );
  },
  toExchanges(record) {
    if (!isObject(record)) throw new Error("jsonl record is not a JSON object");
    // Absent required fields get named here; wrong types are left to the contract's messages.
    if (record.id === undefined) missing("jsonl", "id", "id");
    if (record.ts === undefined) missing("jsonl", "ts", "ts");
    if (record.account === undefined) missing("jsonl", "account", "account");
    return [record];
  },
};
